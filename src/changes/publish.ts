import {
  type EventBridgeClient,
  PutEventsCommand,
  type PutEventsCommandOutput,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import type { DynamoDBRecord } from 'aws-lambda';
import { describeError } from '../core/errors.js';
import type { StageObserver } from '../stages/observer.js';
import { type ChangeEvent, toChangeEvent } from './change-events.js';
import { type ChangesError, PublishError, UnreadableChangeError } from './errors.js';

export const EVENT_SOURCE = 'eventwire';
const PUT_EVENTS_LIMIT = 10;

/** What publishing needs: the bus and its name, and where it reports. */
export interface PublishDeps {
  bus: EventBridgeClient;
  busName: string;
  observer: StageObserver;
}

/** Bus events put; the first record that could not be published, with why (the stream retries from it). */
export interface PublishOutcome {
  published: number;
  failure: { sequence: string; error: ChangesError } | null;
}

interface Pending {
  sequence: string;
  entry: PutEventsRequestEntry;
}

/**
 * Publishes the changes of a stream batch to the bus, in stream order. Stops at the first record that fails and
 * returns it, so the stream mapping retries from it (ReportBatchItemFailures) and nothing after it overtakes it.
 */
export async function publishChanges(records: readonly DynamoDBRecord[], deps: PublishDeps): Promise<PublishOutcome> {
  let published = 0;
  let batch: Pending[] = [];
  const flush = async (): Promise<PublishOutcome['failure']> => {
    const result = await put(batch, deps);
    published += result.published;
    batch = [];
    return result.failure;
  };
  for (const record of records) {
    const sequence = record.dynamodb?.SequenceNumber ?? '';
    let change: ChangeEvent | null;
    try {
      change = toChangeEvent(record);
    } catch (cause) {
      const failure = (await flush()) ?? { sequence, error: unreadable(sequence, cause) };
      return outcome(published, failure, deps);
    }
    if (change) batch.push({ sequence, entry: entryOf(change, deps.busName) });
    if (batch.length === PUT_EVENTS_LIMIT) {
      const failure = await flush();
      if (failure) return outcome(published, failure, deps);
    }
  }
  const failure = await flush();
  return outcome(published, failure, deps);
}

function entryOf(change: ChangeEvent, busName: string): PutEventsRequestEntry {
  return {
    Source: EVENT_SOURCE,
    DetailType: change.detailType,
    Detail: JSON.stringify(change.detail),
    EventBusName: busName,
  };
}

/**
 * Puts one chunk. Entries are independent on the bus: those after a refused one may have gone through and go
 * again when the stream retries from it (downstream consumers see at-least-once delivery).
 */
async function put(batch: readonly Pending[], deps: PublishDeps): Promise<PublishOutcome> {
  const first = batch[0];
  if (!first) return { published: 0, failure: null };
  let result: PutEventsCommandOutput;
  try {
    result = await deps.bus.send(new PutEventsCommand({ Entries: batch.map((item) => item.entry) }));
  } catch (cause) {
    const { name, message } = describeError(cause);
    const error = new PublishError(`PutEvents failed: ${name}: ${message}`, { cause });
    return { published: 0, failure: { sequence: first.sequence, error } };
  }
  const entries = result.Entries ?? [];
  const index = entries.findIndex((entry) => entry.ErrorCode);
  const refused = entries[index];
  const published = entries.filter((entry) => !entry.ErrorCode).length;
  if (!refused) return { published, failure: null };
  const reason = `${refused.ErrorCode}: ${refused.ErrorMessage ?? 'no message'}`;
  const sequence = batch[index]?.sequence ?? first.sequence;
  return { published, failure: { sequence, error: new PublishError(`PutEvents refused an entry: ${reason}`) } };
}

function unreadable(sequence: string, cause: unknown): UnreadableChangeError {
  const { message } = describeError(cause);
  return new UnreadableChangeError(`stream record ${sequence} is not a record of ours: ${message}`, { cause });
}

function outcome(published: number, failure: PublishOutcome['failure'], deps: PublishDeps): PublishOutcome {
  deps.observer.count('ChangesPublished', published);
  if (failure) deps.observer.count('ChangesFailed');
  return { published, failure };
}
