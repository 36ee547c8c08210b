import type { EventLocation, Place } from '../core/event-schema.js';
import type { ActorMention } from './actor-mentions.js';
import type { PlaceResolver } from './geo/index.js';
import type { Token } from './nlp.js';
import { placeModifiersBefore, placeNounOf } from './place-words.js';

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
  /** Where someone goes or sends something ("sent troops to Mali"): the place of acts, not of statements. */
  destination: boolean;
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
const DESTINATIONS = new Set(['to', 'into']);
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
  const add = (start: number, end: number, location: Place | null, country: string | null): void => {
    const before = tokens[placeModifiersBefore(start, tokens) - 1]?.lower ?? '';
    const origin = ORIGIN.has(before);
    const destination = DESTINATIONS.has(before);
    places.push({
      start,
      end,
      name: text(tokens, start, end),
      location,
      country,
      origin,
      destination,
      ...attachment(tokens, start),
    });
    for (let j = start; j < end; j += 1) taken.add(j);
  };
  for (const m of mentions) {
    // A country or capital someone goes to ("sent troops to Mali") is also the act's place.
    const goneTo = !m.isPlace && (m.kind === 'COUNTRY' || m.kind === 'CAPITAL') && isDestination(m.start, tokens);
    if (!m.isPlace && !goneTo) continue;
    const location = resolvePlace(text(tokens, m.start, m.end), resolver, hints);
    add(m.start, m.end, location, location?.country ?? m.code);
  }
  for (let i = 0; i < tokens.length - 1; i += 1) {
    const word = tokens[i]?.lower ?? '';
    if (!PLACE_PREPOSITIONS.has(word) && !DESTINATIONS.has(word) && !placeNounOf(i + 1, tokens)) continue;
    let j = i + 1;
    if (tokens[j]?.lower === 'the') j += 1;
    let end = j;
    while (end < tokens.length && end - j < 3 && isNameWord(tokens[end]) && !taken.has(end)) end += 1;
    if (end === j) continue;
    const location = resolvePlace(text(tokens, j, end), resolver, hints);
    if (location) add(j, end, location, location.country);
  }
  return places.sort((a, b) => a.start - b.start);
}

/** A proper name's word: tagged PROPN, or capitalised where the tagger guessed otherwise ("in Bam"). */
function isNameWord(t: Token | undefined): boolean {
  return t !== undefined && (t.pos === 'PROPN' || (/^\p{Lu}\p{Ll}+$/u.test(t.text) && t.pos !== 'VERB'));
}

function isDestination(start: number, tokens: Token[]): boolean {
  return DESTINATIONS.has(tokens[placeModifiersBefore(start, tokens) - 1]?.lower ?? '');
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

/** Places of a sentence that belong to this predicate: not origins, not another verb's participle clause. */
export function ownPlaces(places: PlaceMention[], predicate: PredicateSpan): PlaceMention[] {
  const otherClause = (v: number | null): boolean => v !== null && (v < predicate.start || v >= predicate.end);
  return places.filter((p) => !p.origin && !otherClause(p.clauseVerb));
}

/**
 * The places of a sentence that can be where an event happened: its own places ({@link ownPlaces}); for
 * statements, appeals, consultations, accusations and threats (CAMEO 01-05, 09-13) not topics ("the war in
 * Sudan"), nor destinations ("a letter to Paris") except for meetings and visits (04) and inquiries (09, "sent
 * inspectors to Bosnia to investigate"), which happen where people go.
 */
export function eventPlaces(places: PlaceMention[], predicate: PredicateSpan, code: string): PlaceMention[] {
  const root = Number(code.slice(0, 2));
  const verbal = root <= 5 || (root >= 9 && root <= 13);
  const goes = !verbal || root === 4 || root === 9;
  return ownPlaces(places, predicate).filter((p) => !(verbal && p.topic) && !(!goes && p.destination));
}

/** The event's place in its sentence: a resolved city near the predicate wins over a country; actors' countries first. */
export function pickLocation(
  places: PlaceMention[],
  predicate: PredicateSpan,
  countries: string[],
  code: string,
): EventLocation | null {
  const verbToken = predicate.head;
  let best: PlaceMention | null = null;
  let bestScore = -Infinity;
  for (const p of eventPlaces(places, predicate, code)) {
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
  return best?.location ? { ...best.location, basis: 'sentence' } : null;
}
