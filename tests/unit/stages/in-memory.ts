import type { EventCoder } from '../../../src/coder/index.js';
import type { CodedArticle, CodedEvent } from '../../../src/core/event-schema.js';
import type { FetchRequest, FetchResult } from '../../../src/fetch/index.js';
import type { ArticleMessage } from '../../../src/queue/messages.js';
import type { MessageSink } from '../../../src/queue/sink.js';
import type { StageDeps } from '../../../src/stages/deps.js';
import type { MetricName, StageObserver } from '../../../src/stages/observer.js';
import {
  type ArticleDiscovery,
  type ArticleStore,
  newArticleRecord,
  type PendingStage,
  type StoredArticle,
} from '../../../src/storage/article-store.js';
import type { BlobStore } from '../../../src/storage/blob-store.js';
import type { ClaimAsker, ClaimOutcome, CopyClaimStore } from '../../../src/storage/copy-claims.js';
import { eventIdOf } from '../../../src/storage/event-identity.js';
import type { EventStore, MentionSource, RecordResult } from '../../../src/storage/event-store.js';
import type { ArticleReports } from '../../../src/storage/event-withdrawal.js';
import {
  type FeedSpec,
  type FeedStore,
  feedIdOf,
  newFeedRecord,
  type PollOutcome,
} from '../../../src/storage/feed-store.js';
import { KnownItems } from '../../../src/storage/known-items.js';
import type { ArticleRecord, ArticleStatus, FeedRecord } from '../../../src/storage/records.js';

/**
 * In-memory implementations of the stages' interfaces, keeping the contracts the DynamoDB and S3 ones keep
 * (conditional status changes, claims owned by the best rank): the stages' decisions tested without servers.
 */

export const NOW = new Date('2026-10-06T12:00:00.000Z');
const DISCOVERED = new Date('2026-10-05T09:00:00.000Z');

export class MemoryFeeds implements FeedStore {
  readonly feeds = new Map<string, FeedRecord>();
  readonly polls: { feedId: string; outcome: PollOutcome }[] = [];
  readonly leases: string[] = [];
  readonly known = new Map<string, KnownItems>();

  add(feed: Partial<FeedRecord> & Pick<FeedRecord, 'feed_id' | 'url'>): FeedRecord {
    const record = { ...newFeedRecord({ name: 'Wire', poll_minutes: 15, ...feed }, NOW), ...feed };
    this.feeds.set(record.feed_id, record);
    return record;
  }

  async upsertFeeds(specs: readonly FeedSpec[]): Promise<number> {
    let added = 0;
    for (const spec of specs) {
      if ([...this.feeds.values()].some((feed) => feed.url === spec.url)) continue;
      this.add({ feed_id: feedIdOf(spec.url), url: spec.url, name: spec.name ?? spec.url });
      added += 1;
    }
    return added;
  }
  async get(feedId: string) {
    return this.feeds.get(feedId);
  }
  async getForPoll(feedId: string) {
    const feed = this.feeds.get(feedId);
    return feed ? { feed, known: this.known.get(feedId) ?? KnownItems.empty() } : undefined;
  }
  async saveKnown(feedId: string, known: KnownItems) {
    this.known.set(feedId, known);
  }
  async list() {
    return [...this.feeds.values()];
  }
  async dueFeeds(now: Date) {
    return [...this.feeds.values()].filter((feed) => feed.next_poll_at <= now.toISOString());
  }
  async lease(feedId: string, until: Date) {
    this.leases.push(feedId);
    const feed = this.feeds.get(feedId);
    if (feed) feed.next_poll_at = until.toISOString();
  }
  async recordPoll(feedId: string, outcome: PollOutcome) {
    this.polls.push({ feedId, outcome });
  }
}

export class MemoryClaims implements CopyClaimStore {
  readonly claims = new Map<string, { owner: string; rank: string; owners: Set<string> }>();

  async claim(key: string, asker: ClaimAsker): Promise<ClaimOutcome> {
    const held = this.claims.get(key);
    if (held && held.rank < asker.rank) return { owner: held.owner, previous: [] };
    const owners = new Set([...(held?.owners ?? []), asker.articleId]);
    this.claims.set(key, { owner: asker.articleId, rank: asker.rank, owners });
    return { owner: asker.articleId, previous: [...owners].filter((id) => id !== asker.articleId).sort() };
  }
  async settle(asker: ClaimAsker, keys: readonly string[]) {
    for (const key of keys) {
      const held = this.claims.get(key);
      if (held?.owner === asker.articleId) held.owners = new Set([asker.articleId]);
    }
  }
}

export class MemoryArticles implements ArticleStore {
  readonly copies = new MemoryClaims();
  readonly records = new Map<string, ArticleRecord>();
  readonly linked = new Map<string, Set<string>>();
  readonly attempts: string[] = [];

  add(article: Partial<ArticleRecord> & Pick<ArticleRecord, 'article_id'>): ArticleRecord {
    const listed = {
      url: `http://127.0.0.1/${article.article_id}`,
      canonical_url: `http://127.0.0.1/${article.article_id}`,
      feed_id: 'f-1',
      outlet: 'Wire',
      title: null,
      feed_published: '2026-10-05T08:00:00.000Z',
    };
    const record = { ...newArticleRecord({ ...listed, ...article }, DISCOVERED), ...article };
    this.records.set(record.article_id, record);
    return record;
  }
  private set(articleId: string, fields: Partial<ArticleRecord>): void {
    const record = this.records.get(articleId);
    if (!record) throw new Error(`no article ${articleId}`);
    this.records.set(articleId, { ...record, ...fields });
  }

  async discover(found: ArticleDiscovery) {
    const existing = this.records.get(found.article_id);
    if (existing) return { created: false, record: existing };
    return { created: true, record: this.add(found) };
  }
  async get(articleId: string) {
    return this.records.get(articleId);
  }
  async statuses(articleIds: readonly string[]) {
    return new Map(
      articleIds.flatMap((id) => {
        const record = this.records.get(id);
        return record ? [[id, record.status] as const] : [];
      }),
    );
  }
  async markStored(articleId: string, stored: StoredArticle) {
    if (this.records.get(articleId)?.status !== 'pending') return false;
    const { duplicate_of, ...fields } = stored;
    this.set(articleId, { status: 'stored', reason: null, ...fields, ...(duplicate_of ? { duplicate_of } : {}) });
    return true;
  }
  async markCoded(articleId: string, eventIds: string[]) {
    const record = this.records.get(articleId);
    if (record?.duplicate_of || record?.status !== 'stored') return false;
    this.set(articleId, { status: 'coded', reason: null, event_ids: eventIds });
    return true;
  }
  async markDuplicate(articleId: string, duplicateOf: string, eventIds: string[]) {
    this.set(articleId, { status: 'duplicate', duplicate_of: duplicateOf, event_ids: eventIds });
  }
  async markSkipped(articleId: string, reason: string, _now: Date, fields: Partial<StoredArticle> = {}) {
    if (this.records.get(articleId)?.status !== 'pending') return false;
    this.set(articleId, { status: 'skipped', reason, ...fields });
    return true;
  }
  async markFailed(articleId: string, reason: string) {
    this.set(articleId, { status: 'failed', reason });
  }
  async noteAttempt(articleId: string, reason: string) {
    this.attempts.push(articleId);
    this.set(articleId, { reason, attempts: (this.records.get(articleId)?.attempts ?? 0) + 1 });
  }
  async reopen(articleId: string, stage: PendingStage) {
    this.set(articleId, { status: stage === 'fetch' ? 'pending' : 'stored', reason: null });
  }
  async pending(stage: PendingStage) {
    return [...this.records.values()].filter((a) => a.status === (stage === 'fetch' ? 'pending' : 'stored'));
  }
  async getWithCopies(articleId: string) {
    const article = this.records.get(articleId);
    return article ? { article, copies: [...(this.linked.get(articleId) ?? [])].sort() } : undefined;
  }
  async markCopyOf(articleId: string, firstCopy: string, change: { status: ArticleStatus; read: ArticleStatus }) {
    if (this.records.get(articleId)?.status !== change.read) return false;
    this.set(articleId, {
      status: change.status,
      duplicate_of: firstCopy,
      ...(change.status === 'stored' ? { reason: null } : {}),
    });
    return true;
  }
  async addCopy(firstCopy: string, copy: string) {
    this.linked.set(firstCopy, new Set([...(this.linked.get(firstCopy) ?? []), copy]));
  }
  async forgetCopies(articleId: string, copies: readonly string[]) {
    for (const copy of copies) this.linked.get(articleId)?.delete(copy);
  }
}

/** Reports recorded per event id, and the articles whose coding was announced. */
export class MemoryEvents implements EventStore {
  readonly reports = new Map<string, Set<string>>();
  readonly announced: string[] = [];
  readonly withdrawals: { articleId: string; recorded: ArticleReports; kept: ArticleReports }[] = [];

  async recordMentions(
    source: MentionSource,
    events: readonly CodedEvent[],
    fallbackDate: string,
  ): Promise<RecordResult> {
    const result: RecordResult = { eventIds: [], created: 0, updated: 0 };
    for (const event of events) {
      const eventId = eventIdOf(event, event.date ?? fallbackDate);
      const reports = this.reports.get(eventId) ?? new Set();
      if (reports.size === 0) result.created += 1;
      else if (!reports.has(source.article_id)) result.updated += 1;
      this.reports.set(eventId, reports.add(source.article_id));
      if (!result.eventIds.includes(eventId)) result.eventIds.push(eventId);
    }
    return result;
  }
  async recordArticleCoded(source: MentionSource) {
    this.announced.push(source.article_id);
  }
  async withdrawMentions(source: MentionSource, recorded: ArticleReports, kept: ArticleReports) {
    this.withdrawals.push({ articleId: source.article_id, recorded, kept });
    return recorded.events.length;
  }
}

export class MemoryBlobs implements BlobStore {
  readonly objects = new Map<string, unknown>();

  async putRaw(key: string, body: Uint8Array) {
    this.objects.set(key, body);
  }
  async putJson(key: string, value: unknown) {
    this.objects.set(key, JSON.parse(JSON.stringify(value)));
  }
  async getJson(key: string) {
    if (!this.objects.has(key)) throw new Error(`no object ${key}`);
    return this.objects.get(key);
  }
  async findJson(key: string) {
    return this.objects.get(key) ?? null;
  }
  async getRaw(key: string) {
    return this.objects.get(key) as Uint8Array;
  }
}

/** Answers each URL with a page (HTML or feed bytes), a status, or an error to throw. */
export class ScriptedFetcher {
  readonly requests: FetchRequest[] = [];
  constructor(readonly answers: Record<string, string | Error | { notModified: true }>) {}

  async fetch(request: FetchRequest): Promise<FetchResult> {
    this.requests.push(request);
    const answer = this.answers[request.url];
    if (answer === undefined) throw new Error(`unscripted fetch of ${request.url}`);
    if (answer instanceof Error) throw answer;
    const notModified = typeof answer === 'object';
    const body = new TextEncoder().encode(typeof answer === 'string' ? answer : '');
    return {
      requestedUrl: request.url,
      finalUrl: request.url,
      status: notModified ? 304 : 200,
      notModified,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body,
      etag: notModified ? null : '"v2"',
      lastModified: null,
      elapsedMs: 1,
    };
  }
}

export class SentMessages<T> implements MessageSink<T> {
  readonly sent: T[] = [];
  async send(messages: readonly T[]) {
    this.sent.push(...messages);
  }
}

export class CountingObserver implements StageObserver {
  readonly counts = new Map<MetricName, number>();
  readonly warnings: string[] = [];
  info(): void {}
  warn(message: string): void {
    this.warnings.push(message);
  }
  count(metric: MetricName, value = 1): void {
    this.counts.set(metric, (this.counts.get(metric) ?? 0) + value);
  }
}

/** A coder that answers every text with the events given (and counts calls). */
export function fixedCoder(events: CodedEvent[]): EventCoder & { calls: number } {
  const coder = {
    version: 'test',
    calls: 0,
    code(): CodedArticle {
      coder.calls += 1;
      return { events, entities: [], quotations: [] };
    },
  };
  return coder;
}

/** Every dependency, in memory; tests pick what a stage needs. */
export function memoryDeps(
  options: { answers?: ConstructorParameters<typeof ScriptedFetcher>[0]; events?: CodedEvent[] } = {},
) {
  const coder = fixedCoder(options.events ?? []);
  const deps = {
    feeds: new MemoryFeeds(),
    articles: new MemoryArticles(),
    events: new MemoryEvents(),
    blobs: new MemoryBlobs(),
    fetcher: new ScriptedFetcher(options.answers ?? {}),
    coder: () => coder,
    queues: {
      feed: new SentMessages<{ feed_id: string }>(),
      article: new SentMessages<ArticleMessage>(),
      code: new SentMessages<{ article_id: string }>(),
    },
    observer: new CountingObserver(),
    clock: () => NOW,
  } satisfies StageDeps;
  return { ...deps, coderStub: coder };
}
