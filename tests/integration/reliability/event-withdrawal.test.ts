import { DeleteCommand, GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { EventReader } from '../../../src/client/index.js';
import { DynamoEventStore, type EventStore } from '../../../src/storage/event-store.js';
import { codedEvent } from '../../helpers/coded-event.js';
import { startTestStack, type TestStack } from '../../helpers/local-stack.js';
import { dieAtWrite, KILLED } from './support/die-at-write.js';

let env: TestStack | undefined;
const now = new Date('2026-10-06T12:00:00Z');
const day = '2026-10-05';
const source = (articleId: string, outlet: string) => ({
  article_id: articleId,
  url: `http://127.0.0.1/${articleId}`,
  outlet,
  title: null,
  published: null,
});
const original = source('a-original', 'Wire');
const copy = source('a-copy', 'Globe');
const talks = codedEvent();
// A sentence only the copy has (its agency line) gives an event no other article reports.
const agencyLine = codedEvent({
  type: 'COOPERATE',
  code: '060',
  sentence: 'This article was supplied by an agency.',
  sentence_index: 9,
  offsets: { source: null, verb: [13, 21], target: null },
});

/** The events table's events, mentions and coded-article records (its calendar lists partitions, and stays). */
async function eventTable(): Promise<Record<string, unknown>[]> {
  const scan = await env!.clients.doc.send(new ScanCommand({ TableName: env!.config.tables.events }));
  return (scan.Items ?? [])
    .filter((item) => item.pk !== 'CALENDAR')
    .sort((a, b) => `${a.pk}${a.sk}`.localeCompare(`${b.pk}${b.sk}`));
}

/** Each case starts from an empty events table on its own local stack. */
async function freshStore(trackedReports?: number): Promise<{ store: EventStore; reader: EventReader }> {
  await env?.close();
  env = await startTestStack();
  return {
    store: new DynamoEventStore(env!.clients.doc, env!.config.tables.events, trackedReports),
    reader: new EventReader(env!.clients.doc, env!.config.tables.events),
  };
}

afterAll(async () => env?.close());

async function emptyEventTable(): Promise<void> {
  for (const item of await eventTable())
    await env!.clients.doc.send(
      new DeleteCommand({ TableName: env!.config.tables.events, Key: { pk: item.pk, sk: item.sk } }),
    );
}

describe('withdrawing the reports a copy recorded from its own text', () => {
  it('deletes events only the copy reported and takes the copy out of the counts of the others', async () => {
    const { store, reader } = await freshStore();
    const first = await store.recordMentions(original, [talks], day, now);
    const own = await store.recordMentions(copy, [talks, agencyLine], day, now);
    await store.recordArticleCoded(copy, own.eventIds, now);

    const withdrawn = await store.withdrawMentions(copy, { events: [talks, agencyLine], day }, { events: [], day });

    expect(withdrawn).toBe(2);
    const event = await reader.get(first.eventIds[0] ?? '');
    expect([event?.num_mentions, event?.num_articles, event?.num_sources]).toEqual([1, 1, 1]);
    expect(await reader.get(own.eventIds[1] ?? '')).toBeUndefined();
    const items = await eventTable();
    expect(items.map((item) => `${String(item.pk).split('#')[0]}/${String(item.sk).split('#')[0]}`)).toEqual([
      'EVENT/EVENT',
      'EVENT/MENTION',
    ]);
    expect(items.every((item) => item.article_id === undefined || item.article_id === original.article_id)).toBe(true);
  });

  it('changes nothing for reports the copy is about to record again, and nothing when repeated', async () => {
    const { store } = await freshStore();
    const recorded = await store.recordMentions(copy, [talks], day, now);
    await store.recordArticleCoded(copy, recorded.eventIds, now);
    const before = await eventTable();

    await store.withdrawMentions(copy, { events: [talks], day }, { events: [talks], day });
    expect(await eventTable()).toEqual(before);

    await store.withdrawMentions(copy, { events: [talks, agencyLine], day }, { events: [], day });
    const after = await eventTable();
    await store.withdrawMentions(copy, { events: [talks, agencyLine], day }, { events: [], day });
    expect(await eventTable()).toEqual(after);
    expect(after).toEqual([]);
  });

  it('keeps the outlet among the sources while another of its articles reports the event', async () => {
    const { store, reader } = await freshStore();
    const sameOutlet = source('a-globe-2', 'Globe');
    const recorded = await store.recordMentions(copy, [talks], day, now);
    await store.recordMentions(sameOutlet, [talks], day, now);

    await store.withdrawMentions(copy, { events: [talks], day }, { events: [], day });

    const event = await reader.get(recorded.eventIds[0] ?? '');
    expect([event?.num_mentions, event?.num_articles, event?.num_sources]).toEqual([1, 1, 1]);
    const item = await env!.clients.doc.send(
      new GetCommand({ TableName: env!.config.tables.events, Key: { pk: `EVENT#${event?.event_id}`, sk: 'EVENT' } }),
    );
    expect([...(item.Item!.outlets as Set<string>)]).toEqual(['Globe']);
  });

  it('takes back the counters of reports past the tracked cap', async () => {
    const { store, reader } = await freshStore(1);
    const recorded = await store.recordMentions(original, [talks], day, now);
    await store.recordMentions(copy, [talks], day, now);
    expect((await reader.get(recorded.eventIds[0] ?? ''))?.num_articles).toBe(2);

    await store.withdrawMentions(copy, { events: [talks], day }, { events: [], day });

    const event = await reader.get(recorded.eventIds[0] ?? '');
    expect([event?.num_mentions, event?.num_articles, event?.num_sources]).toEqual([1, 1, 1]);
  });

  it('ends as an undisturbed withdrawal when a crash stops it at any write and it runs again', async () => {
    const { store } = await freshStore();
    const other = source('a-other', 'Herald');
    const arrange = async (): Promise<void> => {
      await emptyEventTable();
      await store.recordMentions(original, [talks], day, now);
      await store.recordMentions(other, [talks], day, now);
      const own = await store.recordMentions(copy, [talks, agencyLine], day, now);
      await store.recordArticleCoded(copy, own.eventIds, now);
    };
    const withdraw = () => store.withdrawMentions(copy, { events: [talks, agencyLine], day }, { events: [], day });
    await arrange();
    const counter = dieAtWrite(env!.clients, null);
    await withdraw();
    const undisturbed = await eventTable();
    const writes = counter.writes;
    expect(writes).toBeGreaterThan(2);

    for (let at = 1; at <= writes; at += 1) {
      dieAtWrite(env!.clients, null);
      await arrange();
      dieAtWrite(env!.clients, at);
      await expect(withdraw()).rejects.toThrow(KILLED);
      dieAtWrite(env!.clients, null);
      await withdraw();
      expect(await eventTable(), `crash at write ${at} of ${writes}`).toEqual(undisturbed);
    }
  });

  it('never counts a report past the cap out twice, whichever write a crash stops', async () => {
    const { store, reader } = await freshStore(1);
    const arrange = async (): Promise<string> => {
      await emptyEventTable();
      const recorded = await store.recordMentions(original, [talks], day, now);
      await store.recordMentions(copy, [talks], day, now);
      return recorded.eventIds[0] ?? '';
    };
    const withdraw = () => store.withdrawMentions(copy, { events: [talks], day }, { events: [], day });
    await arrange();
    const counter = dieAtWrite(env!.clients, null);
    await withdraw();
    const writes = counter.writes;

    for (let at = 1; at <= writes; at += 1) {
      dieAtWrite(env!.clients, null);
      const eventId = await arrange();
      dieAtWrite(env!.clients, at);
      await expect(withdraw()).rejects.toThrow(KILLED);
      dieAtWrite(env!.clients, null);
      await withdraw();
      const event = await reader.get(eventId);
      // The original's report always stays; the copy's is taken out, or stays counted if the crash fell between its two writes.
      expect([1, 2], `crash at write ${at} of ${writes}`).toContain(event?.num_mentions);
      expect(event?.num_articles).toBe(event?.num_mentions);
    }
  });
});
