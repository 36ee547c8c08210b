import { Readability } from '@mozilla/readability';
import { widenPick } from './article-extent.js';
import { filterBlocks } from './block-filter.js';
import { isListing } from './listing.js';
import { removeBoilerplate } from './preclean.js';
import { BOILERPLATE } from './rules.js';
import { placedBlocks, type TextBlock, textBlocks } from './text-blocks.js';

/** The main text of a page as blocks, plus what Readability saw (for metadata fallbacks). */
export interface MainText {
  blocks: TextBlock[];
  readabilityTitle: string | null;
  readabilityByline: string | null;
  /** The page's main region is a listing of teasers (section front, tag page), not an article. */
  listing: boolean;
}

/**
 * Extracts the article body: boilerplate containers are removed, Readability picks the main
 * content subtree, the pick is widened to the article's other parts (article-extent.ts), and
 * the block filter drops the remaining bylines, promos and credits.
 * `pageChars` (unlinked text of the page) lets the cleaner keep a wrapper that holds most of it;
 * `isArticlePage` (the page's metadata says article) rules out a listing of teasers.
 * Mutates `document` (callers read metadata first; Readability's own JSON-LD pass is off for that reason).
 */
export function extractMainText(
  document: Document,
  title: string | null,
  pageChars?: number,
  isArticlePage = false,
): MainText {
  if (document.body !== null) removeBoilerplate(document.body, BOILERPLATE, pageChars);
  // Blocks of the cleaned page, before Readability moves its pick out of the document.
  const page = document.body === null ? null : placedBlocks(document.body, true);
  const reader = new Readability<Node>(document, {
    serializer: (node) => node,
    keepClasses: true,
    disableJSONLD: true,
  });
  const article = reader.parse();
  const root = article?.content ?? null;
  const blocks = root === null ? [] : page === null ? textBlocks(root) : widenPick(page, placedBlocks(root));
  const listing = !isArticlePage && isListing(blocks);
  return {
    // A listing has no body of its own: its teasers belong to other stories.
    blocks: listing ? [] : filterBlocks(blocks, title ?? article?.title ?? null),
    listing,
    readabilityTitle: article?.title ?? null,
    readabilityByline: article?.byline ?? null,
  };
}
