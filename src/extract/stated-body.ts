import { decodeHTML } from 'entities';
import { wordCount } from './block-filter.js';
import { parseHTML } from './dom.js';
import { type TextBlock, textBlocks } from './text-blocks.js';
import { TrigramSet } from './trigrams.js';

/**
 * Reconciles the extracted body with the article text a page states in its JSON-LD
 * (`articleBody`). Some pages render the body by script and carry it only there; others state
 * it in full, and then a paragraph of ours that it lacks is a promo or a widget. A short stated
 * body is a teaser and changes nothing.
 */

/** Tuning of the reconciliation. */
export interface StatedBodyRules {
  /** Words of a stated body, at least, for it to count. */
  minWords: number;
  /** Bodies of fewer words are compared with the page's hydration data. */
  minShortBodyWords: number;
  /** Our body under this share of the stated one: the page's body is the stated one. */
  takeBelowShare: number;
  /** A stated body at least this share of ours is complete enough to judge our paragraphs. */
  judgeAboveShare: number;
  /** Words of a paragraph of ours, at least, for it to be judged (headings and labels stay). */
  minJudgedWords: number;
  /** Share of a judged paragraph's word trigrams that the stated body must hold for it to stay. */
  minCoveredShare: number;
}

export const STATED_BODY: StatedBodyRules = {
  minWords: 50,
  minShortBodyWords: 100,
  takeBelowShare: 0.5,
  judgeAboveShare: 0.9,
  minJudgedWords: 8,
  minCoveredShare: 0.2,
};

/** Paragraph blocks of a stated body: markup parsed when present, else split at line breaks. */
export function statedBlocks(raw: string): TextBlock[] {
  if (/<(p|div|br|h[1-6]|li)\b/i.test(raw)) {
    const { document } = parseHTML(`<!doctype html><html><body>${raw}</body></html>`);
    return textBlocks(document.body as unknown as Node);
  }
  return decodeHTML(raw)
    .split(/\s*\n\s*/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .map((text) => ({ text, tag: 'P', linkChars: 0, inList: false }));
}

function words(blocks: readonly TextBlock[]): number {
  return blocks.reduce((n, b) => n + wordCount(b.text), 0);
}

/** Our blocks, or the hydration data's body when ours is short and holds under half its words. */
function fromHydration(
  blocks: readonly TextBlock[],
  hydrated: () => string | null,
  rules: StatedBodyRules,
): TextBlock[] {
  const ours = words(blocks);
  if (ours >= rules.minShortBodyWords) return [...blocks];
  const raw = hydrated();
  const parts = raw === null ? [] : statedBlocks(raw);
  return ours < rules.takeBelowShare * words(parts) ? parts : [...blocks];
}

/**
 * The body blocks after comparing them with the page's stated article body (null: none).
 * `hydrated` gives the body found in hydration data, asked for only when there is no stated
 * body and ours is short.
 */
export function reconcileStatedBody(
  blocks: readonly TextBlock[],
  stated: string | null,
  hydrated: () => string | null = () => null,
  rules: StatedBodyRules = STATED_BODY,
): TextBlock[] {
  const statedParts = stated === null ? [] : statedBlocks(stated);
  const statedWords = words(statedParts);
  if (statedWords < rules.minWords) return fromHydration(blocks, hydrated, rules);
  const ours = words(blocks);
  if (ours < rules.takeBelowShare * statedWords) return statedParts;
  if (statedWords < rules.judgeAboveShare * ours) return [...blocks];
  const grams = new TrigramSet();
  for (const part of statedParts) grams.add(part.text);
  return blocks.filter((b) => wordCount(b.text) < rules.minJudgedWords || grams.share(b.text) >= rules.minCoveredShare);
}
