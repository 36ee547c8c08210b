import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { PublishError, UnreadableChangeError } from '../../../src/changes/errors.js';
import { publishChanges } from '../../../src/changes/publish.js';
import type { MetricName, StageObserver } from '../../../src/stages/observer.js';
import { storedEventItem } from '../../helpers/stored-items.js';

const bus = new EventBridgeClient({ region: 'us-east-1' });
const eventBridge = mockClient(bus);
const counts = new Map<MetricName, number>();
const observer: StageObserver = {
  info: () => undefined,
  warn: () => undefined,
  count: (metric, value = 1) => counts.set(metric, (counts.get(metric) ?? 0) + value),
};
const deps = { bus, busName: 'eventwire-events', observer };

/** A new event at stream position `n`, reported by article `article` (its own by default). */
function created(n: number, article = `a${n}`): DynamoDBRecord {
  const sets = { mentions: [`m${n}`], articles: [article], outlets: ['Wire'] };
  const item = storedEventItem(sets, { pk: `EVENT#e${n}`, event_id: `e${n}` });
  return {
    eventName: 'INSERT',
    dynamodb: { SequenceNumber: String(n), NewImage: marshall(item, { convertClassInstanceToMap: false }) as never },
  };
}

const entriesSent = () => eventBridge.commandCalls(PutEventsCommand).map((call) => call.args[0].input.Entries ?? []);

describe('publishChanges', () => {
  beforeEach(() => {
    eventBridge.reset();
    counts.clear();
  });

  it('puts one bus event per article, in the order of its first record, ten per request, and counts them', async () => {
    eventBridge.on(PutEventsCommand).callsFake((input: { Entries: unknown[] }) => ({
      Entries: input.Entries.map((_, i) => ({ EventId: String(i) })),
    }));

    const outcome = await publishChanges(
      [...Array.from({ length: 12 }, (_, n) => created(n)), created(12, 'a0')],
      deps,
    );

    expect(outcome).toEqual({ published: 12, failure: null });
    expect(entriesSent().map((entries) => entries.length)).toEqual([10, 2]);
    expect(entriesSent()[0]?.[0]?.DetailType).toBe('Events Changed');
    expect(JSON.parse(entriesSent()[0]?.[0]?.Detail ?? '{}')).toMatchObject({
      article_id: 'a0',
      created: [
        { event_id: 'e0', num_mentions: 1 },
        { event_id: 'e12', num_mentions: 1 },
      ],
    });
    expect(counts.get('ChangesPublished')).toBe(12);
  });

  it('returns the first entry the bus refused, with its error code, and stops there', async () => {
    eventBridge.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ EventId: 'a' }, { ErrorCode: 'ThrottlingException', ErrorMessage: 'slow down' }, { EventId: 'c' }],
    });

    const outcome = await publishChanges([created(1), created(2), created(3)], deps);

    expect(outcome.failure?.sequence).toBe('2');
    expect(outcome.failure?.error).toBeInstanceOf(PublishError);
    expect(outcome.failure?.error.message).toContain('ThrottlingException: slow down');
    expect(outcome.failure?.error.retryable).toBe(true);
    expect(counts.get('ChangesFailed')).toBe(1);
  });

  it('retries from the first record of a refused article: the records after it go again, none is skipped', async () => {
    eventBridge.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ EventId: 'a' }, { ErrorCode: 'ThrottlingException', ErrorMessage: 'slow down' }],
    });

    const outcome = await publishChanges([created(1, 'a1'), created(2, 'a2'), created(3, 'a1')], deps);

    expect(entriesSent()[0]?.map((entry) => JSON.parse(entry.Detail ?? '{}').article_id)).toEqual(['a1', 'a2']);
    expect(outcome.published).toBe(1);
    expect(outcome.failure?.sequence).toBe('2');
  });

  it('keeps the error of a failed request as the cause of its PublishError', async () => {
    const refused = new Error('AccessDeniedException: not allowed');
    eventBridge.on(PutEventsCommand).rejects(refused);

    const outcome = await publishChanges([created(1)], deps);

    expect(outcome.published).toBe(0);
    expect(outcome.failure?.sequence).toBe('1');
    expect(outcome.failure?.error).toBeInstanceOf(PublishError);
    expect(outcome.failure?.error.cause).toBe(refused);
  });

  it('publishes the changes before a record that is not ours, then fails at that record', async () => {
    eventBridge.on(PutEventsCommand).resolves({ Entries: [{ EventId: 'a' }] });
    const broken: DynamoDBRecord = {
      eventName: 'INSERT',
      dynamodb: { SequenceNumber: '2', NewImage: marshall({ pk: 'EVENT#x', sk: 'EVENT', kind: 'event' }) as never },
    };

    const outcome = await publishChanges([created(1), broken, created(3)], deps);

    expect(outcome.published).toBe(1);
    expect(outcome.failure?.sequence).toBe('2');
    expect(outcome.failure?.error).toBeInstanceOf(UnreadableChangeError);
    expect(entriesSent()).toHaveLength(1);
  });
});
