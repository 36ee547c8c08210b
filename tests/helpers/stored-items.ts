import type { EventRecord } from '../../src/storage/records.js';

/** Items as the events table holds them (schema version 2), for tests that build stream images by hand. */

/** A published event record (what the client, the API and the bus carry); `fields` override any field. */
export function eventRecord(fields: Partial<EventRecord> = {}): EventRecord {
  return {
    schema_version: 2,
    event_id: 'e1',
    type: 'CONSULT',
    code: '040',
    root: '04',
    quad_class: 1,
    goldstein: 1,
    mode: null,
    context: [],
    source: { text: 'French', name: 'France', code: 'FRA', sector: 'GOV', entity_id: 'FRA' },
    target: null,
    reciprocal: false,
    date: '2026-10-05',
    location: null,
    confidence: 0.8,
    num_mentions: 1,
    num_articles: 1,
    num_sources: 1,
    first_seen: '2026-10-06T12:00:00.000Z',
    last_seen: '2026-10-06T12:00:00.000Z',
    updated_at: '2026-10-06T12:00:00.000Z',
    coder_version: 'test',
    ...fields,
  };
}

/** An event item with its bookkeeping sets instead of counts; `extra` overrides any attribute. */
export function storedEventItem(
  sets: { mentions: string[]; articles: string[]; outlets: string[] } = {
    mentions: ['m1'],
    articles: ['a1'],
    outlets: ['Wire'],
  },
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const { confidence: _confidence, num_mentions: _m, num_articles: _a, num_sources: _s, ...fields } = eventRecord();
  return {
    pk: 'EVENT#e1',
    sk: 'EVENT',
    kind: 'event',
    ...fields,
    bestMention: 0.8,
    byTypePk: 'TYPE#CONSULT',
    mentionKeys: new Set(sets.mentions),
    articleIds: new Set(sets.articles),
    outlets: new Set(sets.outlets),
    ...extra,
  };
}

/** The record written when an article is coded; its event ids under the name the byChanged index projects. */
export function storedArticleCodedItem(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    pk: 'ARTICLE#a1',
    sk: 'CODED',
    kind: 'article-coded',
    schema_version: 2,
    article_id: 'a1',
    url: 'http://127.0.0.1/a1',
    outlet: 'Wire',
    title: null,
    published: null,
    eventIds: ['e1'],
    coded_at: '2026-10-06T12:00:00.000Z',
    byChangedPk: 'CHANGED#2026-10-06',
    ...extra,
  };
}
