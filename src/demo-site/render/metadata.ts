import type { Article, Outlet } from '../content-schema.js';
import { escapeXml as esc, jsonForScript, rfc3339 } from './escape.js';

/**
 * `<head>` metadata for an article page: schema.org NewsArticle JSON-LD for outlets configured
 * `json-ld`, Open Graph / article:* meta tags otherwise. A page fetched through an alias links
 * rel=canonical to the article's main URL.
 */
export function renderHeadMeta(outlet: Outlet, article: Article, url: string, canonicalUrl: string): string {
  const canonical = url !== canonicalUrl ? `<link rel="canonical" href="${esc(canonicalUrl)}">\n` : '';
  return (
    canonical +
    (outlet.metadata === 'json-ld' ? jsonLd(outlet, article, canonicalUrl) : metaTags(outlet, article, canonicalUrl))
  );
}

function jsonLd(outlet: Outlet, article: Article, url: string): string {
  const data = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    datePublished: rfc3339(article.published),
    dateModified: rfc3339(article.updated ?? article.published),
    author: [{ '@type': 'Person', name: article.author }],
    publisher: { '@type': 'Organization', name: outlet.name },
    inLanguage: article.language ?? outlet.language,
    articleSection: article.section,
    description: article.summaryText,
    mainEntityOfPage: url,
    isAccessibleForFree: !article.paywall,
  };
  return `<meta name="description" content="${esc(article.summaryText)}">\n<script type="application/ld+json">${jsonForScript(data)}</script>`;
}

function metaTags(outlet: Outlet, article: Article, url: string): string {
  return [
    `<meta name="description" content="${esc(article.summaryText)}">`,
    `<meta name="author" content="${esc(article.author)}">`,
    `<meta property="og:type" content="article">`,
    `<meta property="og:site_name" content="${esc(outlet.name)}">`,
    `<meta property="og:title" content="${esc(article.headline)}">`,
    `<meta property="og:url" content="${esc(url)}">`,
    `<meta property="article:published_time" content="${rfc3339(article.published)}">`,
    `<meta property="article:section" content="${esc(article.section)}">`,
  ].join('\n');
}
