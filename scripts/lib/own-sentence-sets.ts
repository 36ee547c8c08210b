/**
 * Scores the coder on the project's own sentence sets (data/eval/README.md): news sentences that report no
 * political event, and sentences that mirror their traps with a real event, so that precision work is seen
 * next to the recall it may cost.
 */
import { readFileSync } from 'node:fs';
import type { EventCoder } from '../../src/coder/index.js';
import type { CodedEvent } from '../../src/core/event-schema.js';

interface NoEventSentence {
  id: string;
  domain: string;
  date: string;
  text: string;
  /** The only mode an event of this sentence may carry ("If talks fail, the union could strike"). */
  allow_mode?: 'hypothetical';
}

interface EventSentence {
  id: string;
  date: string;
  text: string;
  /** CAMEO roots the main event may have. */
  roots: string[];
  /** Country code of the main event's source, when the sentence names one. */
  source: string | null;
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as T);
}

/** The event a single-event consumer would keep: the most confident, the first on ties. */
export function mostConfident(events: readonly CodedEvent[]): CodedEvent | null {
  return events.reduce<CodedEvent | null>((best, e) => (best && best.confidence >= e.confidence ? best : e), null);
}

/** Share of no-event sentences that yield an event (an event in an allowed mode is not counted), per domain. */
export function scoreNoEvent(coder: EventCoder, path: string) {
  const sentences = readJsonl<NoEventSentence>(path);
  const byDomain = new Map<string, { n: number; false: number }>();
  const examples: string[] = [];
  let falseEvents = 0;
  for (const s of sentences) {
    const events = coder.code({ text: s.text, date: s.date }).events;
    const wrong = events.filter((e) => !(s.allow_mode && e.mode === s.allow_mode));
    const tally = byDomain.get(s.domain) ?? { n: 0, false: 0 };
    tally.n += 1;
    if (wrong.length > 0) {
      tally.false += 1;
      falseEvents += 1;
      const e = wrong[0] as CodedEvent;
      examples.push(`${s.id}: ${e.code} ${e.source.text || '_'} -> ${e.target?.text ?? '_'} | ${s.text}`);
    }
    byDomain.set(s.domain, tally);
  }
  return { n: sentences.length, rate: falseEvents / Math.max(1, sentences.length), byDomain, examples };
}

/** Share of event sentences whose most confident event has an expected CAMEO root (and the named source). */
export function scoreEventMirrors(coder: EventCoder, path: string) {
  const sentences = readJsonl<EventSentence>(path);
  let rootOk = 0,
    sourceN = 0,
    sourceOk = 0;
  const misses: string[] = [];
  for (const s of sentences) {
    const top = mostConfident(coder.code({ text: s.text, date: s.date }).events);
    const ok = top !== null && s.roots.includes(top.code.slice(0, 2));
    if (ok) rootOk += 1;
    else misses.push(`${s.id}: want ${s.roots.join('/')} got ${top?.code ?? 'none'} | ${s.text}`);
    if (s.source === null || !ok) continue;
    sourceN += 1;
    if (top?.source.code === s.source) sourceOk += 1;
  }
  return {
    n: sentences.length,
    rootRecall: rootOk / Math.max(1, sentences.length),
    source: sourceOk / Math.max(1, sourceN),
    sourceN,
    misses,
  };
}
