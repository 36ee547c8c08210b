import verbsJson from '../../data/coder/verbs.json' with { type: 'json' };
import { VerbFileSchema } from './data-schemas.js';
import { DictionaryError } from './errors.js';
import { phraseTokens, type Token } from './nlp.js';
import { IRREGULAR_PAST, matchBefore, matchRest, type PatternWord, stems } from './pattern-match.js';

type PatternKind = 'v' | 'n' | 'a';

interface Pattern {
  /** CAMEO code, or null for a phrase that is no event ("fight the epidemic"). */
  code: string | null;
  /** Words after the anchor, matched in order by lemma or lowercase form. */
  rest: PatternWord[];
}

/** A verb, noun or predicate-adjective pattern matched in a sentence (token indices, end exclusive). */
export interface TriggerMatch {
  code: string;
  start: number;
  end: number;
  nominal: boolean;
  /** Number of pattern words: longer patterns are more specific. */
  size: number;
}

/** A `none` phrase matched at a token: no event, and none of its words starts another pattern. */
export interface NoneMatch {
  none: true;
  start: number;
  end: number;
}

const POSSESSIVES = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your']);
/** Verbs that link a subject to a predicate adjective ("is skeptical", "remained optimistic"). */
const COPULAS = new Set(['be', 'remain', 'feel', 'seem', 'appear', 'become', 'stay', 'sound']);
const BE = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', 'get', 'got']);

/**
 * Lemma-indexed verb, noun and predicate-adjective patterns from data/coder/verbs.json. Lookup is a map hit on
 * the anchor lemma and a short scan of that lemma's patterns, longest first; a `none` phrase that matches longest
 * stops the shorter patterns ("fight the epidemic" is no fight).
 */
export class VerbLexicon {
  private readonly byAnchor = new Map<string, Pattern[]>();
  /** Action noun -> verb lemma ("deployment" -> "deploy"). */
  private readonly nominalisations = new Map<string, string>();

  constructor() {
    const parsed = VerbFileSchema.safeParse(verbsJson);
    if (!parsed.success) throw new DictionaryError(`data/coder/verbs.json is invalid: ${parsed.error.message}`);
    const { verbs, nouns, adjectives, none, nominalisations } = parsed.data;
    for (const [noun, verb] of Object.entries(nominalisations)) this.nominalisations.set(noun, verb);
    for (const [code, list] of Object.entries(verbs)) for (const p of list) this.add('v', code, p);
    for (const [code, list] of Object.entries(nouns)) for (const p of list) this.add('n', code, p);
    for (const [code, list] of Object.entries(adjectives)) for (const p of list) this.add('a', code, p);
    for (const p of none.verbs) this.add('v', null, p);
    for (const p of none.nouns) this.add('n', null, p);
    for (const list of this.byAnchor.values()) list.sort((a, b) => b.rest.length - a.rest.length);
  }

  private add(kind: PatternKind, code: string | null, phrase: string): void {
    const words = phrase
      .toLowerCase()
      .split(/\s+/)
      .flatMap((w) => {
        // "=to": the word must follow the previous one directly ("return =to" is going back, not giving back).
        const adjacent = w.startsWith('=');
        return phraseTokens(adjacent ? w.slice(1) : w).map((word, k) => ({ word, adjacent: adjacent && k === 0 }));
      });
    const anchor = words[0];
    if (!anchor) return;
    const key = `${kind}:${anchor.word}`;
    const list = this.byAnchor.get(key) ?? [];
    list.push({ code, rest: words.slice(1) });
    this.byAnchor.set(key, list);
  }

  private lookup(kind: PatternKind, token: Token): Pattern[] | undefined {
    const direct = this.byAnchor.get(`${kind}:${token.lemma}`) ?? this.byAnchor.get(`${kind}:${token.lower}`);
    if (direct) return direct;
    for (const form of stems(token.lower)) {
      const list = this.byAnchor.get(`${kind}:${form}`);
      if (list) return list;
    }
    return undefined;
  }

  /** A noun that anchors a nominal event pattern ("attack", "talks", "ceasefire"). */
  isEventNoun(token: Token): boolean {
    return this.lookup('n', token)?.some((p) => p.code !== null) ?? false;
  }

  /** The most specific pattern anchored at token i, a `none` phrase there, or null. */
  matchAt(tokens: Token[], i: number): TriggerMatch | NoneMatch | null {
    const token = tokens[i];
    if (!token) return null;
    // wink sometimes tags past tenses as nouns or adjectives ("Gunmen abducted ..."): try them as verbs.
    // Only right after a subject-like word: "the wounded soldiers", "91 armed groups" stay adjectives.
    const prev = tokens[i - 1]?.pos;
    const afterSubject = prev === 'NOUN' || prev === 'PROPN' || prev === 'PRON';
    const pastForm =
      ((token.lower.length > 4 && /(ed|en)$/.test(token.lower)) || IRREGULAR_PAST.has(token.lower)) && afterSubject;
    // Right after a determiner a word is a modifier or a noun ("the disputed region", "treated the injured").
    const modifier = prev === 'DET' || POSSESSIVES.has(tokens[i - 1]?.lower ?? '');
    const verbal =
      !modifier &&
      (token.pos === 'VERB' ||
        ((token.pos === 'ADJ' || token.pos === 'NOUN') &&
          (pastForm || progressive(tokens, i) || passiveParticiple(tokens, i))));
    const nominal = token.pos === 'NOUN' || token.pos === 'PROPN';
    if ((token.pos === 'ADJ' || token.pos === 'VERB') && afterCopula(tokens, i)) {
      const adjective = this.matchWith('a', tokens, i);
      if (adjective !== undefined) return adjective;
    }
    // "foreign-backed", "UN-brokered": a participle inside a compound adjective is not a predicate.
    if (verbal && tokens[i - 1]?.text !== '-') {
      const m = this.matchWith('v', tokens, i);
      if (m !== undefined) return m;
    }
    // Headline English ("Saudi Arabia lifts blockade of Qatar", "UN leaders appeal for calm"): a present-tense
    // verb the tagger reads as a noun, taken as a verb only when a multi-word pattern follows it.
    // After an adjective only a lower-case form in -s ("the US military trains pilots"): "military drills" stays a noun.
    const afterName = prev === 'NOUN' || prev === 'PROPN' || (prev === 'ADJ' && /^[a-z]+[^su]s$/.test(token.text));
    if (!verbal && nominal && !modifier && afterName) {
      const m = this.matchWith('v', tokens, i, true);
      if (m) return m;
    }
    // "the lifting of sanctions": a gerund the tagger read as a verb, after a determiner and before "of".
    if (!nominal && modifier && token.pos === 'VERB') return this.matchNominalisation(tokens, i);
    // A capitalised event word inside a sentence is a name ("in March", "the Rally party").
    if (!nominal || (i > 0 && /^\p{Lu}/u.test(token.text))) return null;
    const noun = this.matchWith('n', tokens, i) ?? this.matchNominalisation(tokens, i);
    return noun && ('none' in noun || !modifiesNoun(tokens, noun.end)) ? noun : null;
  }

  /**
   * An action noun with its object after "of" is its verb's pattern: "the deployment of peacekeepers" is
   * "deploy peacekeeper" (074), "the lifting of sanctions" "lift sanction" (085). Without "of" the noun names
   * no act of its own ("a deployment zone", "tax relief suspension").
   */
  private matchNominalisation(tokens: Token[], i: number): TriggerMatch | null {
    const token = tokens[i] as Token;
    const verb = this.nominalisations.get(token.lemma) ?? this.nominalisations.get(token.lower);
    if (verb === undefined || tokens[i + 1]?.lower !== 'of') return null;
    for (const pattern of this.byAnchor.get(`v:${verb}`) ?? []) {
      const end = pattern.rest.length === 0 ? i + 1 : matchRest(tokens, i + 2, pattern.rest);
      if (end < 0) continue;
      if (pattern.code === null) return null;
      return { code: pattern.code, start: i, end, nominal: true, size: pattern.rest.length + 1 };
    }
    return null;
  }

  /** The longest pattern at i (undefined: no pattern applies). */
  private matchWith(
    kind: PatternKind,
    tokens: Token[],
    i: number,
    specific = false,
  ): TriggerMatch | NoneMatch | undefined {
    const list = this.lookup(kind, tokens[i] as Token);
    if (!list) return undefined;
    const passive = kind === 'v' ? passiveAux(tokens, i) : -1;
    for (const pattern of list) {
      if (specific && pattern.rest.length === 0) break;
      const end = matchRest(tokens, i + 1, pattern.rest);
      // "sanctions against Iran were lifted": in the passive the pattern's object stands before the verb.
      const before = end < 0 && passive >= 0 && pattern.rest.length > 0 && matchBefore(tokens, passive, pattern.rest);
      if (end < 0 && !before) continue;
      if (pattern.code === null) return { none: true, start: i, end: end < 0 ? i + 1 : end };
      return {
        code: pattern.code,
        start: i,
        end: end < 0 ? i + 1 : end,
        nominal: kind === 'n',
        size: pattern.rest.length + 1,
      };
    }
    return undefined;
  }
}

/** Index of the "be" auxiliary of a passive participle at i ("were lifted", "was quickly lifted"), else -1. */
function passiveAux(tokens: Token[], i: number): number {
  let j = i - 1;
  if (tokens[j]?.pos === 'ADV') j -= 1;
  return BE.has(tokens[j]?.lower ?? '') ? j : -1;
}

/** "have been rounded up", "were quickly expelled": a participle the tagger read as an adjective after "be". */
function passiveParticiple(tokens: Token[], i: number): boolean {
  const t = tokens[i] as Token;
  if (!((t.lower.length > 4 && /(ed|en)$/.test(t.lower)) || IRREGULAR_PAST.has(t.lower))) return false;
  return passiveAux(tokens, i) >= 0;
}

/** Words that may start the object of a progressive verb ("are striking rebel positions"). */
const OBJECT_START = new Set(['DET', 'NOUN', 'PROPN', 'NUM', 'ADJ', 'PRON']);

/**
 * "are striking rebel positions", "is bombing the town": an -ing form the tagger read as an adjective or noun is
 * a progressive verb after "be" when an object follows it ("the results are striking." stays an adjective).
 */
function progressive(tokens: Token[], i: number): boolean {
  if (!(tokens[i] as Token).lower.endsWith('ing') || !OBJECT_START.has(tokens[i + 1]?.pos ?? '')) return false;
  let j = i - 1;
  if (tokens[j]?.pos === 'ADV') j -= 1;
  return BE.has(tokens[j]?.lower ?? '') && tokens[j]?.lower !== 'being';
}

/** "is skeptical", "remained deeply concerned": a predicate adjective after a copula. */
function afterCopula(tokens: Token[], i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - 3; j -= 1) {
    const t = tokens[j] as Token;
    if (COPULAS.has(t.lemma) || BE.has(t.lower)) return true;
    if (t.pos !== 'ADV' && t.pos !== 'PART') return false;
  }
  return false;
}

/** Time words that may follow an event noun without the noun being their modifier ("the attack yesterday"). */
const TIME_NOUNS = new Set(['today', 'yesterday', 'tonight', 'morning', 'afternoon', 'evening', 'night', 'weekend']);

/**
 * An event noun that modifies the next noun names a thing, not an act: "the ceasefire line", "the protest site",
 * "attack helicopters", "the talks' agenda".
 */
function modifiesNoun(tokens: Token[], end: number): boolean {
  const next = tokens[end];
  if (!next) return false;
  if (next.text === "'" || next.text === '’' || next.lower === "'s" || next.lower === '’s') return true;
  return next.pos === 'NOUN' && !TIME_NOUNS.has(next.lower);
}
