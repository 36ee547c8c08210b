import type { Article, ChromeText, Outlet } from '../content-schema.js';

/** Everything a page template needs to render one article page. */
export interface PageView {
  readonly outlet: Outlet;
  readonly article: Article;
  /** Other articles of the same outlet, for "related" and "latest" boxes. */
  readonly related: readonly Article[];
  readonly origin: string;
  readonly chrome: ChromeText;
  /** Absolute URL the page is served at (its alias when fetched through one). */
  readonly url: string;
  /** Absolute URL of the article's main address. */
  readonly canonicalUrl: string;
  /** Ready `<head>` markup: JSON-LD or meta tags, plus rel=canonical when fetched through an alias. */
  readonly headMeta: string;
}

/** A page template turns a view into a complete HTML document (a string; encoding happens later). */
export type PageTemplate = (view: PageView) => string;

/** Small deterministic hash of a string, for picking comments and ids without randomness. */
export function stableNumber(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

/** Human date in the outlet's language, e.g. `6 October 2026, 08:15 GMT`. */
export function displayDate(iso: string, language: string): string {
  const locale = language === 'fr' ? 'fr-FR' : 'en-GB';
  const date = new Date(iso);
  const day = date.toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const time = date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
  return `${day}, ${time} GMT`;
}
