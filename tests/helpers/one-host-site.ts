import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackServer } from './loopback-server.js';

interface Hit {
  path: string;
  at: number;
  authorization: string | undefined;
}

/**
 * A news site on one loopback host: an RSS feed listing `articles` pages, each with its own English text (so no
 * two are copies). `rateLimit` makes chosen article paths answer 429 with a Retry-After until a given time.
 * It records every request, with its time, so a test can check what the site was asked for and when.
 */
export class OneHostSite extends LoopbackServer {
  readonly hits: Hit[] = [];
  /** Paths answering 429 (with `Retry-After: retryAfterSeconds`) while `Date.now() < until`. */
  readonly rateLimited = new Map<string, { until: number; retryAfterSeconds: number }>();
  feedHeaders: Record<string, string> = {};
  /** Written into every article link of the feed (`user:secret@`), as a careless feed might. */
  linkCredentials = '';

  constructor(readonly articles: number) {
    super();
  }

  /** Requests for article pages (not the feed or robots.txt). */
  articleHits(): Hit[] {
    return this.hits.filter((hit) => hit.path.startsWith('/news/'));
  }

  protected handle(request: IncomingMessage, response: ServerResponse): void {
    const path = request.url ?? '/';
    this.hits.push({ path, at: Date.now(), authorization: request.headers.authorization });
    const limited = this.rateLimited.get(path);
    if (limited && Date.now() < limited.until) {
      response.writeHead(429, { 'retry-after': String(limited.retryAfterSeconds) }).end('slow down');
      return;
    }
    const redirect = /^\/redirect\?to=(.+)$/.exec(path);
    if (redirect?.[1]) {
      response.writeHead(302, { location: decodeURIComponent(redirect[1]) }).end();
      return;
    }
    if (path === '/robots.txt') {
      response.writeHead(404).end();
      return;
    }
    if (path === '/feed.xml') {
      response.writeHead(200, { 'content-type': 'application/rss+xml', ...this.feedHeaders }).end(this.feed());
      return;
    }
    const match = /^\/news\/(\d+)$/.exec(path);
    const n = Number(match?.[1]);
    if (!match || n < 1 || n > this.articles) {
      response.writeHead(404).end('not here');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(n));
  }

  private feed(): string {
    const items = Array.from({ length: this.articles }, (_, i) => {
      const n = i + 1;
      const day = String((n % 28) + 1).padStart(2, '0');
      const link = `http://${this.linkCredentials}${this.host}/news/${n}`;
      return `<item><title>Report ${n}</title><link>${link}</link><pubDate>${day} Mar 2025 10:${String(n % 60).padStart(2, '0')}:00 GMT</pubDate></item>`;
    }).join('');
    return `<?xml version="1.0"?><rss version="2.0"><channel><title>One host</title><link>${this.url('/')}</link>${items}</channel></rss>`;
  }
}

const PLACES = ['Nairobi', 'Lima', 'Oslo', 'Hanoi', 'Accra', 'Quito', 'Riga', 'Dakar', 'Manila', 'Tbilisi'];

function page(n: number): string {
  const place = PLACES[n % PLACES.length] ?? 'Oslo';
  const paragraphs = [
    `Report number ${n}: the city council of ${place} met on Monday to discuss the budget for roads number ${n} and ${n + 1}, and members voted after a long debate.`,
    `Officials in ${place} said that the plan numbered ${n * 7} would be reviewed again next month, while residents asked for more buses on route ${n}.`,
    `The mayor told reporters that talks about item ${n * 13} would continue, and a spokesperson added that the council expects a final decision soon.`,
  ];
  return `<!doctype html><html lang="en"><head><title>Report ${n}</title></head><body><article><h1>Report ${n}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
}
