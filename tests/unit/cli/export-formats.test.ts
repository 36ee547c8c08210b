import { describe, expect, it } from 'vitest';
import { csvCell, EVENT_COLUMNS, eventLine, eventRow } from '../../../src/cli/format-event.js';
import { GDELT_COLUMNS, gdeltRow } from '../../../src/cli/gdelt.js';
import type { EventRecord } from '../../../src/storage/records.js';

const event: EventRecord = {
  schema_version: 2,
  event_id: 'a1b2c3d4e5f60718293a',
  type: 'PROTEST',
  code: '141',
  root: '14',
  quad_class: 3,
  goldstein: -6.5,
  mode: null,
  context: [],
  reciprocal: false,
  date: '2026-10-07',
  source: { text: 'protesters', name: 'protesters, "angry"', code: 'KEN', sector: 'CVL', entity_id: null },
  target: { text: 'government', name: 'Kenya', code: 'KEN', sector: 'GOV', entity_id: 'KEN' },
  location: { name: 'Nairobi', country: 'KEN', admin1: 'KE.05', lat: -1.2833, lon: 36.8167, geonames_id: 184745 },
  confidence: 0.8,
  num_mentions: 3,
  num_articles: 2,
  num_sources: 2,
  first_seen: '2026-10-07T10:00:00.000Z',
  last_seen: '2026-10-07T12:00:00.000Z',
  updated_at: '2026-10-07T12:00:00.000Z',
  coder_version: 'test',
};

describe('export formats', () => {
  it('write the 61 GDELT 2.0 event columns with the fields eventwire fills', () => {
    const row = gdeltRow(event, 'http://127.0.0.1/a');
    const cell = (name: (typeof GDELT_COLUMNS)[number]): string | undefined => row[GDELT_COLUMNS.indexOf(name)];

    expect(GDELT_COLUMNS).toHaveLength(61);
    expect(row).toHaveLength(61);
    expect([
      cell('SQLDATE'),
      cell('Actor1Code'),
      cell('Actor2CountryCode'),
      cell('EventCode'),
      cell('EventRootCode'),
      cell('QuadClass'),
    ]).toEqual(['20261007', 'KENCVL', 'KEN', '141', '14', '3']);
    expect([
      cell('ActionGeo_FullName'),
      cell('ActionGeo_Lat'),
      cell('ActionGeo_FeatureID'),
      cell('NumArticles'),
      cell('SOURCEURL'),
    ]).toEqual(['Nairobi', '-1.2833', '184745', '2', 'http://127.0.0.1/a']);
  });

  it('quote CSV cells that hold commas or quotes', () => {
    const row = eventRow(event);

    expect(EVENT_COLUMNS.map((column) => csvCell(row[column]))).toContain('"protesters, ""angry"""');
  });

  it('print one table line per event with counts in the singular or plural', () => {
    expect(eventLine(event)).toBe(
      '2026-10-07  protesters, "angry" (KEN CVL) PROTEST/141 -> Kenya (KEN GOV)  @ Nairobi, KEN  (3 mentions, 2 sources)',
    );
    expect(eventLine({ ...event, num_mentions: 1, num_sources: 1 })).toMatch(/\(1 mention, 1 source\)$/);
  });
});
