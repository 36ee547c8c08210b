import type { Token } from './nlp.js';

/** Nouns naming a kind of place: "the island of Cyprus", "the town of Gorazde" are places. */
const PLACE_NOUNS = new Set([
  'island',
  'city',
  'town',
  'village',
  'region',
  'province',
  'state',
  'capital',
  'district',
  'county',
  'port',
  'enclave',
  'territory',
  'republic',
  'kingdom',
  'streets',
  'outskirts',
  'north',
  'south',
  'east',
  'west',
  'centre',
  'center',
]);

const DIRECTIONS =
  /^(north|south|east|west|central|northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|south-?western|upper|lower)$/;

/** "the town of X", "the capital city of X": a place noun and "of" right before `start`. */
export function placeNounOf(start: number, tokens: Token[]): boolean {
  return tokens[start - 1]?.lower === 'of' && PLACE_NOUNS.has(tokens[start - 2]?.lower ?? '');
}

/**
 * Index of the first of the words that qualify a place name before `start` ("the", adjectives, "mostly",
 * directions written in capitals: "in mostly Christian eastern Beirut", "in Western Cambodia"), at most three.
 */
export function placeModifiersBefore(start: number, tokens: Token[]): number {
  let i = start;
  while (i > 0 && start - i < 3) {
    const t = tokens[i - 1] as Token;
    const modifier = t.pos === 'ADJ' || t.lower === 'the' || t.lower === 'mostly' || DIRECTIONS.test(t.lower);
    if (!modifier) break;
    i -= 1;
  }
  return i;
}
