import type { Outlet, SiteContent } from './content-schema.js';
import { feedUpdated } from './render/feed-context.js';
import {
  feedMediaType,
  renderArticlePage,
  renderFeed,
  renderOutletHome,
  renderPrivatePage,
  renderRobots,
  renderRootIndex,
} from './render/index.js';

/** One servable document: rendered lazily, encoded in `charset`, stamped with `lastModified`. */
export interface Resource {
  readonly mediaType: string;
  readonly charset: Outlet['encoding'];
  /** ISO datetime behind the Last-Modified header. */
  readonly lastModified: string;
  render(): string;
}

const SITE_EPOCH = '2026-10-01T00:00:00Z';

/** Map every path of the demo origin (query strings excluded) to the resource served there. */
export function buildRoutes(content: SiteContent, origin: string): Map<string, Resource> {
  const routes = new Map<string, Resource>();
  routes.set('/', {
    mediaType: 'text/html',
    charset: 'utf-8',
    lastModified: SITE_EPOCH,
    render: () => renderRootIndex(content.outlets, origin),
  });
  routes.set('/robots.txt', {
    mediaType: 'text/plain',
    charset: 'utf-8',
    lastModified: SITE_EPOCH,
    render: () => renderRobots(content.outlets),
  });
  for (const outlet of content.outlets) addOutletRoutes(routes, content, outlet, origin);
  return routes;
}

function addOutletRoutes(routes: Map<string, Resource>, content: SiteContent, outlet: Outlet, origin: string): void {
  const articles = content.articles.get(outlet.id) ?? [];
  const charset = outlet.encoding;
  const updated = feedUpdated(articles);
  routes.set(`/${outlet.id}/`, {
    mediaType: 'text/html',
    charset,
    lastModified: updated,
    render: () => renderOutletHome(outlet, articles, origin),
  });
  routes.set(`/${outlet.id}/${outlet.feedPath}`, {
    mediaType: feedMediaType(outlet),
    // JSON must be UTF-8 (RFC 8259), whatever the outlet's legacy page encoding.
    charset: outlet.feedFormat === 'json' ? 'utf-8' : charset,
    lastModified: updated,
    render: () => renderFeed({ outlet, articles, origin }),
  });
  routes.set(`/${outlet.id}/private/drafts`, {
    mediaType: 'text/html',
    charset,
    lastModified: SITE_EPOCH,
    render: () => renderPrivatePage(outlet),
  });
  for (const article of articles) {
    const lastModified = article.updated ?? article.published;
    const page = (path: string): Resource => ({
      mediaType: 'text/html',
      charset,
      lastModified,
      render: () => renderArticlePage(content, outlet, article, origin, path),
    });
    routes.set(article.path, page(article.path));
    if (article.feedLinkPath !== article.path) routes.set(article.feedLinkPath, page(article.feedLinkPath));
  }
}
