// A news site shaped like production for the cost model: several outlets, each on its own host (its own loopback
// port, so the per-host gate tells them apart), each with an RSS feed that lists `listed` items of which `fresh`
// are new at every poll. The new items are the curated demo's articles, served byte for byte as the demo site
// serves them (their own origin rewritten to the outlet's), so the events per article are the demo's; the items a
// feed listed before are fillers, known to the pipeline from earlier polls.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startDemoSite } from '../../src/demo-site/index.js';
import { parseFeed } from '../../src/feeds/index.js';

/** One demo article as its outlet serves it. */
interface DemoPage {
  /** Path of its feed link on the demo origin (query string kept: some outlets add tracking parameters). */
  linkPath: string;
  title: string;
  published: string;
  body: Buffer;
  contentType: string;
}

export interface ProductionShape {
  /** Items a feed lists at each poll (default 30). */
  listed: number;
  /** Items new at each poll (default 3). */
  fresh: number;
}

/** An item a feed lists: its link and the time it was published. */
export interface ListedItem {
  url: string;
  title: string;
  published: string;
}

export interface ProductionOutlet {
  readonly host: string;
  readonly feed: { url: string; name: string; poll_minutes: number };
  /** The filler items the feed listed before the measured polls, for the bench to record as known. */
  readonly fillers: readonly ListedItem[];
  /** Every item the feed lists, now or after later polls. */
  readonly items: readonly ListedItem[];
}

export interface ProductionSite {
  readonly outlets: readonly ProductionOutlet[];
  /** Polls that bring every demo article once (each brings `fresh` new items per outlet). */
  readonly rounds: number;
  /** Demo articles the measured polls bring. */
  readonly articles: number;
  /** Moves every feed's window on by `fresh` items: the next poll lists them. */
  advance(): void;
  close(): Promise<void>;
}

/**
 * Starts ceil(demo articles / fresh) outlets (one measured round) or `outlets` of them, each listing `listed`
 * items. Before the first `advance` the feeds list fillers only.
 */
export async function startProductionSite(shape: ProductionShape): Promise<ProductionSite> {
  const pages = await demoPages();
  const outletCount = Math.ceil(pages.length / shape.fresh);
  const servers: OutletServer[] = [];
  for (let n = 0; n < outletCount; n += 1) servers.push(await OutletServer.start(n, shape));
  // Demo articles in publication order, dealt to the outlets `fresh` at a time.
  pages.sort((a, b) => a.published.localeCompare(b.published) || a.linkPath.localeCompare(b.linkPath));
  for (const [index, page] of pages.entries()) servers[Math.floor(index / shape.fresh) % outletCount]?.add(page);
  return {
    outlets: servers.map((server) => server.outlet),
    rounds: Math.max(...servers.map((server) => server.rounds)),
    articles: pages.length,
    advance: () => {
      for (const server of servers) server.advance();
    },
    close: async () => {
      await Promise.all(servers.map((server) => server.close()));
    },
  };
}

/** The curated demo's articles as the demo site serves them, each once (aliases are the same article). */
async function demoPages(): Promise<DemoPage[]> {
  const demo = await startDemoSite({ port: 0 });
  try {
    const pages: DemoPage[] = [];
    for (const feed of demo.feeds) {
      const response = await fetch(feed.url);
      const parsed = parseFeed(new Uint8Array(await response.arrayBuffer()), {
        contentType: response.headers.get('content-type'),
        baseUrl: feed.url,
      });
      for (const item of parsed.items) {
        if (!item.link) continue;
        const page = await fetch(item.link);
        const link = new URL(item.link);
        pages.push({
          linkPath: `${link.pathname}${link.search}`,
          title: item.title ?? 'untitled',
          published: item.published ?? '2026-10-01T00:00:00Z',
          // Links on the page name the demo origin; the outlet serving it rewrites them to its own.
          body: Buffer.from(await page.arrayBuffer()),
          contentType: page.headers.get('content-type') ?? 'text/html',
        });
      }
    }
    return pages.map((page) => ({ ...page, body: rewriteOrigin(page.body, demo.origin) }));
  } finally {
    await demo.close();
  }
}

/** Marks the demo origin in a page so the outlet serving it can put its own origin there. */
const ORIGIN_MARK = '@@origin@@';
function rewriteOrigin(body: Buffer, origin: string): Buffer {
  return Buffer.from(body.toString('latin1').split(origin).join(ORIGIN_MARK), 'latin1');
}

class OutletServer {
  private readonly queue: DemoPage[] = [];
  private readonly listed: ListedItem[];
  private readonly pages = new Map<string, DemoPage>();
  private shown = 0;
  readonly outlet: ProductionOutlet;

  private constructor(
    private readonly server: Server,
    private readonly origin: string,
    readonly index: number,
    private readonly shape: ProductionShape,
  ) {
    const fillers = Array.from({ length: shape.listed - shape.fresh }, (_, n) => ({
      url: `${origin}/filler/${n}`,
      title: `Earlier story ${n}`,
      published: new Date(Date.UTC(2026, 8, 1, 0, n)).toISOString(),
    }));
    this.listed = [...fillers];
    const pages = this.queue;
    this.outlet = {
      host: new URL(origin).host,
      feed: { url: `${origin}/feed.xml`, name: `Outlet ${index + 1}`, poll_minutes: 15 },
      fillers,
      get items() {
        return [...fillers, ...pages.map((page) => itemOf(origin, page))];
      },
    };
  }

  static async start(index: number, shape: ProductionShape): Promise<OutletServer> {
    let handler: (req: IncomingMessage, res: ServerResponse) => void = () => undefined;
    const server = createServer((req, res) => handler(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const outlet = new OutletServer(server, origin, index, shape);
    handler = (req, res) => outlet.handle(req, res);
    return outlet;
  }

  get rounds(): number {
    return Math.ceil(this.queue.length / this.shape.fresh);
  }

  add(page: DemoPage): void {
    this.queue.push(page);
    this.pages.set(page.linkPath.split('?')[0] ?? page.linkPath, page);
  }

  /** The next `fresh` demo articles join the top of the feed; the oldest items drop off its end. */
  advance(): void {
    const next = this.queue.slice(this.shown, this.shown + this.shape.fresh);
    this.shown += next.length;
    for (const page of next) this.listed.push(itemOf(this.origin, page));
    this.listed.splice(0, Math.max(0, this.listed.length - this.shape.listed));
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const page = this.pages.get(path);
    if (path === '/robots.txt') send(res, 'text/plain', 'User-agent: *\nAllow: /\n');
    else if (path === '/feed.xml') send(res, 'application/rss+xml; charset=utf-8', this.feed());
    else if (path.startsWith('/filler/'))
      send(res, 'text/html; charset=utf-8', '<!DOCTYPE html><title>Brief</title><p>In brief.</p>');
    else if (page) {
      res.writeHead(200, { 'Content-Type': page.contentType });
      res.end(Buffer.from(page.body.toString('latin1').split(ORIGIN_MARK).join(this.origin), 'latin1'));
    } else res.writeHead(404).end();
  }

  /** RSS 2.0, newest first, as a news site lists its latest stories. */
  private feed(): string {
    const items = [...this.listed]
      .reverse()
      .map(
        (item) =>
          `<item><title>${escapeXml(item.title)}</title><link>${escapeXml(item.url)}</link><guid>${escapeXml(item.url)}</guid><pubDate>${new Date(item.published).toUTCString()}</pubDate></item>`,
      )
      .join('');
    return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${this.outlet.feed.name}</title><link>${this.origin}/</link><description>news</description>${items}</channel></rss>`;
  }
}

function itemOf(origin: string, page: DemoPage): ListedItem {
  return { url: `${origin}${page.linkPath}`, title: page.title, published: page.published };
}

function send(res: ServerResponse, contentType: string, body: string): void {
  res.writeHead(200, { 'Content-Type': contentType });
  res.end(body);
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
