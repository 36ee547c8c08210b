import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventReader } from '../../../src/client/index.js';
import { DynamoEventStore, type EventStore } from '../../../src/storage/event-store.js';
import { ATHENS, codedEvent } from '../../helpers/coded-event.js';
import { startTestStack, type TestStack } from '../../helpers/local-stack.js';

let env: TestStack;
let store: EventStore;
let reader: EventReader;
const now = new Date('2026-10-06T12:00:00Z');
const wire = {
  article_id: 'a-wire',
  url: 'http://127.0.0.1/wire/1',
  outlet: 'Wire',
  title: 'Talks',
  published: '2026-10-05T10:00:00Z',
};
const paper = {
  article_id: 'a-paper',
  url: 'http://127.0.0.1/paper/9',
  outlet: 'Paper',
  title: 'Ministers meet',
  published: '2026-10-05T12:00:00Z',
};
// The other outlet names the sides in the other order: a reciprocal event is the same happening.
const paperReport = codedEvent({
  source: { text: 'Germany', name: 'Germany', code: 'DEU', sector: 'GOV', entity_id: 'DEU', span: [0, 7] },
  target: { text: 'France', name: 'France', code: 'FRA', sector: 'GOV', entity_id: 'FRA', span: [12, 18] },
  confidence: 0.9,
});

async function tableSnapshot(): Promise<unknown[]> {
  const scan = await env.clients.doc.send(new ScanCommand({ TableName: env.config.tables.events }));
  return (scan.Items ?? []).sort((a, b) => `${a.pk}${a.sk}`.localeCompare(`${b.pk}${b.sk}`));
}

beforeAll(async () => {
  env = await startTestStack();
  store = new DynamoEventStore(env.clients.doc, env.config.tables.events);
  reader = new EventReader(env.clients.doc, env.config.tables.events);
});
afterAll(async () => env.close());

describe('EventStore on the local DynamoDB-compatible server', () => {
  it('merges reports of one happening from two outlets into one event counting both', async () => {
    await store.recordMentions(wire, [codedEvent()], '2026-10-05', now);
    const second = await store.recordMentions(paper, [paperReport], '2026-10-05', now);

    const event = await reader.get(second.eventIds[0] ?? '');
    expect(event?.num_mentions).toBe(2);
    expect(event?.num_articles).toBe(2);
    expect(event?.num_sources).toBe(2);
    expect(event?.confidence).toBeGreaterThan(0.9);
    expect((await reader.mentions(event?.event_id ?? '')).items.map((m) => m.outlet).sort()).toEqual(['Paper', 'Wire']);
  });

  it('leaves the table identical when the same reports are recorded again, in any order', async () => {
    const before = await tableSnapshot();

    await store.recordMentions(paper, [paperReport], '2026-10-05', new Date('2026-10-07T00:00:00Z'));
    await store.recordMentions(wire, [codedEvent()], '2026-10-05', new Date('2026-10-08T00:00:00Z'));

    expect(await tableSnapshot()).toEqual(before);
  });

  it('answers every access pattern by Query: day range, actor as source, target or either, type, CAMEO root, place, article, recent changes', async () => {
    const consult = await store.recordMentions(wire, [codedEvent()], '2026-10-05', now);
    const protest = await store.recordMentions(
      wire,
      [
        codedEvent({
          type: 'PROTEST',
          code: '141',
          quad_class: 3,
          reciprocal: false,
          date: '2026-10-04',
          source: {
            text: 'protesters',
            name: 'protesters',
            code: 'GRC',
            sector: 'CVL',
            entity_id: null,
            span: [0, 10],
          },
          target: null,
          location: ATHENS,
        }),
      ],
      '2026-10-04',
      now,
    );
    await store.recordArticleCoded(wire, [...consult.eventIds, ...protest.eventIds], now);
    const range = { from: '2026-10-01', to: '2026-10-31' };

    const byDay = await reader.events(range);
    const asSource = await reader.events({ ...range, actor: 'GRC', role: 'source' });
    const asTarget = await reader.events({ ...range, actor: 'GRC', role: 'target' });
    const asEither = await reader.events({ ...range, actor: 'FRA' });
    const protests = await reader.events({ ...range, type: 'PROTEST' });
    const root14 = await reader.events({ ...range, root: '14' });
    const inGreece = await reader.events({ ...range, location: 'GRC' });
    const ofArticle = await reader.eventsOfArticle('a-wire');
    const changed = await reader.changedSince(new Date('2026-10-06T00:00:00Z'), {
      until: new Date('2026-10-09T00:00:00Z'),
    });

    expect(byDay.items).toHaveLength(2);
    expect(asSource.items.map((e) => e.type)).toEqual(['PROTEST']);
    expect(asTarget.items).toEqual([]);
    expect(asEither.items.map((e) => e.type)).toContain('CONSULT');
    expect(protests.items.map((e) => e.source.code)).toEqual(['GRC']);
    expect(root14.items).toHaveLength(1);
    expect(await reader.events({ ...range, root: '99' })).toEqual({ items: [] });
    expect(inGreece.items.map((e) => e.location?.name)).toEqual(['Athens']);
    expect(ofArticle).toHaveLength(2);
    expect(changed.items.length).toBeGreaterThanOrEqual(2);
  });

  it('pages through results with opaque cursors without losing or repeating events', async () => {
    for (let day = 10; day < 15; day += 1) {
      await store.recordMentions(
        wire,
        [codedEvent({ date: `2026-10-${day}`, sentence_index: day })],
        `2026-10-${day}`,
        now,
      );
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await reader.events({
        from: '2026-10-01',
        to: '2026-10-31',
        limit: 2,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.items.map((e) => e.event_id));
      cursor = page.cursor;
    } while (cursor);

    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  it("finds a CAMEO root's events under each PLOVER type its codes map to, with other filters applied on the server", async () => {
    const place = (country: string) => ({
      name: country,
      country,
      admin1: null,
      lat: 0,
      lon: 0,
      geonames_id: null,
      basis: 'sentence' as const,
    });
    await store.recordMentions(
      paper,
      [
        codedEvent({ type: 'CONCEDE', code: '081', date: '2026-11-02', location: place('KEN') }),
        codedEvent({ type: 'RETREAT', code: '0871', date: '2026-11-03', sentence_index: 2, location: place('KEN') }),
        codedEvent({ type: 'RETREAT', code: '0871', date: '2026-11-04', sentence_index: 3, location: place('UGA') }),
      ],
      '2026-11-02',
      now,
    );
    const november = { from: '2026-11-01', to: '2026-11-30' };

    const root08 = await reader.events({ ...november, root: '08' });
    const root08InKenya = await reader.events({ ...november, root: '08', location: 'KEN' });
    const retreatsUnderRoot08 = await reader.events({ ...november, root: '08', type: 'RETREAT' });

    expect(root08.items.map((e) => e.code).sort()).toEqual(['081', '0871', '0871']);
    expect(root08InKenya.items.map((e) => e.date).sort()).toEqual(['2026-11-02', '2026-11-03']);
    expect(retreatsUnderRoot08.items).toHaveLength(2);
  });

  it('counts reports past the tracked cap with counters, keeps the item small and still ignores redeliveries', async () => {
    const capped = new DynamoEventStore(env.clients.doc, env.config.tables.events, 2);
    const day = '2026-12-01';
    // An article's reports are recorded together; c-3 reports the event twice.
    const report = (articleId: string, outlet: string, sentences: number[]) =>
      [
        { ...wire, article_id: articleId, outlet },
        sentences.map((sentence) => codedEvent({ date: day, sentence_index: sentence })),
      ] as const;
    const reports = [
      report('c-1', 'Wire', [1]),
      report('c-2', 'Paper', [1]),
      report('c-3', 'Daily', [1, 2]),
      report('c-4', 'Wire', [1]),
    ];
    for (const [source, events] of reports) await capped.recordMentions(source, events, day, now);
    const [eventId] = (await capped.recordMentions(...report('c-1', 'Wire', [1]), day, now)).eventIds;
    const before = await reader.get(eventId ?? '');
    for (const [source, events] of [...reports].reverse()) await capped.recordMentions(source, events, day, now);
    const after = await reader.get(eventId ?? '');
    const stored = (await tableSnapshot()).find(
      (item) =>
        (item as { pk: string; sk: string }).pk === `EVENT#${eventId}` && (item as { sk: string }).sk === 'EVENT',
    ) as { mentionKeys: Set<string> };

    expect(before).toMatchObject({ num_mentions: 5, num_articles: 4, num_sources: 3 });
    expect(after).toEqual(before);
    expect(stored.mentionKeys.size).toBe(2);
    expect((await reader.mentions(eventId ?? '')).items).toHaveLength(5);
  });
});
