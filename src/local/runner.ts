import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppConfig } from '../config/index.js';
import { snakeCaseKeys } from '../core/snake-case.js';
import { deferralOf } from '../queue/deferral.js';
import type { LocalQueue } from '../queue/local-queue.js';
import type { ArticleMessage, CodeMessage } from '../queue/messages.js';
import { type StageDeps, type StageObserver, scheduleDueFeeds } from '../stages/index.js';
import type { AwsClients } from '../storage/clients.js';
import { type FeedSpec, feedIdOf } from '../storage/feed-store.js';
import type { FeedRecord } from '../storage/records.js';
import { createLocalPipeline, type StageTiming } from './local-pipeline.js';
import { articleIdOfKey, takeLostObjects } from './s3rver-repair.js';
import { lostObjectsFileOf } from './stack.js';

export interface PipelineRunOptions {
  config: AppConfig;
  feeds: readonly FeedSpec[];
  observer: StageObserver;
  dataDir: string;
  /** Aborting (Ctrl-C) stops taking new work; what is left is finished by the next run. */
  signal: AbortSignal;
  /** Receives before a record is dead-lettered (SQS maxReceiveCount). */
  maxReceiveCount?: number;
  /** Per-message stage durations, for the benchmark. */
  timing?: StageTiming;
  /** Poll every feed now, not only those due (`--poll-all`). */
  pollAll?: boolean;
  /** The run ends, leaving them to the next run, when every message left must wait longer than this. */
  maxWaitMs?: number;
}

/** Messages a run left waiting (deferred, or failed and due again later): their items stay pending in the tables. */
export interface LeftWaiting {
  feed: number;
  article: number;
  code: number;
  /** When the earliest of them may go on (epoch ms). */
  until: number | null;
  /** Why the earliest had to wait. */
  reason: string | null;
}

export interface PipelineRunResult {
  interrupted: boolean;
  /** Feeds polled by this run, and the others with their earliest next poll time. */
  feeds: { polled: number; notDue: number; nextPollAt: string | null };
  resumed: { fetch: number; code: number };
  /**
   * Messages that waited in their queue during the run: sent holding a host slot ahead, or deferred (busy host,
   * Retry-After, first copy not coded yet).
   */
  deferred: number;
  waiting: LeftWaiting;
  deadLetters: number;
  clients: AwsClients;
  deps: StageDeps;
}

/**
 * One local run of the whole pipeline with the Lambdas' stage code: schedule the due feeds (or all), resume
 * articles a previous run left unfinished, then drain feed -> article -> code queues through SQS-shaped batches.
 * Messages that must wait longer than `maxWaitMs` are left to the next run (their items stay pending).
 */
export async function runPipeline(options: PipelineRunOptions): Promise<PipelineRunResult> {
  const { clients, queues, deps, drain } = createLocalPipeline(
    options.config,
    options.observer,
    options.maxReceiveCount,
    options.timing,
  );
  const polled = await scheduleDueFeeds(deps, options.feeds, { everyFeed: options.pollAll ?? false, local: true });
  await reopenLostArticles(deps, options.dataDir);
  const resumed = await resumeUnfinished(deps, queues);
  await drain(options.signal, options.maxWaitMs === undefined ? {} : { maxWaitMs: options.maxWaitMs });
  const all = [queues.feed, queues.article, queues.code];
  const deadLetters = await saveDeadLetters(options.dataDir, all);
  return {
    interrupted: options.signal.aborted,
    feeds: notDue(await deps.feeds.list(), options.feeds, polled),
    resumed,
    deferred: all.reduce((sum, queue) => sum + queue.deferred + queue.sentHeld, 0),
    waiting: leftWaiting(queues),
    deadLetters,
    clients,
    deps,
  };
}

/** The listed feeds this run did not poll, and when the first of them is due. */
function notDue(
  stored: readonly FeedRecord[],
  listed: readonly FeedSpec[],
  polled: number,
): PipelineRunResult['feeds'] {
  const ids = new Set(listed.map((feed) => feedIdOf(feed.url)));
  const next = stored
    .filter((feed) => ids.has(feed.feed_id))
    .map((feed) => feed.next_poll_at)
    .sort()[0];
  return { polled, notDue: Math.max(0, ids.size - polled), nextPollAt: polled < ids.size ? (next ?? null) : null };
}

function leftWaiting(queues: {
  feed: LocalQueue<unknown>;
  article: LocalQueue<unknown>;
  code: LocalQueue<unknown>;
}): LeftWaiting {
  const held = [queues.feed, queues.article, queues.code].flatMap((queue) => queue.waiting());
  const earliest = held.sort((a, b) => a.at - b.at)[0];
  return {
    feed: queues.feed.waiting().length,
    article: queues.article.waiting().length,
    code: queues.code.waiting().length,
    until: earliest?.at ?? null,
    reason: earliest ? reasonOf(earliest.body) : null,
  };
}

function reasonOf(body: string): string | null {
  try {
    return deferralOf(JSON.parse(body))?.reason ?? 'failed, to be tried again';
  } catch {
    return null;
  }
}

/** Articles whose stored objects the stack's start-up repair had to remove are fetched and stored again. */
async function reopenLostArticles(deps: StageDeps, dataDir: string): Promise<void> {
  const now = deps.clock();
  for (const articleId of new Set((await takeLostObjects(lostObjectsFileOf(dataDir))).map(articleIdOfKey))) {
    const article = await deps.articles.get(articleId);
    if (article && article.status !== 'pending') await deps.articles.reopen(articleId, 'fetch', now);
  }
}

/** Articles a previous (interrupted) run left between stages go back on their queues. */
async function resumeUnfinished(
  deps: StageDeps,
  queues: { article: LocalQueue<ArticleMessage>; code: LocalQueue<CodeMessage> },
): Promise<{ fetch: number; code: number }> {
  const toFetch = await deps.articles.pending('fetch');
  const toCode = await deps.articles.pending('code');
  await queues.article.send(toFetch.map((article) => ({ article_id: article.article_id })));
  await queues.code.send(toCode.map((article) => ({ article_id: article.article_id })));
  return { fetch: toFetch.length, code: toCode.length };
}

/** Dead letters are appended to `<dataDir>/dead-letters/<queue>.jsonl`, where `eventwire redrive` finds them. */
export async function saveDeadLetters(dataDir: string, queues: ReadonlyArray<LocalQueue<unknown>>): Promise<number> {
  let total = 0;
  for (const queue of queues) {
    if (queue.deadLetters.length === 0) continue;
    await mkdir(join(dataDir, 'dead-letters'), { recursive: true });
    const lines = queue.deadLetters.map((letter) =>
      JSON.stringify(snakeCaseKeys({ ...letter, deadLetteredAt: new Date().toISOString() })),
    );
    await appendFile(join(dataDir, 'dead-letters', `${queue.name}.jsonl`), `${lines.join('\n')}\n`);
    total += queue.deadLetters.length;
  }
  return total;
}
