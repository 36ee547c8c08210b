import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { EventCoder } from '../coder/index.js';
import { defaultFetchPolicy } from '../fetch/index.js';
import type { CodeMessage } from '../queue/messages.js';
import type { MessageSink } from '../queue/sink.js';
import type { BucketPlatform } from '../runtime/platform.js';
import type { MetricName, StageObserver } from '../stages/index.js';
import { archiveEntries } from './archive-records.js';
import { ArchiveReadError, RangeIncompleteError } from './errors.js';
import { ArchiveIngest, addTally, emptyTally } from './ingest.js';
import type { RangeResult, WorkerInput, WorkerOutput } from './job.js';
import { outletMatcher } from './outlets.js';
import { fromFirstRecord } from './record-start.js';

/** An invocation takes no new round of records once less than this is left of its time: a round ends well within. */
export const RESERVE_MS = 5 * 60_000;
/** How far into an unaligned range the worker looks for its first record (larger than any record kept). */
const MAX_SCAN_BYTES = 64 * 1024 * 1024;
/** In-process stage concurrency: DynamoDB and S3 round trips, not CPU, bound one article's wall time in AWS. */
const CONCURRENCY = { article: 8, code: 8 };

export interface RangeWorkerDeps {
  platform: BucketPlatform;
  coder: () => EventCoder;
  /** The archives' bucket is the job's; this client reads it. */
  s3: S3Client;
  /** The pipeline's code queue: coding that must wait longer than the invocation is handed to code-events. */
  codeQueue: MessageSink<CodeMessage>;
  /** Milliseconds left of the invocation (Lambda's context.getRemainingTimeInMillis). */
  remainingMs: () => number;
}

/**
 * One invocation of the backfill worker on one byte range of a WARC file in S3: streams the range (from its first
 * record when the range starts mid-file), takes its records through the stages as a local backfill does, and stops
 * at the range's end or when its time runs short, returning the rest of the range for the next invocation (the
 * child workflow loops), so no invocation nears Lambda's 15 minutes whatever the records cost.
 * @throws RangeIncompleteError when a record failed every attempt in the fetch stage: the child is retried
 */
export async function runRange(input: WorkerInput, deps: RangeWorkerDeps): Promise<WorkerOutput> {
  const started = Date.now();
  const { job, range } = input;
  const counts = new Map<MetricName, number>();
  const observer = countingObserver(deps.platform.observer, counts);
  const ingest = new ArchiveIngest({ ...deps.platform, observer }, deps.coder, { concurrency: CONCURRENCY });
  const tally = emptyTally();
  const object = await deps.s3.send(
    new GetObjectCommand({ Bucket: job.bucket, Key: range.key, Range: `bytes=${range.start}-` }),
  );
  const body = object.Body as AsyncIterable<Uint8Array> | undefined;
  if (!body) throw new ArchiveReadError(`s3://${job.bucket}/${range.key} returned no body`);
  const first = range.aligned
    ? { offset: range.start, source: body }
    : await fromFirstRecord(body, range.start, MAX_SCAN_BYTES);
  let nextOffset: number | null = null;
  if (first && first.offset < range.end) {
    const result = await ingest.ingest(
      archiveEntries(
        first.source,
        {
          from: job.from,
          to: job.to,
          language: job.language,
          outlet: outletMatcher(job.outlets),
          maxBytes: defaultFetchPolicy().maxBytes,
        },
        first.offset,
      ),
      {
        archiveName: range.key.replace(/^.*\//, ''),
        signal: new AbortController().signal,
        endOffset: range.end,
        mayContinue: () => deps.remainingMs() > RESERVE_MS,
        tally,
        maxWaitMs: 20_000,
      },
    );
    nextOffset = result.nextOffset;
  }
  (body as { destroy?: () => void }).destroy?.();
  const handedOn = await handOnWaiting(ingest, deps.codeQueue);
  const failedFetches = ingest.queues.article.deadLetters;
  if (failedFetches.length > 0)
    throw new RangeIncompleteError(
      `${failedFetches.length} archived pages of s3://${job.bucket}/${range.key} failed every attempt: ${failedFetches[0]?.reason ?? ''}`,
    );
  const result = sumResults(input.result, {
    invocations: 1,
    tally,
    stored:
      (counts.get('ArticlesStored') ?? 0) +
      (counts.get('ArticlesDuplicate') ?? 0) +
      (counts.get('ArticlesSkipped') ?? 0),
    coded: counts.get('ArticlesCoded') ?? 0,
    events: counts.get('EventsWritten') ?? 0,
    failed: counts.get('ArticlesFailed') ?? 0,
    handed_to_code_queue: handedOn,
    elapsed_ms: Date.now() - started,
  });
  return nextOffset === null
    ? { job, range, done: true, result }
    : { job, range: { ...range, start: nextOffset, aligned: true }, done: false, result };
}

/** Coding still waiting (a first copy not coded yet) or failed here goes to the code queue, whose stage goes on. */
async function handOnWaiting(ingest: ArchiveIngest, codeQueue: MessageSink<CodeMessage>): Promise<number> {
  const bodies = [
    ...ingest.queues.code.waiting().map((message) => message.body),
    ...ingest.queues.code.deadLetters.map((letter) => letter.body),
  ];
  const messages = bodies.map((body) => ({ article_id: (JSON.parse(body) as CodeMessage).article_id }));
  await codeQueue.send(messages);
  return messages.length;
}

function sumResults(before: RangeResult | undefined, now: RangeResult): RangeResult {
  if (!before) return now;
  return {
    invocations: before.invocations + now.invocations,
    tally: addTally(addTally(emptyTally(), before.tally), now.tally),
    stored: before.stored + now.stored,
    coded: before.coded + now.coded,
    events: before.events + now.events,
    failed: before.failed + now.failed,
    handed_to_code_queue: before.handed_to_code_queue + now.handed_to_code_queue,
    elapsed_ms: before.elapsed_ms + now.elapsed_ms,
  };
}

function countingObserver(inner: StageObserver, counts: Map<MetricName, number>): StageObserver {
  return {
    info: (message, fields) => inner.info(message, fields),
    warn: (message, fields) => inner.warn(message, fields),
    count: (metric, value = 1) => {
      counts.set(metric, (counts.get(metric) ?? 0) + value);
      inner.count(metric, value);
    },
  };
}
