import type { Token } from './nlp.js';

/** One word of a pattern after its anchor. */
export interface PatternWord {
  word: string;
  /** Must follow the previous pattern word directly (written "=to" in verbs.json). */
  adjacent: boolean;
}

/** Tokens that may sit between pattern words ("impose tough new sanctions"). */
const GAP_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'ADV', 'PRON']);
/** Function words that may sit there too: "the people of X", "more than 20 air strikes", "the country's borders". */
const GAP_WORDS = new Set(['of', 'than', "'s", '’s', '$', '€', '£', '%']);
const MAX_GAP = 5;

/**
 * Matches pattern words in order from token `from`, each within MAX_GAP skippable tokens of the previous one;
 * returns the token after the last matched word, or -1.
 */
export function matchRest(tokens: Token[], from: number, rest: PatternWord[]): number {
  let at = from;
  for (const { word, adjacent } of rest) {
    let found = -1;
    let limit = adjacent ? at : at + MAX_GAP;
    for (let j = at; j < tokens.length && j <= limit; j += 1) {
      // Hyphens inside compounds ("a four-day strike") do not count against the gap, nor do the further words of
      // a name or a number ("gave the Ivory Coast 5.1 million dollars" has three words between verb and noun).
      if (
        !adjacent &&
        (tokens[j]?.text === '-' || (j > at && continuesRun(tokens[j - 1] as Token, tokens[j] as Token)))
      )
        limit += 1;
      const t = tokens[j] as Token;
      if (t.lemma === word || t.lower === word) {
        found = j;
        break;
      }
      if (t.text === '-') continue;
      if (!GAP_POS.has(t.pos) && !GAP_WORDS.has(t.lower)) break;
    }
    if (found < 0) return -1;
    at = found + 1;
  }
  return at;
}

const PASSIVE_SUBJECT_SPAN = 10;
/** Words that raise a passive's subject over "to be": "sanctions are expected to be lifted". */
const RAISING = new Set([
  'expected',
  'likely',
  'unlikely',
  'set',
  'due',
  'going',
  'scheduled',
  'supposed',
  'about',
  'certain',
  'bound',
  'said',
  'reported',
  'believed',
  'thought',
  'yet',
]);

/**
 * The passive form of a pattern: its words in order in the subject before the auxiliary at `aux` ("UN sanctions
 * against Iran were lifted" matches "lift sanction"), within a few tokens and the same clause.
 */
export function matchBefore(tokens: Token[], aux: number, rest: PatternWord[]): boolean {
  let from = aux;
  // "have been expelled", "will be lifted": the subject stands before the whole verb group.
  while (from > 0 && tokens[from - 1]?.pos === 'AUX') from -= 1;
  // "are expected to be eased", "is likely to be lifted": the subject stands before the raising verb.
  while (from > 1 && tokens[from - 1]?.lower === 'to' && RAISING.has(tokens[from - 2]?.lower ?? '')) {
    from -= 2;
    while (from > 0 && tokens[from - 1]?.pos === 'AUX') from -= 1;
  }
  const end = from;
  while (from > 0 && end - from < PASSIVE_SUBJECT_SPAN) {
    const t = tokens[from - 1] as Token;
    if (t.pos === 'PUNCT' || t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'SCONJ') break;
    from -= 1;
  }
  let k = 0;
  for (let j = from; j < end && k < rest.length; j += 1) {
    const t = tokens[j] as Token;
    const word = rest[k]?.word;
    if (t.lemma === word || t.lower === word) k += 1;
  }
  return k === rest.length;
}

function continuesRun(previous: Token, token: Token): boolean {
  return previous.pos === token.pos && (token.pos === 'PROPN' || token.pos === 'NUM');
}

/** Irregular past forms of event verbs, which the tagger sometimes takes for nouns ("The rebels shot down ..."). */
export const IRREGULAR_PAST: ReadonlyMap<string, string> = new Map([
  ['shot', 'shoot'],
  ['struck', 'strike'],
  ['fought', 'fight'],
  ['threw', 'throw'],
  ['sought', 'seek'],
  ['held', 'hold'],
  ['took', 'take'],
  ['led', 'lead'],
  ['drove', 'drive'],
  ['sold', 'sell'],
  ['sent', 'send'],
  ['gave', 'give'],
  ['met', 'meet'],
  ['beat', 'beat'],
  ['broke', 'break'],
  ['stole', 'steal'],
  ['withdrew', 'withdraw'],
  ['overran', 'overrun'],
  ['overthrew', 'overthrow'],
  ['froze', 'freeze'],
  ['fled', 'flee'],
  ['flew', 'fly'],
  ['blew', 'blow'],
  ['bombed', 'bomb'],
  ['paid', 'pay'],
  ['laid', 'lay'],
  ['upheld', 'uphold'],
  ['undertook', 'undertake'],
  ['tore', 'tear'],
  ['swept', 'sweep'],
  ['retook', 'retake'],
  ['unfroze', 'unfreeze'],
  ['overtook', 'overtake'],
  ['forbade', 'forbid'],
  ['began', 'begin'],
  ['hung', 'hang'],
  ['slew', 'slay'],
  ['bound', 'bind'],
  ['rode', 'ride'],
  ['rang', 'ring'],
]);

/** Fallback base forms when wink's lemma misses ("staged" -> "stag"): tried in order. */
export function stems(word: string): string[] {
  const out: string[] = [];
  const irregular = IRREGULAR_PAST.get(word);
  if (irregular) out.push(irregular);
  const undouble = (w: string): string => (/(.)\1$/.test(w) ? w.slice(0, -1) : w);
  if (word.endsWith('ied')) out.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('ed')) out.push(word.slice(0, -1), word.slice(0, -2), undouble(word.slice(0, -2)));
  if (word.endsWith('ing')) out.push(`${word.slice(0, -3)}e`, word.slice(0, -3), undouble(word.slice(0, -3)));
  if (word.endsWith('es')) out.push(word.slice(0, -2));
  if (word.endsWith('s')) out.push(word.slice(0, -1));
  return out;
}
