import type { PageScan } from '../page-scan.js';
import { sameSiteCanonical } from './canonical-url.js';
import { dateFromUrlPath, toIsoDate } from './dates.js';
import { chooseHeadline, cleanTitle } from './headline.js';
import { type JsonLdArticle, type JsonLdPageDates, parseJsonLd, readJsonLd, readJsonLdDates } from './json-ld.js';
import { firstMeta, type MetaTags, readMetaTags } from './meta-tags.js';

/** Article metadata read from the page head, before the body is touched. */
export interface PageMetadata {
  title: string | null;
  byline: string | null;
  published: string | null;
  /** Where `published` came from: the page's markup, else its URL, else the feed. */
  publishedFrom: 'page' | 'url' | 'feed' | null;
  modified: string | null;
  siteName: string | null;
  declaredLanguage: string | null;
  canonicalUrl: string | null;
  hasArticleMetadata: boolean;
  accessibleForFree: boolean | null;
  /** JSON-LD `articleBody`, raw (may hold markup or be a teaser). */
  articleBody: string | null;
}

const PUBLISHED_KEYS = [
  'article:published_time',
  'og:published_time',
  'datepublished',
  'article.published',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'publication_date',
  'parsely-pub-date',
  'sailthru.date',
  'dc.date.issued',
  'dc.date',
  'dcterms.created',
  'dcterms.date',
  'date',
  'article_date_original',
  'cxenseparse:recs:publishtime',
];
const MODIFIED_KEYS = [
  'article:modified_time',
  'og:updated_time',
  'datemodified',
  'article.updated',
  'dcterms.modified',
  'dc.date.modified',
  'last-modified',
  'lastmod',
];
const AUTHOR_KEYS = [
  'author',
  'article:author',
  'parsely-author',
  'sailthru.author',
  'dc.creator',
  'dcterms.creator',
  'byl',
  'twitter:creator',
];
const TITLE_KEYS = ['og:title', 'parsely-title', 'sailthru.title', 'dc.title', 'headline', 'title'];
const SITE_KEYS = ['og:site_name', 'application-name', 'twitter:site'];

function firstDate(...values: (string | null | undefined)[]): string | null {
  for (const value of values) {
    const iso = toIsoDate(value);
    if (iso !== null) return iso;
  }
  return null;
}

function cleanByline(value: string | null): string | null {
  // Profile URLs and Twitter handles are not names.
  if (value === null || /^(https?:|@)/.test(value)) return null;
  const name = value
    .replace(/^\s*by\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  return name.length > 0 && name.length <= 200 ? name : null;
}

function titleOf(
  document: Document,
  scan: PageScan,
  ld: JsonLdArticle | null,
  meta: MetaTags,
  url: string,
): string | null {
  return chooseHeadline({
    h1s: scan.h1s,
    jsonLdHeadline: ld?.headline ?? null,
    jsonLdName: ld?.name ?? null,
    ogTitle: firstMeta(meta, TITLE_KEYS),
    twitterTitle: meta.get('twitter:title') ?? null,
    documentTitle: document.title,
    siteNames: [firstMeta(meta, SITE_KEYS), ld?.publisher ?? null],
    url,
  });
}

function languageOf(document: Document, ld: JsonLdArticle | null, meta: MetaTags): string | null {
  const declared =
    ld?.inLanguage ??
    (document.documentElement.getAttribute('lang') || null) ??
    firstMeta(meta, ['content-language', 'og:locale', 'language', 'dc.language']);
  const code = declared?.trim().toLowerCase().split(/[-_]/)[0];
  return code !== undefined && /^[a-z]{2}$/.test(code) ? code : null;
}

/**
 * Reads title, byline, dates, site name, canonical URL and declared language in the order of
 * trust JSON-LD article > meta tags > other JSON-LD objects and `<time datetime>` > date in the
 * URL path > the feed's date (the caller puts dates printed above the body before the last two).
 */
export function readPageMetadata(
  document: Document,
  scan: PageScan,
  url: string,
  feedPublished: string | null,
): PageMetadata {
  const objects = parseJsonLd(scan.jsonLd);
  const ld = readJsonLd(objects);
  const meta = readMetaTags(scan.metas);
  const ogType = meta.get('og:type')?.toLowerCase() ?? '';
  // Any object's dates (a WebPage's) only when neither the article object nor a meta tag has one.
  const pageDates = (): JsonLdPageDates => readJsonLdDates(objects);
  const fromPage =
    firstDate(ld?.datePublished, firstMeta(meta, PUBLISHED_KEYS)) ??
    firstDate(pageDates().datePublished, scan.timePublished, scan.firstTime);
  const fromUrl = fromPage === null ? dateFromUrlPath(url) : null;
  const fromFeed = fromPage === null && fromUrl === null ? toIsoDate(feedPublished) : null;
  const published = fromPage ?? fromUrl ?? fromFeed;
  return {
    title: titleOf(document, scan, ld, meta, url),
    byline:
      cleanByline(ld !== null && ld.authors.length > 0 ? ld.authors.join(', ') : null) ??
      cleanByline(firstMeta(meta, AUTHOR_KEYS)) ??
      cleanByline(scan.authorLink),
    published,
    publishedFrom: fromPage !== null ? 'page' : fromUrl !== null ? 'url' : fromFeed !== null ? 'feed' : null,
    modified:
      firstDate(ld?.dateModified, firstMeta(meta, MODIFIED_KEYS)) ??
      firstDate(pageDates().dateModified, scan.timeModified),
    siteName: cleanTitle(firstMeta(meta, SITE_KEYS) ?? ld?.publisher ?? null),
    declaredLanguage: languageOf(document, ld, meta),
    canonicalUrl: sameSiteCanonical(scan.canonicalHref, url) ?? sameSiteCanonical(firstMeta(meta, ['og:url']), url),
    hasArticleMetadata: ld?.isArticle === true || ogType === 'article' || firstMeta(meta, PUBLISHED_KEYS) !== null,
    accessibleForFree: ld?.isAccessibleForFree ?? null,
    articleBody: ld?.articleBody ?? null,
  };
}
