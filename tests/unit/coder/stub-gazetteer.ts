import type { PlaceResolver } from '../../../src/coder/index.js';
import type { Place } from '../../../src/core/event-schema.js';

const PLACES: Record<string, Place> = {
  astana: { name: 'Astana', country: 'KAZ', admin1: null, lat: 51.18, lon: 71.45, geonames_id: 1526273 },
  damascus: { name: 'Damascus', country: 'SYR', admin1: null, lat: 33.51, lon: 36.29, geonames_id: 170654 },
  nairobi: { name: 'Nairobi', country: 'KEN', admin1: null, lat: -1.28, lon: 36.82, geonames_id: 184745 },
  moscow: { name: 'Moscow', country: 'RUS', admin1: null, lat: 55.75, lon: 37.62, geonames_id: 524901 },
  'addis ababa': { name: 'Addis Ababa', country: 'ETH', admin1: null, lat: 9.02, lon: 38.75, geonames_id: 344979 },
};
const CAPITALS: Record<string, string> = {
  astana: 'KAZ',
  damascus: 'SYR',
  nairobi: 'KEN',
  moscow: 'RUS',
  'addis ababa': 'ETH',
};

/** A five-place gazetteer so coder tests do not depend on the full geo data. */
export const stubGazetteer: PlaceResolver = {
  resolve: (name) => PLACES[name.toLowerCase()] ?? null,
  isCapitalOf: (name) => CAPITALS[name.toLowerCase()] ?? null,
  isPlace: (name) => name.toLowerCase() in PLACES,
  ambiguous: () => false,
};
