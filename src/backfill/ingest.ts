import type { EventCoder } from '../coder/index.js';
import { stableId } from '../core/ids.js';
import { loadLanguageDetector } from '../extract/index.js';
import { type DrainResult, drainQueues, type QueueConsumer, queueConsumer } from '../local/drain.js';
import { LocalQueue } from '../queue/local-queue.js';
import { type ArticleMessage, ArticleMessageSchema, type CodeMessage, CodeMessageSchema } from '../queue/messages.js';
import type { BucketPlatform } from '../runtime/platform.js';
import { backfillDeps } from '../runtime/roots/backfill.js';
import { codeArticle, fetchArticle } from '../stages/index.js';
import { ArchiveFetcher } from './archive-fetcher.js';
import { type ArchivedPage, type ArchiveEntry, SKIP_REASONS, type SkipReason } from './archive-records.js';

/** What a backfill read: records by fate. Articles stored and coded are counted by the stages' own metrics. */
export interface IngestTally {
  records: number;
  skipped: Record<SkipReason, number>;
  /** Pages handed to the fetch stage: new articles, or known ones not yet stored or coded. */
  fetched: number;
  /** Pages whose article was already stored or coded (by a live run, an earlier backfill, or as a copy). */
  known: number;
}

export function emptyTally(): IngestTally {
  return {
    records: 0,
    skipped: Object.fromEntries(SKIP_REASONS.map((reason) => [reason, 0])) as Record<SkipReason, number>,
    fetched: 0,
    known: 0,
  };
}

/** Adds `more` into `into` (totals over files, ranges or invocations). */
export function addTally(into: IngestTally, more: IngestTally): IngestTally {
  into.records += more.records;
  into.fetched += more.fetched;
  into.known += more.known;
  for (const reason of SKIP_REASONS) into.skipped[reason] += more.skipped[reason];
  return into;
}

export interface IngestOptions {
  /** Names the archive on the articles it discovers (`feed_id` `warc:<name>`). */
  archiveName: string;
  /** Aborting stops after the stage batches in flight; the round is read again next time. */
  signal: AbortSignal;
  /** Stops before a record that starts at or after this offset (the end of a byte range). */
  endOffset?: number;
  /** Asked before each round: false ends the ingest there (a Lambda invocation's time budget). */
  mayContinue?: () => boolean;
  /** Called after each completed round with the offset of the next record to read, null at the archive's end. */
  checkpoint?: (nextOffset: number | null) => Promise<void>;
  /** How long a round waits for deferred work before going on (it stays queued for the next rounds). */
  maxWaitMs?: number;
  /** Filled as records are read (the caller's live counts); a fresh tally by default. */
  tally?: IngestTally;
  /** Told the offset of each record read, for progress. */
  onRecord?: (offset: number) => void;
}

export interface IngestResult {
  tally: IngestTally;
  /** Where to go on reading (a record boundary), or null when the archive or range is done. */
  nextOffset: number | null;
  stopped: 'end' | 'budget' | 'interrupted';
}

export interface IngestSettings {
  /** Records read per round before the round's pages are drained through both stages (default 25). */
  roundRecords?: number;
  /** Stage messages handled at once, like the mappings' maximum concurrency. */
  concurrency: { article: number; code: number };
  /** Receives before a stage message is dead-lettered (default 3, as in a local run). */
  maxReceiveCount?: number;
}

/**
 * Takes archived pages through the same stages as a live run: each page is discovered like a feed item (its
 * canonical URL is the article's identity), then the unchanged fetch-article stage gets its bytes from the archive
 * (ArchiveFetcher), extracts, deduplicates and stores it, and the code-events stage codes it; both through
 * SQS-shaped in-process queues with the Lambdas' batch handling, retries and deferrals. Records are read in rounds:
 * a round's pages are drained before the next round is read, so memory stays bounded and a checkpoint after each
 * round is a record boundary that a rerun can start from.
 */
export class ArchiveIngest {
  readonly queues: { article: LocalQueue<ArticleMessage>; code: LocalQueue<CodeMessage> };
  readonly fetcher = new ArchiveFetcher();
  readonly deps: ReturnType<typeof backfillDeps>;
  private readonly consumers: QueueConsumer[];
  private readonly roundRecords: number;

  constructor(platform: BucketPlatform, coder: () => EventCoder, settings: IngestSettings) {
    const maxReceiveCount = settings.maxReceiveCount ?? 3;
    this.roundRecords = settings.roundRecords ?? 25;
    this.queues = {
      article: new LocalQueue<ArticleMessage>('article', maxReceiveCount),
      code: new LocalQueue<CodeMessage>('code', maxReceiveCount),
    };
    const deps = backfillDeps(platform, coder, this.fetcher, this.queues.code);
    this.deps = deps;
    this.consumers = [
      queueConsumer(
        this.queues.article,
        ArticleMessageSchema,
        (m) => fetchArticle(m, deps),
        settings.concurrency.article,
      ),
      queueConsumer(this.queues.code, CodeMessageSchema, (m) => codeArticle(m, deps), settings.concurrency.code),
    ];
  }

  /** Reads `entries` round by round until they end, the range or budget ends, or the signal aborts. */
  async ingest(entries: AsyncIterable<ArchiveEntry>, options: IngestOptions): Promise<IngestResult> {
    const tally = options.tally ?? emptyTally();
    const iterator = entries[Symbol.asyncIterator]();
    let inRound = 0;
    let roundStart: number | null = null;
    try {
      for (;;) {
        // An unreadable record ends the archive here: what was discovered before it is still taken through.
        const next = await iterator.next().catch(async (error: unknown) => {
          await this.drain(options);
          throw error;
        });
        const entry = next.done ? null : next.value;
        const atEnd = entry === null || (options.endOffset !== undefined && entry.offset >= options.endOffset);
        if (atEnd || inRound >= this.roundRecords) {
          await this.drain(options);
          if (options.signal.aborted) return { tally, nextOffset: roundStart, stopped: 'interrupted' };
          const nextOffset = atEnd ? null : entry.offset;
          await options.checkpoint?.(nextOffset);
          if (atEnd) return { tally, nextOffset: null, stopped: 'end' };
          if (options.mayContinue && !options.mayContinue()) return { tally, nextOffset, stopped: 'budget' };
          inRound = 0;
        }
        if (inRound === 0) roundStart = entry.offset;
        inRound += 1;
        tally.records += 1;
        options.onRecord?.(entry.offset);
        if ('skipped' in entry) tally.skipped[entry.skipped] += 1;
        else if (await this.discover(entry.page, options.archiveName)) tally.fetched += 1;
        else tally.known += 1;
      }
    } finally {
      await iterator.return?.(undefined);
    }
  }

  /** Discovers the page as a feed item would be; true when it goes to the fetch stage (not stored or coded yet). */
  private async discover(page: ArchivedPage, archiveName: string): Promise<boolean> {
    const articleId = stableId([page.canonical]);
    const { created, record } = await this.deps.articles.discover(
      {
        article_id: articleId,
        url: page.url,
        canonical_url: page.canonical,
        feed_id: `warc:${archiveName}`,
        outlet: page.outlet,
        title: null,
        feed_published: page.date,
      },
      this.deps.clock(),
    );
    if (created) this.deps.observer.count('ArticlesDiscovered');
    // A stored article's fetch message hands it to the code stage again (the fetch stage's resume rule).
    if (record.status !== 'pending' && record.status !== 'stored') return false;
    this.fetcher.hold(page);
    await this.queues.article.send([{ article_id: articleId }]);
    return true;
  }

  private async drain(options: IngestOptions): Promise<DrainResult> {
    await loadLanguageDetector().catch((error: unknown) =>
      this.deps.observer.warn('language model not loaded', { error: String(error) }),
    );
    const result = await drainQueues(
      this.consumers,
      options.signal,
      options.maxWaitMs === undefined ? {} : { maxWaitMs: options.maxWaitMs },
    );
    // Pages are let go once no fetch of them can come again (retries wait in the article queue).
    if (this.queues.article.depth === 0) this.fetcher.release();
    return result;
  }
}
