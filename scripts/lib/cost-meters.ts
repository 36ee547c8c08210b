// What the cost model counts besides DynamoDB (dynamo-meter.ts): S3 requests, SQS requests as the SQS sink would
// send them, log bytes, and each stage's billed time per batch (invocation).
import type { SQSEvent } from 'aws-lambda';
import type { QueueConsumer } from '../../src/local/drain.js';
import { notBeforeOf } from '../../src/queue/deferral.js';
import type { LocalQueue } from '../../src/queue/local-queue.js';
import type { MessageSink } from '../../src/queue/sink.js';
import type { StageObserver } from '../../src/stages/index.js';
import type { AwsClients } from '../../src/storage/clients.js';

export const STAGES = { feed: 'fetch-feed', article: 'fetch-article', code: 'code-events' } as const;
export type Stage = keyof typeof STAGES;

/** Bytes of one Powertools JSON log line around its message (level, time, service, request and trace ids). */
const LOG_LINE_OVERHEAD = 400;
/** SendMessageBatch takes at most this many messages. */
const SQS_BATCH = 10;

export interface StageTime {
  ms: number;
  messages: number;
  invocations: number;
}

/** Everything counted while the meters run; `reset` starts them afresh (after a warm-up). */
export interface Counters {
  s3: { put: number; get: number };
  /**
   * SQS requests the stages' sends take (SendMessageBatch of up to 10) and their messages; `unbatchedRequests`:
   * the requests they would take if each record sent its own (without SendCoalescer).
   */
  sqs: { sendRequests: number; unbatchedRequests: number; messages: number; deferrals: number };
  logBytes: number;
  times: Record<Stage, StageTime>;
  /**
   * Messages deferred, and per batch its longest wait: what sleeping in the invocation would have billed; and per
   * send of new articles the longest delay a message was sent with (its host slot booked ahead), what a batch
   * holding those articles would have slept instead.
   */
  waits: { count: number; ms: number; heldAheadMs: number };
}

export function newCounters(): Counters {
  const time = (): StageTime => ({ ms: 0, messages: 0, invocations: 0 });
  return {
    s3: { put: 0, get: 0 },
    sqs: { sendRequests: 0, unbatchedRequests: 0, messages: 0, deferrals: 0 },
    logBytes: 0,
    times: { feed: time(), article: time(), code: time() },
    waits: { count: 0, ms: 0, heldAheadMs: 0 },
  };
}

export function resetCounters(counters: Counters): void {
  Object.assign(counters, newCounters());
}

/** Counts the S3 requests a client sends. */
export function countS3(clients: AwsClients, counters: Counters): void {
  clients.s3.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'PutObjectCommand') counters.s3.put += 1;
      if (context.commandName === 'GetObjectCommand') counters.s3.get += 1;
      return next(args);
    },
    { step: 'initialize', name: 'costCounterS3' },
  );
}

/** A sink that forwards to `inner` and counts the SQS requests SqsSink would send for each call. */
export function countingSink<T>(inner: MessageSink<T>, counters: Counters): MessageSink<T> {
  return {
    send: async (messages) => {
      if (messages.length > 0) {
        counters.sqs.sendRequests += Math.ceil(messages.length / SQS_BATCH);
        counters.sqs.messages += messages.length;
        const now = Date.now();
        const delays = messages.map((message) => (notBeforeOf(message)?.getTime() ?? now) - now);
        counters.waits.heldAheadMs += Math.max(0, ...delays);
      }
      await inner.send(messages);
    },
  };
}

/** A sink that forwards to `inner` (a coalescing sink) and counts the requests each record's send would take alone. */
export function countingRecordSink<T>(inner: MessageSink<T>, counters: Counters): MessageSink<T> {
  return {
    send: async (messages) => {
      counters.sqs.unbatchedRequests += Math.ceil(messages.length / SQS_BATCH);
      await inner.send(messages);
    },
  };
}

/** Counts the bytes the stages would log through Powertools at the default INFO level. */
export function loggingObserver(counters: Counters): StageObserver {
  const line = (message: string, fields?: Record<string, unknown>): void => {
    counters.logBytes += LOG_LINE_OVERHEAD + message.length + JSON.stringify(fields ?? {}).length;
  };
  return { info: line, warn: line, count: () => undefined };
}

/**
 * A consumer whose batches are timed as Lambda bills them (records in parallel, the batch's wall time), received
 * `batchSize` at a time as the deployed event source mapping does. Deferrals are counted with the time they wait.
 */
export function timedConsumer(
  stage: Stage,
  consumer: QueueConsumer,
  queue: LocalQueue<unknown>,
  batchSize: number,
  counters: Counters,
): QueueConsumer {
  return {
    ...consumer,
    queue: {
      get depth() {
        return consumer.queue.depth;
      },
      get held() {
        return consumer.queue.held;
      },
      get nextVisibleAt() {
        return consumer.queue.nextVisibleAt;
      },
      receive: () => consumer.queue.receive(batchSize),
      settle: (event, failed, reasons) => consumer.queue.settle(event, failed, reasons),
    },
    handle: async (event: SQSEvent, reasons) => {
      const deferredBefore = queue.deferred;
      const heldBefore = new Set(queue.waiting().map((entry) => entry.body));
      const start = performance.now();
      try {
        return await consumer.handle(event, reasons);
      } finally {
        const time = counters.times[stage];
        time.ms += performance.now() - start;
        time.messages += event.Records.length;
        time.invocations += 1;
        const deferred = queue.deferred - deferredBefore;
        counters.sqs.deferrals += deferred;
        counters.waits.count += deferred;
        // Sleeping instead, the batch would have run until its longest wait was over (its records run together).
        const now = Date.now();
        const waits = queue
          .waiting()
          .filter((entry) => !heldBefore.has(entry.body))
          .map((entry) => entry.at - now);
        counters.waits.ms += Math.max(0, ...waits);
      }
    },
  };
}
