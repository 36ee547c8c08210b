/**
 * Scores the coder on the project's own sentence sets (data/eval/README.md): news sentences that report no
 * political event, and sentences that mirror their traps with a real event, so that precision work is seen
 * next to the recall it may cost.
 */
import { readFileSync } from 'node:fs';
import { CAMEO_ROOTS, type EventCoder } from '../../src/coder/index.js';
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

/**
 * Share of event sentences whose most confident event has an expected CAMEO root (and the named source), and
 * CAMEO root-code precision, recall and F1 of that event: micro over all sentences, macro over the roots the set
 * has. A sentence without an event is a miss of its first root; a wrong root is also a false positive of the root
 * coded.
 */
export function scoreEventMirrors(coder: EventCoder, path: string) {
  const sentences = readJsonl<EventSentence>(path);
  const tallies = new Map<string, { tp: number; fp: number; fn: number }>();
  const tally = (root: string) => {
    const t = tallies.get(root) ?? { tp: 0, fp: 0, fn: 0 };
    tallies.set(root, t);
    return t;
  };
  let rootOk = 0,
    noEvent = 0,
    quadOk = 0,
    sourceN = 0,
    sourceOk = 0;
  const misses: string[] = [];
  const byRoot = new Map<string, { n: number; right: number }>();
  for (const s of sentences) {
    const top = mostConfident(coder.code({ text: s.text, date: s.date }).events);
    const root = top?.code.slice(0, 2) ?? null;
    const expected = s.roots[0] as string;
    const ok = root !== null && s.roots.includes(root);
    const perRoot = byRoot.get(expected) ?? { n: 0, right: 0 };
    perRoot.n += 1;
    if (ok) perRoot.right += 1;
    byRoot.set(expected, perRoot);
    if (root === null) noEvent += 1;
    if (top !== null && s.roots.some((r) => CAMEO_ROOTS[r]?.quad_class === top.quad_class)) quadOk += 1;
    if (ok) {
      rootOk += 1;
      tally(root).tp += 1;
    } else {
      tally(expected).fn += 1;
      if (root !== null) tally(root).fp += 1;
      misses.push(`${s.id}: want ${s.roots.join('/')} got ${top?.code ?? 'none'} | ${s.text}`);
    }
    if (s.source === null || !ok) continue;
    sourceN += 1;
    if (top?.source.code === s.source) sourceOk += 1;
  }
  const f1 = (t: { tp: number; fp: number; fn: number }) => (t.tp === 0 ? 0 : (2 * t.tp) / (2 * t.tp + t.fp + t.fn));
  const total = [...tallies.values()].reduce((a, t) => ({ tp: a.tp + t.tp, fp: a.fp + t.fp, fn: a.fn + t.fn }), {
    tp: 0,
    fp: 0,
    fn: 0,
  });
  const gold = [...tallies.values()].filter((t) => t.tp + t.fn > 0);
  return {
    n: sentences.length,
    rootRecall: rootOk / Math.max(1, sentences.length),
    rootMicroF1: f1(total),
    rootMacroF1: gold.reduce((a, t) => a + f1(t), 0) / Math.max(1, gold.length),
    quadAccuracy: quadOk / Math.max(1, sentences.length),
    noEvent,
    byRoot: [...byRoot].sort(([a], [b]) => a.localeCompare(b)).map(([root, t]) => ({ root, ...t })),
    source: sourceOk / Math.max(1, sourceN),
    sourceN,
    misses,
  };
}
