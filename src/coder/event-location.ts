import type { EventLocation, Place } from '../core/event-schema.js';
import type { ActorMention } from './actor-mentions.js';
import type { PlaceResolver } from './geo/index.js';
import type { Token } from './nlp.js';

/** A place named in a sentence and, when the gazetteer knows it, where it is. */
export interface PlaceMention {
  start: number;
  end: number;
  name: string;
  location: Place | null;
  /** Country of the place: the gazetteer's, else the dictionary's ("Lebanese town" -> LBN). */
  country: string | null;
  /** Named as a point of departure ("drones from Belarus"): not where the event happened. */
  origin: boolean;
}

/** Countries that decide between places of the same name: the sentence's actors first, then the article's. */
export interface PlaceHints {
  sentence: string[];
  article: string[];
}

const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'outside', 'inside', 'around', 'across', 'throughout']);
const ORIGIN = new Set(['from']);

/**
 * Places of a sentence: dictionary places used locatively ("in Syria", "the capital Damascus") and
 * capitalised names after "in"/"at"/"near" that the gazetteer resolves (see {@link resolvePlace}).
 */
export function findPlaces(
  tokens: Token[],
  mentions: ActorMention[],
  resolver: PlaceResolver,
  hints: PlaceHints,
): PlaceMention[] {
  const places: PlaceMention[] = [];
  const taken = new Set<number>();
  for (const m of mentions) {
    if (!m.isPlace) continue;
    const name = text(tokens, m.start, m.end);
    const location = resolvePlace(name, resolver, hints);
    const origin = ORIGIN.has(tokens[m.start - 1]?.lower ?? '');
    places.push({ start: m.start, end: m.end, name, location, country: location?.country ?? m.code, origin });
    for (let j = m.start; j < m.end; j += 1) taken.add(j);
  }
  for (let i = 0; i < tokens.length - 1; i += 1) {
    if (!PLACE_PREPOSITIONS.has(tokens[i]?.lower ?? '')) continue;
    let j = i + 1;
    if (tokens[j]?.lower === 'the') j += 1;
    let end = j;
    while (end < tokens.length && end - j < 3 && tokens[end]?.pos === 'PROPN' && !taken.has(end)) end += 1;
    if (end === j) continue;
    const name = text(tokens, j, end);
    const location = resolvePlace(name, resolver, hints);
    if (location) places.push({ start: j, end, name, location, country: location.country, origin: false });
  }
  return places.sort((a, b) => a.start - b.start);
}

function text(tokens: Token[], start: number, end: number): string {
  return tokens
    .slice(start, end)
    .map((t) => t.text)
    .join(' ');
}

/**
 * A name to a place, deciding between namesakes by the sentence's countries, then the article's
 * ("Tripoli" in a story about Lebanon is Lebanon's). A name shared by places in several countries, none of
 * them a country of the article, is left unresolved: a wrong place is worse than none.
 */
export function resolvePlace(name: string, resolver: PlaceResolver, hints: PlaceHints): Place | null {
  const inSentence = resolver.resolve(name, { countries: hints.sentence });
  if (!inSentence) return null;
  const fits = (p: Place, countries: string[]): boolean => p.country !== null && countries.includes(p.country);
  if (inSentence.geonames_id === null || fits(inSentence, hints.sentence)) return inSentence;
  const inArticle = resolver.resolve(name, { countries: hints.article });
  if (inArticle && fits(inArticle, hints.article)) return inArticle;
  const ambiguous = resolver.countriesOf(name).length > 1;
  return ambiguous && hints.article.length > 0 ? null : inSentence;
}

/** The event's place in its sentence: a resolved city near the predicate wins over a country; actors' countries first. */
export function pickLocation(places: PlaceMention[], verbToken: number, countries: string[]): EventLocation | null {
  let best: PlaceMention | null = null;
  let bestScore = -Infinity;
  for (const p of places) {
    if (!p.location || p.origin) continue;
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
  return best?.location ? { ...best.location, basis: 'sentence' } : null;
}
