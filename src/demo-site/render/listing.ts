import type { Article, Outlet } from '../content-schema.js';
import { escapeXml as esc } from './escape.js';

/** Outlet front page: a plain list of its stories, linking to their main URLs. */
export function renderOutletHome(outlet: Outlet, articles: readonly Article[], origin: string): string {
  const items = articles.map(
    (a) =>
      `<li><a href="${esc(origin + a.path)}">${esc(a.headline)}</a> <small>${a.published.slice(0, 10)}</small></li>`,
  );
  return `<!DOCTYPE html>
<html lang="${esc(outlet.language)}"><head><meta charset="${outlet.encoding}"><title>${esc(outlet.name)}</title>
<link rel="alternate" type="${feedMediaType(outlet)}" href="${esc(`${origin}/${outlet.id}/${outlet.feedPath}`)}"></head>
<body><h1>${esc(outlet.name)}</h1><p>${esc(outlet.tagline)}</p><ul>${items.join('\n')}</ul></body></html>
`;
}

/** Root page of the demo origin listing every outlet and its feed. */
export function renderRootIndex(outlets: readonly Outlet[], origin: string): string {
  const items = outlets.map(
    (o) =>
      `<li><a href="${esc(`${origin}/${o.id}/`)}">${esc(o.name)}</a> – feed (${o.feedFormat}): <a href="${esc(`${origin}/${o.id}/${o.feedPath}`)}">${esc(o.feedPath)}</a></li>`,
  );
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>eventwire demo news site</title></head>
<body><h1>eventwire demo news site</h1><p>Fictional outlets served on loopback for the local pipeline.</p><ul>${items.join('\n')}</ul></body></html>
`;
}

/** robots.txt for the shared origin: everything allowed except each outlet's /private/ area. */
export function renderRobots(outlets: readonly Outlet[]): string {
  const lines = ['User-agent: *', ...outlets.map((o) => `Disallow: /${o.id}/private/`), 'Allow: /', ''];
  return lines.join('\n');
}

/** A page inside a robots-disallowed area, so crawlers that ignore robots.txt are detectable. */
export function renderPrivatePage(outlet: Outlet): string {
  return `<!DOCTYPE html><html><head><meta charset="${outlet.encoding}"><title>Internal</title></head><body><h1>Newsroom drafts</h1><p>Internal use only. Crawlers must not fetch this page.</p></body></html>\n`;
}

/** Media type of an outlet's feed (without charset). */
export function feedMediaType(outlet: Outlet): string {
  if (outlet.feedFormat === 'json') return 'application/feed+json';
  return outlet.feedFormat === 'atom' ? 'application/atom+xml' : 'application/rss+xml';
}
