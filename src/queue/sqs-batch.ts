import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { z } from 'zod';
import { describeError } from '../core/errors.js';
import { DeferError, type Deferrer, deferredBody, notBeforeOf } from './deferral.js';
import { InvalidMessageError } from './errors.js';
import type { SendCoalescer } from './send-coalescer.js';

/** Where the batch reports what happened to each record (Powertools logger in Lambda, the runner locally). */
export interface BatchObserver {
  failed(record: SQSRecord, error: unknown): void;
  /** The record was sent again to wait until `notBefore`, and acknowledged. */
  deferred?(record: SQSRecord, notBefore: Date, reason: string): void;
}

/**
 * Runs one SQS batch through a stage: every record is parsed against its queue's schema and handled on its own,
 * and only the failed records are reported back (ReportBatchItemFailures), so one bad message never fails or
 * repeats its neighbours. A record whose stage defers it (DeferError), or that arrives before its deferral's
 * not-before time, is sent again through `deferrer` and acknowledged: waiting never counts as a failed receive.
 * Without a deferrer a deferral is a failure, retried by the queue. With a coalescer, what the records send to the
 * next queue goes out in shared SendMessageBatch requests (SendCoalescer). Lambda handlers and the local runner
 * both call this.
 */
export async function handleSqsBatch<T>(
  event: SQSEvent,
  schema: z.ZodType<T>,
  handle: (message: T, record: SQSRecord) => Promise<void>,
  observer?: BatchObserver,
  deferrer?: Deferrer,
  coalescer?: SendCoalescer,
): Promise<SQSBatchResponse> {
  const processor = new BatchProcessor(EventType.SQS);
  const recordHandler = async (record: SQSRecord): Promise<void> =>
    coalescer ? coalescer.track(() => handleRecord(record)) : handleRecord(record);
  const handleRecord = async (record: SQSRecord): Promise<void> => {
    const now = new Date();
    try {
      const body = parseBody(record);
      const message = parseMessage(record, schema, body);
      const due = notBeforeOf(body);
      // SQS delays at most 15 minutes: a message deferred for longer comes back early and waits again.
      if (deferrer && due && due > now) {
        await deferrer.defer(record.body, due);
        observer?.deferred?.(record, due, 'not due yet');
        return;
      }
      try {
        await handle(message, record);
      } catch (error) {
        if (!(deferrer && error instanceof DeferError)) throw error;
        await deferrer.defer(deferredBody(body, error, now), error.notBefore);
        observer?.deferred?.(record, error.notBefore, error.message);
      }
    } catch (error) {
      observer?.failed(record, error);
      throw error;
    }
  };
  return processPartialResponse(event, recordHandler, processor, { throwOnFullBatchFailure: false });
}

function parseBody(record: SQSRecord): unknown {
  try {
    return JSON.parse(record.body);
  } catch (error) {
    throw new InvalidMessageError(`message ${record.messageId} is not JSON`, { cause: error });
  }
}

export function parseMessage<T>(record: SQSRecord, schema: z.ZodType<T>, body: unknown = parseBody(record)): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new InvalidMessageError(
      `message ${record.messageId} does not match its queue's shape: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    );
  return parsed.data;
}

/** The reason line recorded for a failed record. */
export function failureReason(error: unknown): string {
  const { name, message } = describeError(error);
  return `${name}: ${message}`;
}
