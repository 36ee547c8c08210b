import {
  type EventBridgeClient,
  PutEventsCommand,
  type PutEventsCommandOutput,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import type { DynamoDBRecord } from 'aws-lambda';
import { describeError } from '../core/errors.js';
import type { StageObserver } from '../stages/observer.js';
import { type BusEvent, type RecordChange, toBusEvents, toChangeEvent } from './change-events.js';
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
  /** Sequence number of the first record the entry carries: where the stream retries from if it fails. */
  sequence: string;
  entry: PutEventsRequestEntry;
}

/** PutEvents takes at most 256 KB of entries per request; kept below it with room for the envelope. */
const PUT_EVENTS_BYTES = 240_000;

/**
 * Publishes the changes of a stream batch to the bus, one bus event per article (toBusEvents), in the order of
 * their first record. Stops at the first bus event that fails and returns the first record it carries, so the
 * stream mapping retries from it (ReportBatchItemFailures): every record after it is published again, nothing is
 * lost (downstream consumers see at-least-once delivery). A record that is not ours is reported the same way
 * after the changes before it are published.
 */
export async function publishChanges(records: readonly DynamoDBRecord[], deps: PublishDeps): Promise<PublishOutcome> {
  const changes: { position: number; change: RecordChange }[] = [];
  let unreadableAt: PublishOutcome['failure'] = null;
  for (const [position, record] of records.entries()) {
    const sequence = record.dynamodb?.SequenceNumber ?? '';
    try {
      const change = toChangeEvent(record);
      if (change) changes.push({ position, change });
    } catch (cause) {
      unreadableAt = { sequence, error: unreadable(sequence, cause) };
      break;
    }
  }
  const pending = toBusEvents(changes).map((event) => ({
    sequence: records[event.positions[0] ?? 0]?.dynamodb?.SequenceNumber ?? '',
    entry: entryOf(event, deps.busName),
  }));
  let published = 0;
  for (const batch of requests(pending)) {
    const result = await put(batch, deps);
    published += result.published;
    if (result.failure) return outcome(published, result.failure, deps);
  }
  return outcome(published, unreadableAt, deps);
}

/** Entries grouped into PutEvents requests: at most ten, and at most PUT_EVENTS_BYTES of detail, each. */
function requests(pending: readonly Pending[]): Pending[][] {
  const out: Pending[][] = [];
  let current: Pending[] = [];
  let bytes = 0;
  for (const item of pending) {
    const size = (item.entry.Detail ?? '').length + 200;
    if (current.length === PUT_EVENTS_LIMIT || (current.length > 0 && bytes + size > PUT_EVENTS_BYTES)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}

function entryOf(event: BusEvent, busName: string): PutEventsRequestEntry {
  return {
    Source: EVENT_SOURCE,
    DetailType: event.detailType,
    Detail: JSON.stringify(event.detail),
    EventBusName: busName,
  };
}

/**
 * Puts one request. Entries are independent on the bus: those after a refused one may have gone through and go
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
