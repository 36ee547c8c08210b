import { wordCount } from './block-filter.js';
import type { TextBlock } from './text-blocks.js';

/**
 * Tells a listing (a section front, tag, author or search page: a column of story teasers) from
 * an article. A teaser is a linked headline, maybe a date or section line, and at most one short
 * blurb; a listing is mostly teasers, many of them, with no paragraph of its own. A list article
 * ("ten ferries worth the trip") has linked headings too, but longer text under each.
 */

/** Tuning of listing detection. */
export interface ListingRules {
  /** Teasers, at least. */
  minTeasers: number;
  /** Share of the words that teasers hold, at least. */
  minTeaserShare: number;
  /** Words of a teaser's linked headline, at most. */
  maxTitleWords: number;
  /** Link characters per character of a linked headline, at least. */
  minTitleLinkShare: number;
  /** Words of a teaser's blurb, at most. */
  maxBlurbWords: number;
  /** Words of a date, author or section line in a teaser, at most. */
  maxLabelWords: number;
}

export const LISTING: ListingRules = {
  minTeasers: 6,
  minTeaserShare: 0.7,
  maxTitleWords: 25,
  minTitleLinkShare: 0.8,
  maxBlurbWords: 50,
  maxLabelWords: 6,
};

function isTitle(block: TextBlock, rules: ListingRules): boolean {
  const words = wordCount(block.text);
  const linkShare = block.linkChars / Math.max(1, block.text.replace(/\s+/g, '').length);
  return words >= 2 && words <= rules.maxTitleWords && linkShare >= rules.minTitleLinkShare;
}

/** Blocks of the teaser starting at `start` (a linked headline, labels, one blurb), or 0. */
function teaserLength(blocks: readonly TextBlock[], start: number, rules: ListingRules): number {
  const first = blocks[start];
  if (first === undefined || !isTitle(first, rules)) return 0;
  let end = start + 1;
  let blurb = false;
  for (; end < blocks.length; end++) {
    const block = blocks[end] as TextBlock;
    if (isTitle(block, rules)) break;
    const words = wordCount(block.text);
    if (words <= rules.maxLabelWords) continue;
    if (blurb || words > rules.maxBlurbWords) break;
    blurb = true;
  }
  return end - start;
}

/** Whether the blocks taken as a page's body are a listing of teasers. */
export function isListing(blocks: readonly TextBlock[], rules: ListingRules = LISTING): boolean {
  let teasers = 0;
  let teaserWords = 0;
  let allWords = 0;
  for (const block of blocks) allWords += wordCount(block.text);
  for (let i = 0; i < blocks.length; ) {
    const length = teaserLength(blocks, i, rules);
    if (length === 0) {
      i += 1;
      continue;
    }
    teasers += 1;
    for (let k = i; k < i + length; k++) teaserWords += wordCount(blocks[k]?.text ?? '');
    i += length;
  }
  return teasers >= rules.minTeasers && teaserWords >= rules.minTeaserShare * allWords;
}
