import { type EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { DynamoDBRecord } from 'aws-lambda';
import { EventwireError } from '../core/errors.js';
import { toChangeEvent } from './change-events.js';

export const EVENT_SOURCE = 'eventwire';
const PUT_EVENTS_LIMIT = 10;

export class PublishError extends EventwireError {
  constructor(message: string) {
    super(message, { retryable: true });
  }
}

/**
 * Publishes the changes of a stream batch to the bus. Returns the sequence numbers of records that failed so
 * the stream mapping retries only from the first of them (ReportBatchItemFailures).
 */
export async function publishChanges(
  records: readonly DynamoDBRecord[],
  bus: EventBridgeClient,
  busName: string,
): Promise<string[]> {
  const entries = records.flatMap((record) => {
    const change = toChangeEvent(record);
    const sequence = record.dynamodb?.SequenceNumber ?? '';
    return change
      ? [
          {
            sequence,
            entry: {
              Source: EVENT_SOURCE,
              DetailType: change.detailType,
              Detail: JSON.stringify(change.detail),
              EventBusName: busName,
            },
          },
        ]
      : [];
  });
  for (let start = 0; start < entries.length; start += PUT_EVENTS_LIMIT) {
    const chunk = entries.slice(start, start + PUT_EVENTS_LIMIT);
    const result = await bus.send(new PutEventsCommand({ Entries: chunk.map((item) => item.entry) })).catch(() => null);
    const failedIndex = result ? (result.Entries ?? []).findIndex((entry) => entry.ErrorCode) : 0;
    if (failedIndex >= 0) {
      // Stream order matters: report the first failed record; the mapping retries it and everything after it.
      return [chunk[failedIndex]?.sequence ?? ''];
    }
  }
  return [];
}
