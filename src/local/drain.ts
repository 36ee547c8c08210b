import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { z } from 'zod';
import type { LocalQueue } from '../queue/local-queue.js';
import type { SendCoalescer } from '../queue/send-coalescer.js';
import { failureReason, handleSqsBatch } from '../queue/sqs-batch.js';

/** One queue and the stage that consumes it, as an event source mapping pairs them. */
export interface QueueConsumer {
  queue: Pick<LocalQueue<unknown>, 'receive' | 'settle' | 'depth' | 'held' | 'nextVisibleAt'>;
  handle(event: SQSEvent, reasons: Map<string, string>): Promise<SQSBatchResponse>;
  /** Batches handled at once, like a mapping's maximum concurrency. */
  concurrency: number;
}

/**
 * @param coalescer gathers what this stage's records send to the next queue, as the Lambda handler does
 */
export function queueConsumer<T>(
  queue: LocalQueue<T>,
  schema: z.ZodType<T>,
  stage: (message: T) => Promise<unknown>,
  concurrency: number,
  coalescer?: SendCoalescer,
): QueueConsumer {
  return {
    queue,
    concurrency,
    handle: (event, reasons) =>
      handleSqsBatch(
        event,
        schema,
        async (message) => {
          await stage(message);
        },
        {
          failed: (record: SQSRecord, error: unknown) => reasons.set(record.messageId, failureReason(error)),
        },
        // A deferred message goes back to its own queue, held until its time.
        queue,
        coalescer,
      ),
  };
}

/** How long a local run waits at most for held messages before it ends and leaves them to the next run. */
export const DEFAULT_MAX_WAIT_MS = 60_000;

export interface DrainOptions {
  /** When every message left is held longer than this, the drain ends (default DEFAULT_MAX_WAIT_MS). */
  maxWaitMs?: number;
}

export interface DrainResult {
  /** Messages were left held (deferred or awaiting redelivery) beyond `maxWaitMs`. */
  leftWaiting: boolean;
}

/**
 * Drives the local queues until all are empty: each consumer takes SQS-shaped batches of up to 10 records and
 * runs them through the same batch handling as the Lambdas; failed records are redelivered by the queue and
 * deferred ones held until their time. The process waits for held messages (the queue does; no stage sleeps),
 * unless the earliest is further off than `maxWaitMs`: then the drain ends and leaves them, in the tables, to the
 * next run. Stops taking new batches once `signal` aborts and returns after the batches in flight settle.
 */
export async function drainQueues(
  consumers: readonly QueueConsumer[],
  signal: AbortSignal,
  options: DrainOptions = {},
): Promise<DrainResult> {
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  let busy = 0;
  let leftWaiting = false;
  const nothingVisible = (): boolean => busy === 0 && consumers.every((c) => c.queue.depth === c.queue.held);
  const nextVisibleAt = (): number | null =>
    consumers.reduce<number | null>((earliest, c) => {
      const at = c.queue.nextVisibleAt;
      return at === null ? earliest : Math.min(earliest ?? at, at);
    }, null);
  const worker = async (consumer: QueueConsumer): Promise<void> => {
    while (!signal.aborted && !leftWaiting) {
      const event = consumer.queue.receive(10);
      if (!event) {
        const next = nextVisibleAt();
        if (nothingVisible()) {
          if (next === null) return;
          if (next - Date.now() > maxWaitMs) {
            leftWaiting = true;
            return;
          }
        }
        await pause(next === null ? 5 : Math.min(100, Math.max(5, next - Date.now())), signal);
        continue;
      }
      busy += 1;
      const reasons = new Map<string, string>();
      try {
        const response = await consumer.handle(event, reasons);
        consumer.queue.settle(
          event,
          new Set(response.batchItemFailures.map((failure) => failure.itemIdentifier)),
          reasons,
        );
      } catch (error) {
        // The batch itself failed (not one record): every record goes back, as SQS does after a function error.
        consumer.queue.settle(
          event,
          new Set(event.Records.map((record) => record.messageId)),
          new Map(event.Records.map((record) => [record.messageId, failureReason(error)])),
        );
      } finally {
        busy -= 1;
      }
    }
  };
  await Promise.all(
    consumers.flatMap((consumer) => Array.from({ length: consumer.concurrency }, () => worker(consumer))),
  );
  return { leftWaiting };
}

/** Waits `ms`, or less when the run is stopped. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
