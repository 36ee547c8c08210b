import type { Quotation } from '../core/event-schema.js';
import type { ActorMention } from './actor-mentions.js';
import type { Sentence } from './nlp.js';

/** Mentions of one sentence after coreference, for finding who said a quote. */
export interface SentenceActors {
  sentence: Sentence;
  mentions: ActorMention[];
}

const QUOTE = /“([^”]{3,}?)”|"([^"\n]{3,}?)"/g;

/**
 * Direct quotations and their speakers: the actor right after the closing mark in the same
 * sentence (`," Assad said`), else the actor before the opening mark (`Assad said: "`), else null.
 */
export function findQuotations(text: string, sentences: SentenceActors[]): Quotation[] {
  const out: Quotation[] = [];
  for (const match of text.matchAll(QUOTE)) {
    const quote = (match[1] ?? match[2] ?? '').trim();
    if (quote.split(/\s+/).length < 2) continue;
    const start = match.index;
    const end = start + match[0].length;
    out.push({ speaker: speakerFor(start, end, sentences), quote, span: [start, end] });
  }
  return out;
}

function speakerFor(start: number, end: number, sentences: SentenceActors[]): string | null {
  const closing = sentences.find((s) => s.sentence.start <= end - 1 && end - 1 < s.sentence.end + 1);
  const after = closing?.mentions.find((m) => !m.isPlace && (closing.sentence.tokens[m.start]?.start ?? 0) >= end);
  if (after) return label(after, closing);
  const opening = sentences.find((s) => s.sentence.start <= start && start < s.sentence.end);
  const before = opening?.mentions
    .filter((m) => !m.isPlace && (opening.sentence.tokens[m.end - 1]?.end ?? Infinity) <= start)
    .pop();
  return before && opening ? label(before, opening) : null;
}

function label(m: ActorMention, s: SentenceActors | undefined): string | null {
  if (m.name) return m.name;
  if (!s) return null;
  const first = s.sentence.tokens[m.start];
  const last = s.sentence.tokens[m.end - 1];
  return first && last && m.kind !== 'PRONOUN'
    ? s.sentence.text.slice(first.start - s.sentence.start, last.end - s.sentence.start)
    : null;
}
