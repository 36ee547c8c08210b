import { describe, expect, it } from 'vitest';
import { showcase } from '../../../src/cli/commands/run.js';
import type { EventRecord } from '../../../src/storage/records.js';
import { eventRecord } from '../../helpers/stored-items.js';

const actor = (code: string | null) => ({
  text: code ?? 'reporters',
  name: code,
  code,
  sector: 'GOV',
  entity_id: code,
});
const berlin = { name: 'Berlin', country: 'DEU', admin1: null, lat: 52.52, lon: 13.405, geonames_id: 2950159 };

function event(id: string, fields: Partial<EventRecord>): EventRecord {
  return eventRecord({
    event_id: id,
    source: actor('FRA'),
    target: actor('DEU'),
    location: berlin,
    confidence: 0.7,
    first_seen: '2026-10-05T00:00:00Z',
    last_seen: '2026-10-05T00:00:00Z',
    updated_at: '2026-10-05T00:00:00Z',
    ...fields,
  });
}

describe('example events of the run summary', () => {
  it('shows the most complete events, one per type where it can, in date order', () => {
    const events = [
      event('bare', { type: 'ASSAULT', source: actor(null), target: null, location: null, date: '2026-10-01' }),
      event('full-consult', { date: '2026-10-09' }),
      event('second-consult', { date: '2026-10-03' }),
      event('full-aid', { type: 'AID', code: '070', date: '2026-10-07' }),
      event('no-place', { type: 'PROTEST', code: '141', location: null, date: '2026-10-02' }),
    ];

    expect(showcase(events, 3).map((e) => e.event_id)).toEqual(['no-place', 'full-aid', 'full-consult']);
  });

  it('fills up with events of a type already shown when there are too few types', () => {
    const events = [event('a', { date: '2026-10-02' }), event('b', { date: '2026-10-01', confidence: 0.5 })];

    expect(showcase(events, 3).map((e) => e.event_id)).toEqual(['b', 'a']);
  });
});
