import { stableId } from '../core/ids.js';
import { contentHash } from '../extract/index.js';
import type { ArticleRecord, ArticleStatus } from '../storage/records.js';

/**
 * The policy of copy detection, in one place: which claims an article takes, when it copies another, which copy
 * counts as the first, and what demoting an outranked article does. Pure decisions; copy-detection.ts and
 * link.ts carry them out with the stores, which only store.
 */

/** Share of an article's sampled paragraphs one earlier-ranked article must own for it to be a copy of that one. */
export const COPY_SHARE = 0.6;

/** Fewest distinct paragraphs a text needs to be judged by its paragraphs rather than by its whole-text hash. */
export const MIN_PARAGRAPHS = 2;

/** Paragraph claims per article: each is a write, and a sample this size already tells copies apart. */
export const PARAGRAPH_SAMPLE = 6;

/** Words a paragraph needs to be claimed: shorter ones (datelines, bylines, captions) recur across stories. */
export const MIN_PARAGRAPH_WORDS = 8;

/** How deep copies of copies are followed, when demoting copies and when linking one to its coded first copy. */
export const MAX_COPY_CHAIN = 3;

/** Times a demotion reads the article again when a stage moved it on meanwhile, before giving up. */
export const DEMOTE_ATTEMPTS = 3;

/** An article asking to own a claim; the lower rank (earlier publication, then smaller id) wins. */
export interface Claimant {
  articleId: string;
  /** `<published ISO time or 9999>#<articleId>`: comparing strings compares publication times first. */
  rank: string;
}

/** Which copy is first is decided by rank, not arrival, so any order (or repetition) of copies agrees. */
export function claimantOf(articleId: string, published: string | null): Claimant {
  return { articleId, rank: `${published ?? '9999-12-31T23:59:59Z'}#${articleId}` };
}

/** The claims an article takes, in the order it takes them. */
export interface CopyClaimKeys {
  /** Claims that make the article a copy as soon as another owns one: canonical URL, whole-text hash. */
  exact: string[];
  /** Claims judged together, by the share of them another article owns. */
  paragraphs: string[];
}

/** What an article's claims are made of, once it is fetched and its text extracted. */
export interface ClaimSource {
  /** The canonical URL the feed's link gave, which the article's id is made from. */
  listedCanonical: string;
  /** The canonical URL of the page as fetched (after redirects and its rel=canonical). */
  canonical: string;
  text: string;
  contentHash: string;
}

/**
 * The claims of an article: its canonical URL when it differs from the one the feed listed, and its sampled
 * paragraphs or, when it has fewer than MIN_PARAGRAPHS, its whole-text hash. Never both: identical texts share
 * every sampled paragraph anyway, and each claim is a write.
 */
export function claimKeysOf(source: ClaimSource): CopyClaimKeys {
  const paragraphs = paragraphHashes(source.text);
  const judgedByParagraphs = paragraphs.length >= MIN_PARAGRAPHS;
  return {
    exact: [
      ...(source.canonical !== source.listedCanonical ? [`CANONICAL#${stableId([source.canonical])}`] : []),
      ...(judgedByParagraphs ? [] : [`HASH#${source.contentHash}`]),
    ],
    paragraphs: judgedByParagraphs ? paragraphs.map((hash) => `PARA#${hash}`) : [],
  };
}

/**
 * Hashes of the substantial paragraphs, normalised so markup and punctuation differences vanish. Only the
 * smallest hashes are kept (a bottom-k sample): two copies of a story keep mostly the same paragraphs, so their
 * shared share is estimated as well from the sample as from all paragraphs, at a fixed cost.
 */
export function paragraphHashes(text: string): string[] {
  const hashes = text
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim(),
    )
    .filter((paragraph) => paragraph.split(' ').length >= MIN_PARAGRAPH_WORDS)
    .map((paragraph) => contentHash(paragraph).slice(0, 24));
  return [...new Set(hashes)].sort().slice(0, PARAGRAPH_SAMPLE);
}

/** The article that owns at least COPY_SHARE of `claimed` paragraph claims, or null. `owners`: one per claim. */
export function paragraphOwner(claimant: Claimant, owners: readonly string[], claimed: number): string | null {
  const counts = new Map<string, number>();
  for (const owner of owners) if (owner !== claimant.articleId) counts.set(owner, (counts.get(owner) ?? 0) + 1);
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return claimed > 0 && best && best[1] / claimed >= COPY_SHARE ? best[0] : null;
}

/** What demoting an article to a copy of `firstCopy` changes, decided from the article as read. */
export interface Demotion {
  /** The status to write with the new first copy, or null when nothing is written. */
  status: ArticleStatus | null;
  /** Whether the article needs a new message to the code stage, to be linked to its new first copy. */
  needsCoding: boolean;
}

/**
 * A pending article is linked once fetched; one stored, coded, or linked to a copy now outranked goes (back) to
 * `stored` with its new first copy, for the code stage to link it. Failed and skipped articles stay as they are.
 * Demoted before (a retry): whether its code message went out is unknown, so one more goes.
 */
export function demotionOf(article: Pick<ArticleRecord, 'status' | 'duplicate_of'>, firstCopy: string): Demotion {
  if (!['pending', 'stored', 'coded', 'duplicate'].includes(article.status))
    return { status: null, needsCoding: false };
  if (article.duplicate_of === firstCopy && article.status !== 'coded')
    return { status: null, needsCoding: article.status === 'stored' };
  // A stored article still has its own code message coming; a coded or linked one needs a new one.
  return {
    status: article.status === 'pending' ? 'pending' : 'stored',
    needsCoding: article.status === 'coded' || article.status === 'duplicate',
  };
}
