import type { Article, ChromeText, Outlet, SiteContent } from '../content-schema.js';
import { renderAtom } from './feed-atom.js';
import type { FeedContext } from './feed-context.js';
import { renderJsonFeed } from './feed-json.js';
import { renderRss } from './feed-rss.js';
import { renderHeadMeta } from './metadata.js';
import { PAGE_TEMPLATES } from './templates/index.js';

export type { FeedContext } from './feed-context.js';
export { feedMediaType, renderOutletHome, renderPrivatePage, renderRobots, renderRootIndex } from './listing.js';

/** Render an outlet's feed in its configured format (RSS 2.0, Atom 1.0 or JSON Feed 1.1). */
export function renderFeed(ctx: FeedContext): string {
  if (ctx.outlet.feedFormat === 'atom') return renderAtom(ctx);
  if (ctx.outlet.feedFormat === 'json') return renderJsonFeed(ctx);
  return renderRss(ctx);
}

/** Chrome text for a language, falling back to English. */
export function chromeFor(content: SiteContent, language: string): ChromeText {
  const chrome = content.chrome[language] ?? content.chrome.en;
  if (!chrome) throw new Error('clutter.json has no "en" entry');
  return chrome;
}

/**
 * Render one article page with its outlet's template.
 * @param requestPath - path it is served at; differs from `article.path` when fetched through an alias.
 */
export function renderArticlePage(
  content: SiteContent,
  outlet: Outlet,
  article: Article,
  origin: string,
  requestPath = article.path,
): string {
  const siblings = content.articles.get(outlet.id) ?? [];
  const url = origin + requestPath;
  const canonicalUrl = origin + article.path;
  return PAGE_TEMPLATES[outlet.template]({
    outlet,
    article,
    related: relatedTo(article, siblings),
    origin,
    chrome: chromeFor(content, article.language ?? outlet.language),
    url,
    canonicalUrl,
    headMeta: renderHeadMeta(outlet, article, url, canonicalUrl),
  });
}

/** Up to six other stories of the outlet, those published before this one first (as a news page would show). */
function relatedTo(article: Article, siblings: readonly Article[]): Article[] {
  const others = siblings.filter((other) => other !== article);
  const at = Date.parse(article.published);
  const earlier = others.filter((other) => Date.parse(other.published) <= at);
  const later = others.filter((other) => Date.parse(other.published) > at).reverse();
  return [...earlier, ...later].slice(0, 6);
}
