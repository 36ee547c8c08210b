import type { EventLocation } from '../core/event-schema.js';
import type { ActorMention } from './actor-mentions.js';
import type { PlaceResolver } from './geo/index.js';
import type { Token } from './nlp.js';

/** A place named in a sentence and, when the gazetteer knows it, where it is. */
export interface PlaceMention {
  start: number;
  end: number;
  name: string;
  location: EventLocation | null;
  /** Country of the place: the gazetteer's, else the dictionary's ("Lebanese town" -> LBN). */
  country: string | null;
}

const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'outside', 'inside', 'around', 'across', 'throughout']);

/**
 * Places of a sentence: dictionary places used locatively ("in Syria", "the capital Damascus") and
 * capitalised names after "in"/"at"/"near" that the gazetteer resolves, preferring places in the
 * countries of the sentence's actors.
 */
export function findPlaces(
  tokens: Token[],
  mentions: ActorMention[],
  resolver: PlaceResolver,
  countries: string[],
): PlaceMention[] {
  const places: PlaceMention[] = [];
  const taken = new Set<number>();
  for (const m of mentions) {
    if (!m.isPlace) continue;
    const name = tokens
      .slice(m.start, m.end)
      .map((t) => t.text)
      .join(' ');
    const location = resolver.resolve(name, { countries });
    places.push({ start: m.start, end: m.end, name, location, country: location?.country ?? m.code });
    for (let j = m.start; j < m.end; j += 1) taken.add(j);
  }
  for (let i = 0; i < tokens.length - 1; i += 1) {
    if (!PLACE_PREPOSITIONS.has(tokens[i]?.lower ?? '')) continue;
    let j = i + 1;
    if (tokens[j]?.lower === 'the') j += 1;
    let end = j;
    while (end < tokens.length && end - j < 3 && tokens[end]?.pos === 'PROPN' && !taken.has(end)) end += 1;
    if (end === j) continue;
    const name = tokens
      .slice(j, end)
      .map((t) => t.text)
      .join(' ');
    const location = resolver.resolve(name, { countries });
    if (location) places.push({ start: j, end, name, location, country: location.country });
  }
  return places.sort((a, b) => a.start - b.start);
}

/** The event's place: a resolved city near the predicate wins over a country; actors' countries first. */
export function pickLocation(places: PlaceMention[], verbToken: number, countries: string[]): EventLocation | null {
  let best: PlaceMention | null = null;
  let bestScore = -Infinity;
  for (const p of places) {
    if (!p.location) continue;
    const consistent = p.location.country !== null && countries.includes(p.location.country) ? 20 : 0;
    const specific = p.location.geonames_id !== null ? 2 : 0;
    // The event's own place usually follows the predicate ("bombed positions in northern Iraq");
    // one before it often belongs to the reporter ("Officials in Baghdad said").
    const after = p.start > verbToken ? 4 : 0;
    const score = consistent + specific + after - Math.abs(p.start - verbToken) * 0.5;
    if (score > bestScore) {
      best = p;
      bestScore = score;
    }
  }
  return best?.location ?? null;
}
