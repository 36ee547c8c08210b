import type { EventFrame } from './event-frames.js';
import type { Token } from './nlp.js';

const ADJUNCT_PREPOSITIONS = new Set(['during', 'at', 'after', 'before', 'following', 'in', 'on', 'ahead']);

/**
 * Which frames of a sentence become events. A news sentence carries one main event: the first
 * verbal act (coding every coordinated or subordinate verb too cost precision on the gold set),
 * else a statement (01x), else the first nominal event. Planned meetings ("the upcoming talks")
 * and adjunct meetings ("during a meeting with X") are coded besides the main event.
 */
export function selectFrames(frames: EventFrame[], tokens: Token[]): EventFrame[] {
  const main = frames.find((f) => !f.code.startsWith('01') && !f.nominal) ?? frames.find((f) => !f.nominal) ?? frames[0];
  if (!main) return [];
  return [main, ...frames.filter((f) => f !== main && f.nominal && (f.mode === 'future' || partnered(f, tokens)))];
}

/** "during a meeting with X", "after talks between X and Y": an adjunct meeting is its own event. */
function partnered(f: EventFrame, tokens: Token[]): boolean {
  const link = tokens[f.end]?.lower;
  if (!f.code.startsWith('04') || (link !== 'with' && link !== 'between')) return false;
  let j = f.start - 1;
  while (j >= 0 && (tokens[j]?.pos === 'DET' || tokens[j]?.pos === 'ADJ' || tokens[j]?.pos === 'NUM')) j -= 1;
  return ADJUNCT_PREPOSITIONS.has(tokens[j]?.lower ?? '');
}
