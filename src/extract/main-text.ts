import { Readability } from '@mozilla/readability';
import { type Widened, widenPick } from './article-extent.js';
import { filterBlocks } from './block-filter.js';
import { isListing } from './listing.js';
import { narrowToMainRegion } from './main-region.js';
import { boilerplatePruner } from './preclean.js';
import { BOILERPLATE } from './rules.js';
import { type PageBlocks, placedBlocks, type TextBlock, textBlocks } from './text-blocks.js';

/** The main text of a page as blocks, plus what Readability saw (for metadata fallbacks). */
export interface MainText {
  blocks: TextBlock[];
  readabilityTitle: string | null;
  readabilityByline: string | null;
  /** The page's main region is a listing of teasers (section front, tag page), not an article. */
  listing: boolean;
  /** Short lines just above and at the top of the article, where pages print its dates. */
  topLines: string[];
}

/** What extraction knows about the page before the body is touched. */
export interface MainTextHints {
  /** The headline (repeats of it at the top of the body are dropped). */
  title: string | null;
  /** Unlinked text of the whole page: the cleaner keeps a wrapper that holds most of it. */
  pageChars?: number;
  /** The page's metadata says article: it is never a listing of teasers. */
  isArticlePage?: boolean;
}

// Lines looked at for printed dates: this many page blocks above the article and into it.
const LINES_ABOVE = 20;
const LINES_INTO = 12;
const MAX_LINE_CHARS = 160;

function topLines(page: PageBlocks | null, start: number): string[] {
  if (page === null || start < 0) return [];
  return page.blocks
    .slice(Math.max(0, start - LINES_ABOVE), start + LINES_INTO)
    .map((b) => b.text)
    .filter((t) => t.length <= MAX_LINE_CHARS);
}

/**
 * Extracts the article body: boilerplate containers are removed, the page is narrowed to its
 * main region when that holds nearly all prose, Readability picks the main content subtree,
 * the pick is widened to the article's other parts (article-extent.ts), and
 * the block filter drops the remaining bylines, promos and credits.
 * Mutates `document` (callers read metadata first; Readability's own JSON-LD pass is off for that reason).
 */
export function extractMainText(document: Document, hints: MainTextHints): MainText {
  // One walk removes boilerplate containers and reads the blocks of what is left, before
  // Readability moves its pick out of the document.
  const prune = boilerplatePruner(BOILERPLATE, hints.pageChars);
  const page = document.body === null ? null : placedBlocks(document.body, { visibleOnly: true, prune });
  if (document.body !== null && page !== null) narrowToMainRegion(document.body, page);
  const reader = new Readability<Node>(document, {
    serializer: (node) => node,
    keepClasses: true,
    disableJSONLD: true,
  });
  const article = reader.parse();
  const root = article?.content ?? null;
  const widened: Widened =
    root === null
      ? { blocks: [], start: -1 }
      : page === null
        ? { blocks: textBlocks(root), start: -1 }
        : widenPick(page, placedBlocks(root));
  const listing = hints.isArticlePage !== true && isListing(widened.blocks);
  return {
    // A listing has no body of its own: its teasers belong to other stories.
    blocks: listing ? [] : filterBlocks(widened.blocks, hints.title ?? article?.title ?? null),
    listing,
    readabilityTitle: article?.title ?? null,
    readabilityByline: article?.byline ?? null,
    topLines: topLines(page, widened.start),
  };
}
