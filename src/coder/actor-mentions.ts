import { type ActorDictionary, type LexiconEntry, matchActorAt, pickByDate } from './actor-dictionary.js';
import { mergeAppositions } from './appositions.js';
import type { Token } from './nlp.js';
import { placeModifiersBefore, placeNounOf } from './place-words.js';

/** An actor phrase found in a sentence (token indices are sentence-relative, end exclusive). */
export interface ActorMention {
  start: number;
  end: number;
  name: string | null;
  code: string | null;
  sector: string | null;
  entityId: string | null;
  kind: 'PERSON' | 'ORGANIZATION' | 'COUNTRY' | 'CAPITAL' | 'GROUP' | 'PRONOUN';
  /** Used as a location ("in Syria", "to Damascus"), so not an actor. */
  isPlace: boolean;
  plural: boolean;
  /** A bare title ("the president") or pronoun that coreference may resolve. */
  needsAntecedent: boolean;
  pronoun: 'person' | 'thing' | 'plural' | null;
  /** The country was inferred from context (see actor-countries.ts), not read from the actor's own words. */
  inferredCountry?: boolean;
  /** A pronoun resolved within its sentence: the antecedent's tokens [start, end), which name the actor. */
  antecedentSpan?: [number, number] | undefined;
  /** Parts that were merged (for entity listing). */
  parts: Array<{ start: number; end: number; entry: LexiconEntry }>;
}

/** Word lists the mention finder needs from cues.json. */
export interface MentionCues {
  countryLocatives: Set<string>;
  placeLocatives: Set<string>;
  pronouns: Map<string, 'person' | 'thing' | 'plural'>;
}

/** Finds dictionary actors, unknown titled persons and pronouns, and merges modifier chains. */
export function findActorMentions(
  tokens: Token[],
  dict: ActorDictionary,
  cues: MentionCues,
  date: string | null,
): ActorMention[] {
  const raw: ActorMention[] = [];
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i] as Token;
    const match = matchActorAt(dict, tokens, i);
    const entry = match ? pickByDate(match.values, date, dict.dataEnds) : undefined;
    // A sector word used as an adjective ("military talks") is not an actor.
    const modified = tokens[match?.end ?? 0];
    const adjectival =
      entry?.kind === 'SECTOR' &&
      match !== null &&
      tokens[match.end - 1]?.pos === 'ADJ' &&
      (modified?.pos === 'NOUN' || modified?.pos === 'PROPN');
    if (match && entry && !adjectival) {
      raw.push(fromEntry(match.start, match.end, entry, tokens, cues));
      i = match.end;
      continue;
    }
    const pronoun = cues.pronouns.get(token.lower);
    if (pronoun && token.pos === 'PRON') raw.push(pronounMention(i, pronoun));
    i += 1;
  }
  const chains = mergeChains(
    raw.map((m) => absorbUnknownName(m, tokens, dict)),
    tokens,
  );
  const heads = new Set(chains.map((m) => m.start));
  return mergeAppositions(
    coordinatedPlaces(
      chains.map((m) => finish(m, tokens, heads)),
      tokens,
    ),
    tokens,
  );
}

/**
 * After merging: a lone capital or demonym modifying a common noun ("the Astana talks", "the Kazakh
 * capital") is a place hint, not an actor; a definite title phrase ("the 51-year-old Syrian leader")
 * stands for a person named earlier.
 */
function finish(m: ActorMention, tokens: Token[], heads: Set<number>): ActorMention {
  const only = m.parts.length === 1 ? m.parts[0]?.entry : undefined;
  const next = tokens[m.end];
  const modifier = next !== undefined && (next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'ADJ');
  // "Kazakh capital" is a place hint; "Palestinian prisoners" (a plural people noun) stays an actor.
  const singularNoun = next !== undefined && next.pos === 'NOUN' && !/(s|men|people)$/.test(next.lower);
  // "Israeli-occupied West Bank", "U.S.-led forces": a modifier of the actor or place that follows.
  const after = tokens[m.end + 2];
  const compound =
    next?.text === '-' && tokens[m.end + 1]?.pos !== 'PROPN' && (heads.has(m.end + 2) || after?.pos === 'PROPN');
  if (
    only &&
    ((only.kind === 'CAPITAL' && modifier) ||
      (only.kind === 'DEMONYM' && !only.plural && (singularNoun || compound)) ||
      (only.kind === 'COUNTRY' && compound))
  )
    return { ...m, isPlace: true };
  const last = m.parts[m.parts.length - 1]?.entry;
  const named = m.kind === 'PERSON' || m.kind === 'ORGANIZATION';
  if (last && last.kind === 'SECTOR' && last.title && !named && definiteBefore(m.start, tokens))
    return { ...m, needsAntecedent: true };
  return m;
}

/** "in Brussels and Washington": a place name joined to a place is a place too. */
function coordinatedPlaces(mentions: ActorMention[], tokens: Token[]): ActorMention[] {
  return mentions.map((m, i) => {
    const prev = mentions[i - 1];
    const joint = tokens[m.start - 1]?.lower;
    const placeName = m.parts.length === 1 && m.parts[0]?.entry.place === true;
    const joined = prev?.isPlace && prev.end === m.start - 1 && (joint === 'and' || joint === 'or');
    return !m.isPlace && placeName && joined ? { ...m, isPlace: true } : m;
  });
}

function definiteBefore(start: number, tokens: Token[]): boolean {
  for (let j = start - 1; j >= 0 && j >= start - 5; j -= 1) {
    const t = tokens[j] as Token;
    if (t.lower === 'the') return true;
    if (!(t.pos === 'ADJ' || t.pos === 'NUM' || t.text === '-' || t.pos === 'NOUN')) return false;
  }
  return false;
}

function fromEntry(start: number, end: number, entry: LexiconEntry, tokens: Token[], cues: MentionCues): ActorMention {
  // "in Syria", "in northern Nigeria", "in the capital Damascus", "of mostly Christian eastern Beirut".
  const prev = tokens[placeModifiersBefore(start, tokens) - 1]?.lower ?? '';
  const locatives = entry.kind === 'COUNTRY' ? cues.countryLocatives : cues.placeLocatives;
  // A dateline ("KYIV, March 3 -") names where the story was filed, not an actor.
  const dateline =
    start === 0 && tokens[end]?.text === ',' && tokens[start]?.text === tokens[start]?.text.toUpperCase();
  const isPlace = entry.place && (locatives.has(prev) || dateline || placeNounOf(start, tokens));
  const kind = entry.kind === 'DEMONYM' || entry.kind === 'SECTOR' ? 'GROUP' : entry.kind;
  const article = tokens[start - 1]?.lower ?? '';
  const definite = article === 'the' || article === 'a' || article === 'an';
  return {
    start,
    end,
    name: entry.kind === 'SECTOR' ? null : entry.name,
    code: entry.code,
    sector: entry.sector,
    entityId: entry.kind === 'SECTOR' || entry.kind === 'DEMONYM' ? null : entry.entityId,
    kind,
    isPlace,
    // "rebel leaders" matches the entry "rebel leader" by lemma: the text decides the number.
    plural: entry.plural || pluralByLemma(tokens[end - 1], entry.forms[entry.forms.length - 1]),
    needsAntecedent: entry.kind === 'SECTOR' && entry.title && definite,
    pronoun: null,
    parts: [{ start, end, entry }],
  };
}

function pluralByLemma(token: Token | undefined, form: string | undefined): boolean {
  return token !== undefined && form !== undefined && token.lower !== form.toLowerCase() && /s$/.test(token.lower);
}

function pronounMention(i: number, pronoun: 'person' | 'thing' | 'plural'): ActorMention {
  return {
    start: i,
    end: i + 1,
    name: null,
    code: null,
    sector: null,
    entityId: null,
    kind: 'PRONOUN',
    isPlace: false,
    plural: pronoun === 'plural',
    needsAntecedent: true,
    pronoun,
    parts: [],
  };
}

/** "Foreign Minister Ivo Novak": a title followed by capitalised words names an unknown person. */
function absorbUnknownName(m: ActorMention, tokens: Token[], dict: ActorDictionary): ActorMention {
  const last = m.parts[m.parts.length - 1];
  if (last?.entry.kind !== 'SECTOR' || !last.entry.title) return m;
  let end = m.end;
  while (end < tokens.length && end - m.end < 4 && isNameToken(tokens[end] as Token)) end += 1;
  if (end === m.end || knownAt(m.end, tokens, dict)) return m;
  const name = tokens
    .slice(m.end, end)
    .map((t) => t.text)
    .join(' ');
  return { ...m, end, name, kind: 'PERSON', needsAntecedent: false };
}

/** A dictionary actor starts here ("President" + "Vladimir Putin"), so the title names no unknown person. */
function knownAt(i: number, tokens: Token[], dict: ActorDictionary): boolean {
  return matchActorAt(dict, tokens, i) !== null;
}

function isNameToken(t: Token): boolean {
  return t.pos === 'PROPN' && /^[A-Z][\p{L}'.-]*$/u.test(t.text);
}

const GAP_OK = new Set(['ADJ', 'PROPN', 'NOUN', 'NUM', 'PART']);

/** Merges "Syrian" + "President" + "Bashar al-Assad" and "minister of" + "France" into one actor. */
function mergeChains(raw: ActorMention[], tokens: Token[]): ActorMention[] {
  const out: ActorMention[] = [];
  for (const m of raw) {
    const prev = out[out.length - 1];
    if (prev && !prev.isPlace && !m.isPlace && canMerge(prev, m, tokens)) out[out.length - 1] = merge(prev, m);
    else out.push(m);
  }
  return out;
}

function canMerge(a: ActorMention, b: ActorMention, tokens: Token[]): boolean {
  if (a.kind === 'PRONOUN' || b.kind === 'PRONOUN') return false;
  const gap = tokens.slice(a.end, b.start);
  const aNamed = a.kind === 'PERSON' || a.kind === 'ORGANIZATION';
  // "Arab League Secretary-General Ana Ruiz": an unknown titled person takes the organisation's code.
  if (aNamed && (b.kind === 'PERSON' || b.kind === 'ORGANIZATION'))
    return a.kind === 'ORGANIZATION' && b.kind === 'PERSON' && b.entityId === null && gap.length === 0;
  if (gap.length === 0) return !(aNamed && b.kind === 'GROUP' && b.code !== null);
  const ofLink = gap.length <= 2 && gap[0]?.lower === 'of' && (gap.length === 1 || gap[1]?.lower === 'the');
  const unknownPerson = a.kind === 'PERSON' && a.entityId === null && a.code === null;
  // "President Erdogan of Turkey": the country only restates the person's own.
  if (ofLink && a.kind === 'PERSON' && b.kind === 'COUNTRY' && a.code === b.code) return true;
  if (ofLink)
    return (a.kind === 'GROUP' || unknownPerson) && a.code === null && (b.kind !== 'GROUP' || b.code !== null);
  if (gap.length > 2 || a.kind === 'PERSON') return false;
  // Two bare sector nouns only merge when adjacent ("government troops"), not across words.
  if (a.kind === 'GROUP' && a.code === null && b.kind === 'GROUP' && b.code === null) return false;
  const gapOk = (t: Token): boolean =>
    (GAP_OK.has(t.pos) && !/ed$/.test(t.lower) && !presentVerb(t)) ||
    t.lower === "'s" ||
    t.lower === '’s' ||
    t.text === '-';
  return gap.every(gapOk) && b.kind !== 'COUNTRY';
}

/** Plural nouns that modify an actor's name ("the foreign affairs ministry", "arms inspectors"). */
const PLURAL_MODIFIERS = new Set(['affairs', 'arms', 'customs', 'forces', 'services', 'rights', 'relations', 'works']);

/**
 * A lower-case word in -s the tagger took for a plural noun between two actors is the verb that joins them ("the
 * US military trains Iraqi pilots"), not a word of one name; names and their modifiers are capitalised or singular.
 */
function presentVerb(t: Token): boolean {
  return t.pos === 'NOUN' && /^[a-z]+[^su]s$/.test(t.text) && t.lemma !== t.lower && !PLURAL_MODIFIERS.has(t.lower);
}

function merge(a: ActorMention, b: ActorMention): ActorMention {
  const named = [b, a].find((m) => m.kind === 'PERSON' || m.kind === 'ORGANIZATION');
  const sectorSource = named?.sector ? named : b.sector ? b : a;
  return {
    start: a.start,
    end: b.end,
    name: named?.name ?? a.name ?? b.name,
    code: named?.code ?? a.code ?? b.code ?? null,
    sector: sectorSource.sector ?? a.sector,
    entityId: named ? named.entityId : (a.entityId ?? b.entityId),
    kind: named?.kind ?? (a.kind === 'GROUP' ? b.kind : a.kind),
    isPlace: false,
    plural: b.plural,
    needsAntecedent: a.needsAntecedent && b.kind === 'GROUP' && b.code === null && !named,
    pronoun: null,
    parts: [...a.parts, ...b.parts],
  };
}
