import verbsJson from '../../data/coder/verbs.json' with { type: 'json' };
import { VerbFileSchema } from './data-schemas.js';
import { DictionaryError } from './errors.js';
import { phraseTokens, type Token } from './nlp.js';

interface Pattern {
  code: string;
  /** Words after the anchor, matched in order by lemma or lowercase form. */
  rest: string[];
  nominal: boolean;
}

/** A verb or noun pattern matched in a sentence (token indices, end exclusive). */
export interface TriggerMatch {
  code: string;
  start: number;
  end: number;
  nominal: boolean;
  /** Number of pattern words: longer patterns are more specific. */
  size: number;
}

/** Tokens that may sit between pattern words ("impose tough new sanctions"). */
const GAP_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'ADV', 'PRON']);
const MAX_GAP = 3;
const POSSESSIVES = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your']);

/**
 * Lemma-indexed verb and noun patterns from data/coder/verbs.json. Lookup is a map hit on the
 * anchor lemma and a short scan of that lemma's patterns, longest first.
 */
export class VerbLexicon {
  private readonly byAnchor = new Map<string, Pattern[]>();

  constructor() {
    const parsed = VerbFileSchema.safeParse(verbsJson);
    if (!parsed.success) throw new DictionaryError(`data/coder/verbs.json is invalid: ${parsed.error.message}`);
    for (const [code, list] of Object.entries(parsed.data.verbs)) for (const p of list) this.add(code, p, false);
    for (const [code, list] of Object.entries(parsed.data.nouns)) for (const p of list) this.add(code, p, true);
    for (const list of this.byAnchor.values()) list.sort((a, b) => b.rest.length - a.rest.length);
  }

  private add(code: string, phrase: string, nominal: boolean): void {
    const words = phraseTokens(phrase.toLowerCase());
    const anchor = words[0];
    if (!anchor) return;
    const key = `${nominal ? 'n' : 'v'}:${anchor}`;
    const list = this.byAnchor.get(key) ?? [];
    list.push({ code, rest: words.slice(1), nominal });
    this.byAnchor.set(key, list);
  }

  private lookup(prefix: string, token: Token): Pattern[] | undefined {
    const direct = this.byAnchor.get(prefix + token.lemma) ?? this.byAnchor.get(prefix + token.lower);
    if (direct) return direct;
    for (const form of stems(token.lower)) {
      const list = this.byAnchor.get(prefix + form);
      if (list) return list;
    }
    return undefined;
  }

  /** The most specific pattern anchored at token i, or null. */
  matchAt(tokens: Token[], i: number): TriggerMatch | null {
    const token = tokens[i];
    if (!token) return null;
    // wink sometimes tags past tenses as nouns or adjectives ("Gunmen abducted ..."): try them as verbs.
    // Only right after a subject-like word: "the wounded soldiers", "91 armed groups" stay adjectives.
    const prev = tokens[i - 1]?.pos;
    const afterSubject = prev === 'NOUN' || prev === 'PROPN' || prev === 'PRON';
    const pastForm = token.lower.length > 4 && /(ed|en)$/.test(token.lower) && afterSubject;
    // Right after a determiner a word is a modifier or a noun ("the disputed region", "treated the injured").
    const modifier = prev === 'DET' || POSSESSIVES.has(tokens[i - 1]?.lower ?? '');
    const verbal = !modifier && (token.pos === 'VERB' || ((token.pos === 'ADJ' || token.pos === 'NOUN') && pastForm));
    const nominal = token.pos === 'NOUN' || token.pos === 'PROPN';
    // "foreign-backed", "UN-brokered": a participle inside a compound adjective is not a predicate.
    if (verbal && tokens[i - 1]?.text !== '-') {
      const m = this.matchWith('v:', tokens, i, false);
      if (m) return m;
    }
    const noun = nominal ? this.matchWith('n:', tokens, i, true) : null;
    return noun && !modifiesNoun(tokens, noun.end) ? noun : null;
  }

  private matchWith(prefix: string, tokens: Token[], i: number, nominal: boolean): TriggerMatch | null {
    const list = this.lookup(prefix, tokens[i] as Token);
    if (!list) return null;
    for (const pattern of list) {
      const end = matchRest(tokens, i + 1, pattern.rest);
      if (end >= 0) return { code: pattern.code, start: i, end, nominal, size: pattern.rest.length + 1 };
    }
    return null;
  }
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

function matchRest(tokens: Token[], from: number, rest: string[]): number {
  let at = from;
  for (const word of rest) {
    let found = -1;
    let limit = at + MAX_GAP;
    for (let j = at; j < tokens.length && j <= limit; j += 1) {
      // Hyphens inside compounds ("a four-day strike") do not count against the gap, nor do the further words of
      // a name or a number ("gave the Ivory Coast 5.1 million dollars" has three words between verb and noun).
      if (tokens[j]?.text === '-' || (j > at && continuesRun(tokens[j - 1] as Token, tokens[j] as Token))) limit += 1;
      const t = tokens[j] as Token;
      if (t.lemma === word || t.lower === word) {
        found = j;
        break;
      }
      if (t.text === '-') continue;
      if (!GAP_POS.has(t.pos) && t.lower !== 'of') break;
    }
    if (found < 0) return -1;
    at = found + 1;
  }
  return at;
}

function continuesRun(previous: Token, token: Token): boolean {
  return previous.pos === token.pos && (token.pos === 'PROPN' || token.pos === 'NUM');
}

/** Fallback base forms when wink's lemma misses ("staged" -> "stag"): tried in order. */
function stems(word: string): string[] {
  const out: string[] = [];
  const undouble = (w: string): string => (/(.)\1$/.test(w) ? w.slice(0, -1) : w);
  if (word.endsWith('ied')) out.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('ed')) out.push(word.slice(0, -1), word.slice(0, -2), undouble(word.slice(0, -2)));
  if (word.endsWith('ing')) out.push(`${word.slice(0, -3)}e`, word.slice(0, -3), undouble(word.slice(0, -3)));
  if (word.endsWith('es')) out.push(word.slice(0, -2));
  if (word.endsWith('s')) out.push(word.slice(0, -1));
  return out;
}
