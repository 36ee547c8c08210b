import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { DETAIL_TYPES, toChangeEvent } from '../../../src/changes/change-events.js';
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

    expect(created?.detailType).toBe(DETAIL_TYPES.eventCreated);
    expect(created?.detail).toMatchObject({
      event_id: 'e1',
      num_mentions: 1,
      num_articles: 1,
      num_sources: 1,
      confidence: 0.8,
    });
    expect(Object.keys(created?.detail ?? {})).not.toEqual(expect.arrayContaining(['mentionKeys', 'pk', 'byDatePk']));
  });

  it('announces new counts with the previous ones when a report joins', () => {
    const updated = change(
      'MODIFY',
      event(['m1', 'm2'], ['a1', 'a2'], ['Wire', 'Paper']),
      event(['m1'], ['a1'], ['Wire']),
    );

    expect(updated?.detailType).toBe(DETAIL_TYPES.eventUpdated);
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

    expect(coded?.detailType).toBe(DETAIL_TYPES.articleCoded);
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
});
