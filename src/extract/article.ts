import { wordCount } from './block-filter.js';
import { type ArticleFlags, isConsentWall, isNotArticle, isPaywalled } from './flags.js';
import { parseDocument } from './html-document.js';
import { hydratedBody } from './hydration.js';
import { detectLanguage, isLanguageDetectorLoaded } from './language.js';
import { extractMainText } from './main-text.js';
import { readPageMetadata } from './metadata/page-metadata.js';
import { printedDates } from './metadata/printed-dates.js';
import { scanPage } from './page-scan.js';
import { reconcileStatedBody } from './stated-body.js';
import { joinBlocks } from './text-blocks.js';

/** Clean article text and metadata extracted from one HTML page. */
export interface ExtractedArticle {
  title: string | null;
  /** Main text, whitespace normalised, paragraphs separated by a blank line ("\n\n"). */
  text: string;
  byline: string | null;
  /** ISO 8601. */
  published: string | null;
  modified: string | null;
  /** ISO 639-1. */
  language: string | null;
  /** From rel=canonical or og:url, only when on the same registrable domain as `url`. */
  canonicalUrl: string | null;
  siteName: string | null;
  wordCount: number;
  flags: ArticleFlags;
}

/** Inputs besides the HTML: where it came from and the feed's date for the item. */
export interface ExtractOptions {
  url: string;
  feedPublished?: string | null;
}

/**
 * Extracts the article of an HTML page: metadata first (dates: JSON-LD article > meta tags >
 * other JSON-LD objects and time elements > dates printed above the body > URL > feed date),
 * then the main text. Synchronous and offline; `language` comes from the
 * fastText model when `loadLanguageDetector()` has completed, else from the page's declaration.
 */
export function extractArticle(html: string, options: ExtractOptions): ExtractedArticle {
  const document = parseDocument(html);
  // Scan before extraction: it removes paywall boxes and bylines as boilerplate.
  const stats = scanPage(document);
  const meta = readPageMetadata(document, stats, options.url, options.feedPublished ?? null);
  const main = extractMainText(document, {
    title: meta.title,
    pageChars: stats.textChars - stats.linkChars,
    isArticlePage: meta.hasArticleMetadata,
  });
  const text = joinBlocks(reconcileStatedBody(main.blocks, meta.articleBody, () => hydratedBody(html)));
  const words = wordCount(text);
  // Dates printed above the body when the markup states none (they beat a URL's or a feed's day).
  const printed = meta.publishedFrom === 'page' && meta.modified !== null ? null : printedDates(main.topLines);
  const detected = isLanguageDetectorLoaded() ? detectLanguage(text.length > 0 ? text : stats.text()) : null;
  return {
    title: meta.title ?? main.readabilityTitle,
    text,
    byline: meta.byline ?? main.readabilityByline,
    published: (meta.publishedFrom === 'page' ? null : printed?.published) ?? meta.published,
    modified: meta.modified ?? printed?.modified ?? null,
    language: detected ?? meta.declaredLanguage,
    canonicalUrl: meta.canonicalUrl,
    siteName: meta.siteName,
    wordCount: words,
    flags: {
      paywall: isPaywalled(meta, stats, words),
      consentWall: isConsentWall(stats, words),
      notArticle: main.listing || isNotArticle(meta, stats, words),
    },
  };
}
