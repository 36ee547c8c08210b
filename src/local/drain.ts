import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { z } from 'zod';
import type { LocalQueue } from '../queue/local-queue.js';
import { failureReason, handleSqsBatch } from '../queue/sqs-batch.js';

/** One queue and the stage that consumes it, as an event source mapping pairs them. */
export interface QueueConsumer {
  queue: Pick<LocalQueue<unknown>, 'receive' | 'settle' | 'depth'>;
  handle(event: SQSEvent, reasons: Map<string, string>): Promise<SQSBatchResponse>;
  /** Batches handled at once, like a mapping's maximum concurrency. */
  concurrency: number;
}

export function queueConsumer<T>(
  queue: LocalQueue<T>,
  schema: z.ZodType<T>,
  stage: (message: T) => Promise<unknown>,
  concurrency: number,
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
      ),
  };
}

/**
 * Drives the local queues until all are empty: each consumer takes SQS-shaped batches of up to 10 records and
 * runs them through the same batch handling as the Lambdas; failed records are redelivered by the queue.
 * Stops taking new batches once `signal` aborts and returns after the batches in flight settle.
 */
export async function drainQueues(consumers: readonly QueueConsumer[], signal: AbortSignal): Promise<void> {
  let busy = 0;
  const idle = (): boolean => busy === 0 && consumers.every((c) => c.queue.depth === 0);
  const worker = async (consumer: QueueConsumer): Promise<void> => {
    while (!signal.aborted) {
      const event = consumer.queue.receive(10);
      if (!event) {
        if (idle()) return;
        await new Promise((resolve) => setTimeout(resolve, 5));
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
}
