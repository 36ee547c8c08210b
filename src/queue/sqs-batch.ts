import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { z } from 'zod';
import { describeError } from '../core/errors.js';
import { InvalidMessageError } from './errors.js';

/** Where the batch reports what happened to each record (Powertools logger in Lambda, the runner locally). */
export interface BatchObserver {
  failed(record: SQSRecord, error: unknown): void;
}

/**
 * Runs one SQS batch through a stage: every record is parsed against its queue's schema and handled on its own,
 * and only the failed records are reported back (ReportBatchItemFailures), so one bad message never fails or
 * repeats its neighbours. Lambda handlers and the local runner both call this.
 */
export async function handleSqsBatch<T>(
  event: SQSEvent,
  schema: z.ZodType<T>,
  handle: (message: T, record: SQSRecord) => Promise<void>,
  observer?: BatchObserver,
): Promise<SQSBatchResponse> {
  const processor = new BatchProcessor(EventType.SQS);
  const recordHandler = async (record: SQSRecord): Promise<void> => {
    try {
      await handle(parseMessage(record, schema), record);
    } catch (error) {
      observer?.failed(record, error);
      throw error;
    }
  };
  return processPartialResponse(event, recordHandler, processor, { throwOnFullBatchFailure: false });
}

export function parseMessage<T>(record: SQSRecord, schema: z.ZodType<T>): T {
  let body: unknown;
  try {
    body = JSON.parse(record.body);
  } catch (error) {
    throw new InvalidMessageError(`message ${record.messageId} is not JSON`, { cause: error });
  }
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
