import type { Cues } from './cues.js';
import type { EventMode } from './event-frames.js';
import type { Token } from './nlp.js';

/** Words that end the clause an act's modality is read from. */
const CLAUSE_EDGES = new Set([
  ',',
  ';',
  ':',
  '—',
  '–',
  '(',
  ')',
  '"',
  '“',
  '”',
  'that',
  'which',
  'who',
  'whom',
  'because',
  'but',
]);
/** Modal auxiliaries of possibility: an act under one is only supposed ("might allow them to return"). */
const POSSIBILITY = new Set(['could', 'might', 'may', 'would']);
/** "even if", "as if": concessive and comparative, not conditional. */
const NOT_CONDITIONAL_BEFORE = new Set(['even', 'as']);

/**
 * The act is only supposed, whatever its tense, and carries `mode: "hypothetical"`:
 * - it sits in a conditional or a question: "if ... will", "unless ...", "whether X will meet", "in case the truce
 *   collapses", a sentence ending in "?";
 * - a modal of possibility or a word of possibility governs it anywhere in its clause ("The plan might allow
 *   families to return", "It is possible that the president will pardon ...", cues.json `hypothetical` and
 *   `possibility`);
 * - it is an event noun that is any or potential ("Any attack on Taiwan would ...", "a possible strike") or the
 *   subject of a modal of possibility ("Talks might resume", "A ceasefire may be announced");
 * - it is planned (future or intent) in a sentence that makes it conditional, wherever the condition stands
 *   ("The army will attack if the rebels do not surrender"); a threat stays a threat ("threatened to strike if").
 */
export function supposed(act: SupposedAct, tokens: Token[], cues: Cues): boolean {
  const { head, code, mode } = act;
  if (tokens[tokens.length - 1]?.text === '?' || insideCondition(head, tokens)) return true;
  if (possibleInClause(head, tokens, cues)) return true;
  if (act.nominal && (anyOrPotential(head, tokens) || possiblePredicate(act.end, tokens, cues))) return true;
  if (mode === null && proposedAct(head, tokens)) return true;
  const planned = mode === 'future' || (mode === 'intent' && !code.startsWith('13'));
  return planned && conditionalSentence(tokens);
}

/** What {@link supposed} reads of one act. */
export interface SupposedAct {
  head: number;
  /** End of the act's words (token index, exclusive). */
  end: number;
  code: string;
  mode: EventMode;
  nominal: boolean;
}

/** Nouns of a course of action only put forward: what they propose has not been done. */
const PROPOSALS = new Set([
  'proposal',
  'plan',
  'bill',
  'draft',
  'motion',
  'idea',
  'option',
  'scheme',
  'suggestion',
  'possibility',
  'recommendation',
  'amendment',
]);

/**
 * "debated a proposal to lift the embargo", "a bill to expel foreign diplomats": an act in the infinitive after a
 * noun of proposal is that proposal's content, not an act done.
 */
function proposedAct(head: number, tokens: Token[]): boolean {
  if (tokens[head - 1]?.lower !== 'to') return false;
  const noun = tokens[head - 2];
  return noun !== undefined && (PROPOSALS.has(noun.lemma) || PROPOSALS.has(noun.lower));
}

/** "any attack", "a possible strike", "potential sanctions". */
function anyOrPotential(head: number, tokens: Token[]): boolean {
  for (let j = head - 1; j >= 0 && j >= head - 3; j -= 1) {
    const w = tokens[j]?.lower ?? '';
    if (w === 'any' || w === 'possible' || w === 'potential' || w === 'eventual') return true;
    if (tokens[j]?.pos !== 'ADJ' && tokens[j]?.pos !== 'NOUN') return false;
  }
  return false;
}

/** An event noun followed by its verb under a modal of possibility ("Talks between the two sides might resume"). */
function possiblePredicate(end: number, tokens: Token[], cues: Cues): boolean {
  for (let k = end; k < tokens.length && k < end + 8; k += 1) {
    const t = tokens[k] as Token;
    if ((t.pos === 'AUX' && POSSIBILITY.has(t.lower)) || cues.possibility.has(t.lower)) return true;
    if (t.pos === 'VERB' || t.text === ',' || t.text === ';') return false;
  }
  return false;
}

/**
 * The act is in an "if", "unless", "whether" or "in case" clause, or in an inverted condition that opens the
 * sentence before its comma ("Were the army to advance, ...", "Had the talks failed, ...").
 */
function insideCondition(head: number, tokens: Token[]): boolean {
  for (let j = head - 1; j >= 0 && j >= head - 8; j -= 1) {
    if (conditionAt(tokens, j)) return true;
    const w = tokens[j]?.lower ?? '';
    if (w === ',' || w === ';') return false;
    if (j === 0 && INVERTED.test(w)) return tokens.slice(head).some((t) => t.text === ',');
  }
  return false;
}

const INVERTED = /^(?:should|had|were)$/;

function possibleInClause(head: number, tokens: Token[], cues: Cues): boolean {
  // "... would only prolong the conflict and accused Berlin": a verb after "and" has its own modality.
  if (tokens[head - 1]?.pos === 'CCONJ') return false;
  for (let j = head - 1; j >= 0 && j >= head - 12; j -= 1) {
    const t = tokens[j] as Token;
    // "It is possible that the president will pardon ...": the word of possibility governs the clause after "that".
    if (t.lower === 'that') return cues.possibility.has(tokens[j - 1]?.lower ?? '');
    if (CLAUSE_EDGES.has(t.lower)) return false;
    if (t.pos === 'AUX' && POSSIBILITY.has(t.lower) && !reportedFuture(j, tokens, cues)) return true;
    if (cues.possibility.has(t.lower)) return true;
  }
  return false;
}

/** Verbs whose complement's "would" is a promise or plan reported in the past, not a supposition. */
const PLEDGES = new Set(['promise', 'pledge', 'vow', 'decide', 'agree']);

/**
 * "Germany said it would deliver tanks", "The ministry announced that troops would withdraw": "would" after a
 * reporting verb and the clause's subject is the future of reported speech, not a modal of possibility.
 */
export function reportedFuture(j: number, tokens: Token[], cues: Cues): boolean {
  if (tokens[j]?.lower !== 'would') return false;
  for (let k = j - 1; k >= 0 && k >= j - 8; k -= 1) {
    const t = tokens[k] as Token;
    if (t.pos === 'VERB') return cues.reporting.has(t.lemma) || PLEDGES.has(t.lemma);
    if (t.pos === 'PUNCT' || t.pos === 'AUX' || t.pos === 'SCONJ' || t.pos === 'CCONJ') return false;
  }
  return false;
}

/** The sentence states a condition: "if", "unless", "in case", "provided that", or an inverted "Should ..., ". */
function conditionalSentence(tokens: Token[]): boolean {
  if (INVERTED.test(tokens[0]?.lower ?? '') && tokens.some((t) => t.text === ',')) return true;
  return tokens.some((_, j) => conditionAt(tokens, j));
}

function conditionAt(tokens: Token[], j: number): boolean {
  const w = tokens[j]?.lower ?? '';
  const prev = tokens[j - 1]?.lower ?? '';
  if (w === 'if' || w === 'unless') return !NOT_CONDITIONAL_BEFORE.has(prev);
  if (w === 'whether') return true;
  if (w === 'case' || w === 'event') return prev === 'in' || (prev === 'the' && tokens[j - 2]?.lower === 'in');
  return (w === 'provided' || w === 'providing') && tokens[j + 1]?.lower === 'that';
}
