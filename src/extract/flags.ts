import type { PageMetadata } from './metadata/page-metadata.js';
import type { PageScan } from './page-scan.js';
import { FLAGS, type FlagRules } from './rules.js';

/** Why a page may not carry a usable article body. */
export interface ArticleFlags {
  paywall: boolean;
  consentWall: boolean;
  notArticle: boolean;
}

function countMarkers(text: string, markers: readonly string[]): number {
  return markers.reduce((n, m) => (text.includes(m) ? n + 1 : n), 0);
}

/**
 * Paywall stub: JSON-LD says the article is not free, or the body is short and the page asks
 * the reader to subscribe (in its text or with a paywall container found by the page scan).
 */
export function isPaywalled(meta: PageMetadata, stats: PageScan, bodyWords: number, rules: FlagRules = FLAGS): boolean {
  if (meta.accessibleForFree === false) return true;
  if (bodyWords > rules.maxPaywallWords) return false;
  return stats.paywallMarkup || countMarkers(stats.text(), rules.paywallMarkers) > 0;
}

/** Consent wall: the whole page is a short text made mostly of cookie/consent vocabulary. */
export function isConsentWall(stats: PageScan, bodyWords: number, rules: FlagRules = FLAGS): boolean {
  // A short news brief under a cookie banner is still an article: only a near-empty body can be a wall.
  // About six characters per word: skip building the page text for long pages.
  if (bodyWords > 50 || stats.textChars > rules.maxConsentWords * 8) return false;
  const text = stats.text();
  if (text.split(' ').length > rules.maxConsentWords) return false;
  return countMarkers(text, rules.consentMarkers) >= 3;
}

/**
 * Not an article: no article metadata and the page is mostly links or has hardly any prose
 * (section fronts, tag pages, search results).
 */
export function isNotArticle(meta: PageMetadata, stats: PageScan, bodyWords: number): boolean {
  if (meta.hasArticleMetadata) return false;
  if (bodyWords < 50) return true;
  const linkShare = stats.linkChars / Math.max(1, stats.textChars);
  return stats.links >= 20 && linkShare > 0.5 && bodyWords < 400;
}
