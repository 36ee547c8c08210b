import { BOILERPLATE, type BoilerplateRules } from './rules.js';
import type { TextBlock } from './text-blocks.js';

/**
 * Drops boilerplate blocks that survive DOM cleaning: "Read more" and "Related:" lines, photo
 * credits, bylines and datelines, link lists, all-capital promos, and headings left without a
 * body. Every rule is about the shape of news-page text, never about one site.
 */

const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DATE_LIKE = new RegExp(
  `(\\b${MONTH}\\s+\\d{1,2}\\b|\\b\\d{1,2}\\s+${MONTH}|\\b\\d{1,2}:\\d{2}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b|\\b(ago|gmt|est|edt|utc|cet)\\b)`,
  'i',
);
const SENTENCE_END = /[.!?…"”’。！？」؟۔।]$/;
const HEADING = /^H[1-6]$/;
// Scripts written without spaces (Chinese, Japanese, Thai...): about two characters per word.
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu;

// Those scripts live at or above U+0E00 (Thai); text without such characters takes the fast path.
const MAYBE_UNSPACED = /[\u0e00-\uffff]/;
const SPACED_WORD = /\S*[\p{L}\p{N}]\S*/gu;
const counted = new Map<string, number>();
const MAX_COUNTED = 1024;

function countWords(text: string): number {
  if (!MAYBE_UNSPACED.test(text)) return text.match(SPACED_WORD)?.length ?? 0;
  const unspaced = text.match(UNSPACED)?.length ?? 0;
  const spaced = text.replace(UNSPACED, ' ').match(SPACED_WORD)?.length ?? 0;
  return spaced + Math.ceil(unspaced / 2);
}

/** Word count that also works for scripts without spaces between words (memoised: blocks are counted often). */
export function wordCount(text: string): number {
  let n = counted.get(text);
  if (n === undefined) {
    n = countWords(text);
    if (counted.size >= MAX_COUNTED) counted.clear();
    counted.set(text, n);
  }
  return n;
}

/** A real heading is short; long text inside an <hN> is a paragraph in disguise. */
function isHeading(block: TextBlock): boolean {
  return HEADING.test(block.tag) && wordCount(block.text) <= 20;
}

const DATE_WORD = new RegExp(
  `^(${MONTH}|(mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?|\\d+(st|nd|rd|th)?|\\d{1,2}:\\d{2}(:\\d{2})?|[ap]\\.?m\\.?|gmt|utc|est|edt|cet|cest|bst|pst|pdt|ist|at|on|of|the|published|updated|posted|last|modified|am|pm|\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4})$`,
  'i',
);

/** A line made of a date or time and little else ("Updated 6:55 AM EST, Nov 19, 2019"). */
function isDateline(text: string): boolean {
  if (text.length > 160) return false; // 14 tokens of dates and labels fit in far less
  const tokens = text.split(/[\s,|;·•—–-]+/).filter((t) => t.length > 0);
  if (tokens.length === 0 || tokens.length > 14 || !DATE_LIKE.test(text)) return false;
  const other = tokens.filter((t) => !DATE_WORD.test(t.replace(/[()[\]]/g, '')));
  return other.length <= 2 && other.length < tokens.length / 2;
}

function startsWithRule(lower: string, words: number, rules: BoilerplateRules): boolean {
  for (const start of rules.lineStarts) {
    if (!lower.startsWith(start)) continue;
    const next = lower.charAt(start.length);
    if (/\p{L}/u.test(next) && !start.endsWith(' ')) continue;
    // A colon-terminated label ("Related:") is a promo even on a longer line; plain words only on short ones.
    if (words <= 12 || (start.endsWith(':') && words <= rules.maxWordsForLineRules)) return true;
  }
  return false;
}

function isMostlyUppercase(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 6) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  return upper / letters.length > 0.85;
}

const judged = new WeakMap<TextBlock, boolean>();

/** Whether one block, judged alone, is boilerplate (remembered per block under the default rules). */
export function isBoilerplateBlock(block: TextBlock, rules: BoilerplateRules = BOILERPLATE): boolean {
  if (rules !== BOILERPLATE) return judgeBlock(block, rules);
  let verdict = judged.get(block);
  if (verdict === undefined) {
    verdict = judgeBlock(block, rules);
    judged.set(block, verdict);
  }
  return verdict;
}

// Line starts are short: the head of a block is enough to test them.
const HEAD_CHARS = 64;

function judgeBlock(block: TextBlock, rules: BoilerplateRules): boolean {
  const words = wordCount(block.text);
  if (!/[\p{L}\p{N}]/u.test(block.text)) return true;
  if (block.tag === 'FIGCAPTION') return true;
  if (rules.fillerPattern.test(block.text)) return true;
  if (startsWithRule(block.text.slice(0, HEAD_CHARS).toLowerCase(), words, rules)) return true;
  if (words <= rules.maxWordsForPhraseRules) {
    const lower = block.text.toLowerCase();
    if (rules.linePhrases.some((p) => lower.includes(p))) return true;
  }
  const linkShare = block.linkChars / Math.max(1, block.text.replace(/\s+/g, '').length);
  if (linkShare > (words <= 30 ? 0.6 : 0.9)) return true;
  if (!block.inList && block.tag !== 'TR' && isDateline(block.text)) return true;
  if (words >= 2 && words <= 25 && isMostlyUppercase(block.text)) return true;
  return false;
}

/** A short line above the body: kicker, byline, date or section label (lists and tables excepted). */
function isMetadataLine(block: TextBlock): boolean {
  if (block.inList || block.tag === 'TR' || isHeading(block)) return false;
  const words = wordCount(block.text);
  return (words < 8 && !SENTENCE_END.test(block.text)) || (words <= 12 && DATE_LIKE.test(block.text));
}

/** Whether a block reads as prose: long enough and ending like a sentence. */
function isProse(block: TextBlock): boolean {
  return !isHeading(block) && wordCount(block.text) >= 12;
}

/** Filters blocks of an extracted article; `title` repeats at the top are dropped too. */
export function filterBlocks(
  blocks: readonly TextBlock[],
  title: string | null,
  rules: BoilerplateRules = BOILERPLATE,
): TextBlock[] {
  const normalTitle = title?.trim().toLowerCase() ?? '';
  const kept: TextBlock[] = [];
  let seenProse = false;
  for (const block of blocks) {
    if (isBoilerplateBlock(block, rules)) continue;
    if (!seenProse) {
      // Above the first paragraph sit headline, kicker, byline and date: short lines, not body.
      if (normalTitle.length > 0 && block.text.toLowerCase() === normalTitle) continue;
      // The page's own headline, whatever the metadata calls the story.
      if (block.tag === 'H1') continue;
      if (isMetadataLine(block)) continue;
    }
    if (isProse(block)) seenProse = true;
    kept.push(block);
  }
  return dropOrphanHeadings(kept);
}

/** A heading with no prose after it (before the next heading) introduced removed links, not text. */
function dropOrphanHeadings(blocks: readonly TextBlock[]): TextBlock[] {
  const out: TextBlock[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (block === undefined) continue;
    if (isHeading(block)) {
      const next = blocks[i + 1];
      if (next === undefined || isHeading(next)) continue;
    }
    out.push(block);
  }
  return out;
}
