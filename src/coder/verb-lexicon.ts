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

  /** The most specific pattern anchored at token i, or null. */
  matchAt(tokens: Token[], i: number): TriggerMatch | null {
    const token = tokens[i];
    if (!token) return null;
    const nominal = token.pos === 'NOUN' || token.pos === 'PROPN';
    const verbal = token.pos === 'VERB' || (token.pos === 'ADJ' && /(ed|en)$/.test(token.lower));
    if (!nominal && !verbal) return null;
    // "foreign-backed", "UN-brokered": a participle inside a compound adjective is not a predicate.
    if (verbal && tokens[i - 1]?.text === '-') return null;
    const prefix = nominal ? 'n:' : 'v:';
    const list = this.byAnchor.get(prefix + token.lemma) ?? this.byAnchor.get(prefix + token.lower) ?? this.byAnchor.get(prefix + stem(token.lower));
    if (!list) return null;
    for (const pattern of list) {
      const end = matchRest(tokens, i + 1, pattern.rest);
      if (end >= 0) return { code: pattern.code, start: i, end, nominal: pattern.nominal, size: pattern.rest.length + 1 };
    }
    return null;
  }
}

function matchRest(tokens: Token[], from: number, rest: string[]): number {
  let at = from;
  for (const word of rest) {
    let found = -1;
    for (let j = at; j < tokens.length && j <= at + MAX_GAP; j += 1) {
      const t = tokens[j] as Token;
      if (t.lemma === word || t.lower === word) {
        found = j;
        break;
      }
      if (!GAP_POS.has(t.pos)) break;
    }
    if (found < 0) return -1;
    at = found + 1;
  }
  return at;
}

/** Crude fallback when wink's lemma misses a verb form ("shelled" -> "shell"). */
function stem(word: string): string {
  if (word.endsWith('ied')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ing')) return word.slice(0, -3);
  if (word.endsWith('ed')) return word.slice(0, -2);
  if (word.endsWith('es')) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}
