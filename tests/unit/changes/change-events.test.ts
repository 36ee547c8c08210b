import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { DETAIL_TYPES, MAX_DETAIL_BYTES, toBusEvents, toChangeEvent } from '../../../src/changes/change-events.js';
import { storedArticleCodedItem, storedEventItem } from '../../helpers/stored-items.js';

type StreamImage = NonNullable<NonNullable<DynamoDBRecord['dynamodb']>['NewImage']>;
const image = (item: Record<string, unknown>): StreamImage =>
  marshall(item, { convertClassInstanceToMap: false }) as StreamImage;

const event = (
  mentions: string[],
  articles: string[],
  outlets: string[],
  extra: Record<string, unknown> = {},
): Record<string, unknown> => storedEventItem({ mentions, articles, outlets }, extra);

function change(eventName: 'INSERT' | 'MODIFY', next: Record<string, unknown>, previous?: Record<string, unknown>) {
  return toChangeEvent({
    eventName,
    dynamodb: { NewImage: image(next), ...(previous ? { OldImage: image(previous) } : {}) },
  });
}

describe('change feed events from stream images', () => {
  it('announces a new event with counts taken from its sets, without internal fields', () => {
    const created = change('INSERT', event(['m1'], ['a1'], ['Wire']));

    expect(created?.change).toBe('created');
    expect(created?.article).toBe('a1');
    expect(created?.detail).toMatchObject({
      event_id: 'e1',
      num_mentions: 1,
      num_articles: 1,
      num_sources: 1,
      confidence: 0.8,
    });
    expect(Object.keys(created?.detail ?? {})).not.toEqual(expect.arrayContaining(['mentionKeys', 'pk', 'byTypePk']));
  });

  it('announces new counts with the previous ones when a report joins', () => {
    const updated = change(
      'MODIFY',
      event(['m1', 'm2'], ['a1', 'a2'], ['Wire', 'Paper']),
      event(['m1'], ['a1'], ['Wire']),
    );

    expect(updated?.change).toBe('updated');
    expect(updated?.article).toBe('a2');
    expect(updated?.detail).toMatchObject({
      num_mentions: 2,
      num_sources: 2,
      previous: { num_mentions: 1, num_sources: 1, confidence: 0.8 },
    });
    expect(Number((updated?.detail as { confidence?: number } | undefined)?.confidence)).toBeGreaterThan(0.8);
  });

  it('stays quiet for corrections that leave the counts as they were, and for mentions', () => {
    const before = event(['m1', 'm2'], ['a1'], ['Wire']);

    expect(change('MODIFY', { ...before, code: '036' }, before)).toBeNull();
    expect(change('INSERT', { pk: 'EVENT#e1', sk: 'MENTION#m1', kind: 'mention' })).toBeNull();
  });

  it('announces a coded article with its event ids, named as the record names them', () => {
    const coded = change('INSERT', storedArticleCodedItem());

    expect(coded?.change).toBe('coded');
    expect(coded?.article).toBe('a1');
    expect(coded?.detail).toEqual({
      schema_version: 2,
      article_id: 'a1',
      url: 'http://127.0.0.1/a1',
      outlet: 'Wire',
      title: null,
      published: null,
      event_ids: ['e1'],
      coded_at: '2026-10-06T12:00:00.000Z',
    });
  });

  it('names no article for a change no single article made (a report counted past the tracked cap)', () => {
    const before = event(['m1'], ['a1'], ['Wire']);
    const counted = change('MODIFY', { ...before, untrackedMentions: 1, untrackedArticles: 1 }, before);

    expect(counted?.change).toBe('updated');
    expect(counted?.article).toBeNull();
  });
});

describe('bus events from the changes of a stream batch', () => {
  const at = (position: number, record: Record<string, unknown>, previous?: Record<string, unknown>) => {
    const found = change(previous ? 'MODIFY' : 'INSERT', record, previous);
    if (!found) throw new Error('no change');
    return { position, change: found };
  };

  it('puts one bus event per article: its coded record with the events it created and updated', () => {
    const known = event(['m0'], ['a0'], ['Paper'], { pk: 'EVENT#e0', event_id: 'e0' });
    const bus = toBusEvents([
      at(0, event(['m1'], ['a1'], ['Wire'])),
      at(1, event(['m2'], ['a2'], ['Paper'], { pk: 'EVENT#e2', event_id: 'e2' })),
      at(2, event(['m0', 'm3'], ['a0', 'a1'], ['Paper', 'Wire'], { pk: 'EVENT#e0', event_id: 'e0' }), known),
      at(3, storedArticleCodedItem()),
      at(4, { ...known, untrackedMentions: 1 }, known),
    ]);

    expect(bus.map((one) => [one.detailType, one.positions])).toEqual([
      [DETAIL_TYPES.articleCoded, [0, 2, 3]],
      [DETAIL_TYPES.eventsChanged, [1]],
      [DETAIL_TYPES.eventsChanged, [4]],
    ]);
    const [coded, other, none] = bus;
    expect(coded?.detail).toMatchObject({
      article_id: 'a1',
      event_ids: ['e1'],
      created: [{ event_id: 'e1' }],
      updated: [{ event_id: 'e0', num_articles: 2, previous: { num_articles: 1 } }],
    });
    expect(other?.detail).toMatchObject({ article_id: 'a2', created: [{ event_id: 'e2' }], updated: [] });
    expect(none?.detail).toMatchObject({ article_id: null, created: [], updated: [{ event_id: 'e0' }] });
  });

  it('splits an article whose changes exceed the detail limit, every event in exactly one bus event', () => {
    const padding = 'x'.repeat(20_000);
    const many = Array.from({ length: 25 }, (_, n) =>
      at(n, event([`m${n}`], ['a1'], ['Wire'], { pk: `EVENT#e${n}`, event_id: `e${n}`, context: [padding] })),
    );

    const bus = toBusEvents([...many, at(25, storedArticleCodedItem())]);

    expect(bus.length).toBeGreaterThan(1);
    expect(bus[0]?.detailType).toBe(DETAIL_TYPES.articleCoded);
    for (const one of bus) expect(JSON.stringify(one.detail).length).toBeLessThanOrEqual(MAX_DETAIL_BYTES);
    expect(bus.flatMap((one) => one.positions).sort((a, b) => a - b)).toEqual(Array.from({ length: 26 }, (_, n) => n));
  });
});
