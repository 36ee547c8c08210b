import type { EventFrame } from './event-frames.js';
import type { Token } from './nlp.js';

const ADJUNCT_PREPOSITIONS = new Set(['during', 'at', 'after', 'before', 'following', 'in', 'on', 'ahead']);

/**
 * Which frames of a sentence become events. A news sentence carries one main event: the first
 * verbal act (coding every coordinated or subordinate verb too cost precision on the gold set),
 * else a statement (01x), else the first nominal event. Planned meetings ("the upcoming talks")
 * and adjunct meetings ("during a meeting with X") are coded besides the main event. A negated act is chosen
 * like any other and then yields nothing.
 */
export function selectFrames(frames: EventFrame[], tokens: Token[]): EventFrame[] {
  const live = frames.filter((f) => !f.negated);
  // A plain statement ("said", "announced", 010) is the event only when the sentence reports nothing else: "X said
  // Y attacked Z" is Y's attack, "X announced a ceasefire" the ceasefire, "X did not attack, Y said" nothing.
  // A statement yet to be made ("is expected to announce") is no event.
  const statements = live.filter((f) => f.code === '010' && f.mode === null);
  const acts = live.filter((f) => !f.nominal && f.code !== '010');
  const extras = (main: EventFrame | undefined): EventFrame[] =>
    live.filter((f) => f !== main && f.nominal && (f.mode === 'future' || partnered(f, tokens)));
  // A negated act ("did not meet during the summit") is no event, and the nouns of its clause are not either.
  // A denied event noun counts too: "announced no new sanctions" reports nothing.
  const negated = frames.filter((f) => f.negated);
  if (acts.length === 0 && negated.length > 0) {
    const free = live.filter((f) => f.nominal && !negated.some((n) => sameClause(n, f, tokens)));
    const main = free[0];
    return main ? [main, ...extras(main)] : extras(undefined).filter((f) => f.mode === 'future');
  }
  const main =
    acts.find((f) => !subordinate(f, tokens)) ??
    live.find((f) => f.nominal && !subordinate(f, tokens)) ??
    acts[0] ??
    live.find((f) => f.nominal) ??
    statements.find((f) => !subordinate(f, tokens));
  return main ? [main, ...extras(main)] : [];
}

// Not "as" or "since": too often prepositions ("as a result of").
const SUBORDINATORS = new Set([
  'who',
  'which',
  'whom',
  'whose',
  'after',
  'before',
  'when',
  'while',
  'because',
  'although',
  'though',
  'if',
  'unless',
  'whereas',
]);

/**
 * In a relative or adverbial clause ("rebels, who seized the town, ...", "After troops shelled X, ..."), or a
 * participle modifying a noun ("fishermen, held captive in Libya, ...", "forces backed by Russian jets").
 */
function subordinate(f: EventFrame, tokens: Token[]): boolean {
  if (participleModifier(f, tokens)) return true;
  for (let j = f.head - 1; j >= 0; j -= 1) {
    const w = tokens[j]?.lower ?? '';
    if (w === ',' || w === ';') return false;
    if (SUBORDINATORS.has(w)) return true;
  }
  return false;
}

/** "during a meeting with X", "after talks between X and Y": an adjunct meeting is its own event. */
function partnered(f: EventFrame, tokens: Token[]): boolean {
  const link = tokens[f.end]?.lower;
  if (!f.code.startsWith('04') || (link !== 'with' && link !== 'between')) return false;
  let j = f.start - 1;
  while (j >= 0 && (tokens[j]?.pos === 'DET' || tokens[j]?.pos === 'ADJ' || tokens[j]?.pos === 'NUM')) j -= 1;
  return ADJUNCT_PREPOSITIONS.has(tokens[j]?.lower ?? '');
}

/** Regular and the commonest irregular past participles (held, sent, kept, built, led, shot, hit, set, put). */
const PARTICIPLE = /(?:ed|en|wn|ught|eld|ent|ept|ilt|led|hot|hit|set|put)$/;
const PARTICIPLE_COMPLEMENTS = new Set(['ADP', 'ADJ', 'ADV']);

/**
 * A participle with no object of its own, right after a comma ("fishermen, held captive in Libya, ...",
 * "the company, working with the state government, said ...") or after a noun with its agent ("forces backed by
 * Russian jets"); "Mamoun, started a hunger strike" has an object and is the main verb after an apposition.
 */
function participleModifier(f: EventFrame, tokens: Token[]): boolean {
  const verb = tokens[f.head];
  if (f.nominal || !verb) return false;
  const prev = tokens[f.head - 1];
  const next = tokens[f.head + 1];
  const past = PARTICIPLE.test(verb.lower);
  if (prev?.text === ',' && f.head > 1 && (past || verb.lower.endsWith('ing')))
    return next !== undefined && PARTICIPLE_COMPLEMENTS.has(next.pos);
  return past && (prev?.pos === 'NOUN' || prev?.pos === 'PROPN') && next?.lower === 'by';
}

/** No comma, semicolon or "but" between two frames. */
function sameClause(a: EventFrame, b: EventFrame, tokens: Token[]): boolean {
  const [from, to] = a.start < b.start ? [a.end, b.start] : [b.end, a.start];
  return !tokens.slice(from, to).some((t) => t.text === ',' || t.text === ';' || t.lower === 'but');
}
