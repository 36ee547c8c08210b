import type { CodedEvent, EventLocation } from '../../src/core/event-schema.js';

/** Athens as the coder places an event named there. */
export const ATHENS: EventLocation = {
  name: 'Athens',
  country: 'GRC',
  admin1: null,
  lat: 37.98,
  lon: 23.72,
  geonames_id: 264371,
  basis: 'sentence',
};

/** A valid coded event with sensible defaults; tests override what they are about. */
export function codedEvent(overrides: Partial<CodedEvent> = {}): CodedEvent {
  return {
    type: 'CONSULT',
    code: '040',
    quad_class: 1,
    goldstein: 1,
    mode: null,
    context: [],
    source: { text: 'French', name: 'France', code: 'FRA', sector: 'GOV', entity_id: 'FRA', span: [0, 6] },
    target: { text: 'German', name: 'Germany', code: 'DEU', sector: 'GOV', entity_id: 'DEU', span: [20, 26] },
    reciprocal: true,
    date: '2026-10-05',
    location: {
      name: 'Berlin',
      country: 'DEU',
      admin1: null,
      lat: 52.52,
      lon: 13.405,
      geonames_id: 2950159,
      basis: 'sentence',
    },
    sentence: 'French and German ministers met in Berlin on Monday.',
    sentence_index: 0,
    offsets: { source: [0, 6], verb: [30, 33], target: [11, 17] },
    confidence: 0.7,
    coder_version: 'test',
    ...overrides,
  };
}
