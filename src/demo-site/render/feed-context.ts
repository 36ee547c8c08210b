import type { Article, Outlet } from '../content-schema.js';

/** What every feed renderer needs: the outlet, its articles (newest first) and the absolute origin. */
export interface FeedContext {
  readonly outlet: Outlet;
  readonly articles: readonly Article[];
  readonly origin: string;
}

/**
 * Absolute link an outlet puts in its feed. Outlets flagged `trackingParams` append utm_ campaign
 * parameters, as newsletter/feed tooling does, so URL canonicalisation downstream has work to do.
 */
export function feedItemLink(ctx: FeedContext, article: Article): string {
  const base = `${ctx.origin}${article.feedLinkPath}`;
  if (!ctx.outlet.trackingParams) return base;
  const campaign = article.section.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return `${base}?utm_source=${ctx.outlet.id}-feed&utm_medium=rss&utm_campaign=${campaign}`;
}

/** Absolute URL of the outlet's home page and of its feed. */
export function outletUrls(ctx: FeedContext): { home: string; feed: string } {
  return { home: `${ctx.origin}/${ctx.outlet.id}/`, feed: `${ctx.origin}/${ctx.outlet.id}/${ctx.outlet.feedPath}` };
}

/** Newest publication or update time among the feed's articles (drives Last-Modified and `updated`). */
export function feedUpdated(articles: readonly Article[]): string {
  let newest = 0;
  for (const article of articles) newest = Math.max(newest, Date.parse(article.updated ?? article.published));
  return new Date(newest || Date.UTC(2026, 9, 1)).toISOString();
}

/** Stable identifier of an item across polls. */
export function itemGuid(article: Article): string {
  return `${article.outletId}:${article.slug}`;
}
