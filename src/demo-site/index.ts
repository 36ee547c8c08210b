import type { SiteContent } from './content-schema.js';
import { DemoServerError } from './errors.js';
import { generateSiteContent } from './generate-content.js';
import { DEFAULT_CONTENT_DIR, loadSiteContent } from './load-content.js';
import { listenLoopback } from './server.js';
import { buildRoutes } from './site-routes.js';

export type { Article, Outlet, SiteContent } from './content-schema.js';
export { DemoContentError, DemoServerError, DemoSiteError } from './errors.js';
export { loadSiteContent } from './load-content.js';

/** Options of {@link startDemoSite}. */
export interface DemoSiteOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Bind address; loopback only. Default `127.0.0.1`. */
  host?: '127.0.0.1';
  /** Serve a synthetic load site of `feeds` x `articlesPerFeed` (deterministic per `seed`) instead of the curated content. */
  generated?: { feeds: number; articlesPerFeed: number; seed?: number };
}

/** A running demo news site. */
export interface DemoSite {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  /** Every outlet's feed with a suggested polling interval. */
  readonly feeds: Array<{ url: string; name: string; poll_minutes: number }>;
  /** Number of distinct articles served (aliases not counted twice). */
  readonly articleCount: number;
  close(): Promise<void>;
}

/**
 * Start the bundled demo news site on loopback: curated outlets from `demo-site/` (RSS, Atom and
 * JSON feeds, article pages with realistic clutter) or, with `generated`, a synthetic load site.
 */
export async function startDemoSite(options: DemoSiteOptions = {}): Promise<DemoSite> {
  const host = options.host ?? '127.0.0.1';
  // The type already says so; this guards untyped callers, since the site must never leave loopback.
  if (host !== '127.0.0.1') throw new DemoServerError(`demo site binds to 127.0.0.1 only, not ${String(host)}`);
  const content: SiteContent = options.generated
    ? await generateSiteContent(options.generated, DEFAULT_CONTENT_DIR)
    : await loadSiteContent(DEFAULT_CONTENT_DIR);
  const running = await listenLoopback(host, options.port ?? 0);
  running.setRoutes(buildRoutes(content, running.origin));
  let articleCount = 0;
  for (const list of content.articles.values()) articleCount += list.length;
  return {
    origin: running.origin,
    feeds: content.outlets.map((outlet) => ({
      url: `${running.origin}/${outlet.id}/${outlet.feedPath}`,
      name: outlet.name,
      poll_minutes: outlet.pollMinutes,
    })),
    articleCount,
    close: () =>
      new Promise<void>((resolve, reject) => {
        running.server.close((error) => (error ? reject(error) : resolve()));
        running.server.closeAllConnections();
      }),
  };
}
