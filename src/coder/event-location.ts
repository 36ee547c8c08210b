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
  /** The subject of talk ("discussed the war in Sudan"): where a statement is about, not where it is made. */
  topic: boolean;
  /** A verb right before the preposition, after a noun ("the agreement signed in Washington"): the place
   * belongs to that verb, which may be a participle clause's rather than the event's. */
  clauseVerb: number | null;
}

/** Countries that decide between places of the same name: the sentence's actors first, then the article's. */
export interface PlaceHints {
  sentence: string[];
  article: string[];
}

const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'outside', 'inside', 'around', 'across', 'throughout']);
const ORIGIN = new Set(['from']);
/** Nouns that make a following place the topic: "the war in", "the situation in", "peace in". */
const TOPIC_NOUNS = new Set([
  'war',
  'wars',
  'conflict',
  'conflicts',
  'crisis',
  'crises',
  'fighting',
  'violence',
  'situation',
  'unrest',
  'peace',
  'ceasefire',
  'truce',
  'elections',
  'election',
  'killings',
  'atrocities',
  'abuses',
  'humanitarian',
  'operations',
  'offensive',
  'presence',
  'involvement',
  'intervention',
]);

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
    const country = location?.country ?? m.code;
    places.push({ start: m.start, end: m.end, name, location, country, origin, ...attachment(tokens, m.start) });
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
    if (location)
      places.push({
        start: j,
        end,
        name,
        location,
        country: location.country,
        origin: false,
        ...attachment(tokens, j),
      });
  }
  return places.sort((a, b) => a.start - b.start);
}

/** What the preposition before a place hangs on: a topic noun, or a verb after a noun. */
function attachment(tokens: Token[], start: number): { topic: boolean; clauseVerb: number | null } {
  let prep = start - 1;
  while (prep > 0 && (tokens[prep]?.pos === 'DET' || tokens[prep]?.pos === 'ADJ')) prep -= 1;
  const head = tokens[prep - 1];
  const beforeHead = tokens[prep - 2];
  const topic = head !== undefined && TOPIC_NOUNS.has(head.lower);
  const clause =
    head?.pos === 'VERB' &&
    /(ed|en|wn|ld|lt|nt)$/.test(head.lower) &&
    (beforeHead?.pos === 'NOUN' || beforeHead?.pos === 'PROPN');
  return { topic, clauseVerb: clause ? prep - 1 : null };
}

function text(tokens: Token[], start: number, end: number): string {
  return tokens
    .slice(start, end)
    .map((t) => t.text)
    .join(' ');
}

/**
 * A name to a place, deciding between namesakes by the sentence's countries, then the article's
 * ("Tripoli" in a story about Lebanon is Lebanon's). An ambiguous name ("Hyderabad", "Valencia") that
 * neither decides stays unresolved: a wrong place is worse than none.
 */
export function resolvePlace(name: string, resolver: PlaceResolver, hints: PlaceHints): Place | null {
  const inSentence = resolver.resolve(name, { countries: hints.sentence });
  if (!inSentence) return null;
  const fits = (p: Place, countries: string[]): boolean => p.country !== null && countries.includes(p.country);
  if (inSentence.geonames_id === null || fits(inSentence, hints.sentence)) return inSentence;
  const inArticle = resolver.resolve(name, { countries: hints.article });
  if (inArticle && fits(inArticle, hints.article)) return inArticle;
  return resolver.ambiguous(name) ? null : inSentence;
}

/** The event's predicate: its head token and its token span [start, end). */
export interface PredicateSpan {
  head: number;
  start: number;
  end: number;
}

/**
 * The event's place in its sentence: a resolved city near the predicate wins over a country; actors'
 * countries first. Origins and places of another verb's participle clause never count; topics ("the war
 * in Sudan") do not count for statements, consultations, appeals, accusations and threats (`verbal`).
 */
export function pickLocation(
  places: PlaceMention[],
  predicate: PredicateSpan,
  countries: string[],
  verbal = false,
): EventLocation | null {
  const verbToken = predicate.head;
  const otherClause = (v: number | null): boolean => v !== null && (v < predicate.start || v >= predicate.end);
  let best: PlaceMention | null = null;
  let bestScore = -Infinity;
  for (const p of places) {
    if (!p.location || p.origin || otherClause(p.clauseVerb) || (verbal && p.topic)) continue;
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
