import { mkdir, rename, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import { dirname } from 'node:path';
import { WARCRecord, WARCSerializer } from 'warcio';
import { type DemoSite, loadSiteContent, startDemoSite } from '../demo-site/index.js';
import { parseFeed } from '../feeds/index.js';
import type { OutletList } from './outlets.js';

/** What a recorded demo archive holds. */
export interface DemoArchive {
  /** The WARC file written (gzip, one member per record). */
  warc: string;
  /** The outlet list that names the demo outlets, written beside it. */
  outlets: string;
  origin: string;
  /** Response records by kind. */
  responses: { pages: number; feeds: number; other: number };
}

interface Exchange {
  url: string;
  status: number;
  statusText: string;
  headers: [string, string][];
  body: Buffer;
}

/**
 * Records the demo news site into a WARC with warcio's writer, the way a news crawler archives a site: robots.txt,
 * every outlet's feed, every page the feeds link to (as linked: tracking parameters, an AMP alias), and a page that
 * is not there (404), each as a request and a response record. Half the pages are fetched gzip-encoded, as
 * archives often store them. WARC-Date is each response's Last-Modified: as if crawled when it last changed, so a
 * date range picks the days the stories were published. The site is started on `port` (the data folder's demo
 * port, so a later `npm start` on the same folder serves the same URLs: an article found both ways is one).
 */
export async function recordDemoArchive(port: number, warcPath: string, outletsPath: string): Promise<DemoArchive> {
  const site = await startDemoSite({ port });
  try {
    const exchanges = await crawl(site);
    await mkdir(dirname(warcPath), { recursive: true });
    const chunks: Uint8Array[] = [await serialize(await warcInfo(warcPath))];
    for (const exchange of exchanges) {
      chunks.push(await serialize(requestRecord(exchange)));
      chunks.push(await serialize(responseRecord(exchange)));
    }
    await writeFile(`${warcPath}.tmp`, Buffer.concat(chunks));
    await rename(`${warcPath}.tmp`, warcPath);
    await writeFile(outletsPath, `${JSON.stringify(await demoOutlets(site.origin), null, 2)}\n`);
    const feeds = new Set(site.feeds.map((feed) => feed.url));
    const pages = exchanges.filter((e) => e.status === 200 && !feeds.has(e.url) && !e.url.endsWith('/robots.txt'));
    return {
      warc: warcPath,
      outlets: outletsPath,
      origin: site.origin,
      responses: { pages: pages.length, feeds: feeds.size, other: exchanges.length - pages.length - feeds.size },
    };
  } finally {
    await site.close();
  }
}

/** robots.txt, each feed, each page its items link to, and one missing page. */
async function crawl(site: DemoSite): Promise<Exchange[]> {
  const exchanges = [await fetchExchange(`${site.origin}/robots.txt`, false)];
  let n = 0;
  for (const feed of site.feeds) {
    const response = await fetchExchange(feed.url, false);
    exchanges.push(response);
    const contentType = response.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? null;
    const parsed = parseFeed(response.body, { contentType, baseUrl: feed.url });
    for (const item of parsed.items) if (item.link) exchanges.push(await fetchExchange(item.link, n++ % 2 === 0));
  }
  exchanges.push(await fetchExchange(`${site.origin}/wire/article/not-there`, false));
  return exchanges;
}

function fetchExchange(url: string, gzip: boolean): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const request = get(url, { headers: gzip ? { 'Accept-Encoding': 'gzip' } : {} }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () =>
        resolve({
          url,
          status: response.statusCode ?? 0,
          statusText: response.statusMessage ?? '',
          headers: pairs(response.rawHeaders),
          body: Buffer.concat(chunks),
        }),
      );
    });
    request.on('error', reject);
  });
}

function pairs(raw: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i] ?? '', raw[i + 1] ?? '']);
  return out;
}

function crawlDate(exchange: Exchange): string {
  const lastModified = exchange.headers.find(([name]) => name.toLowerCase() === 'last-modified')?.[1];
  const time = lastModified ? Date.parse(lastModified) : Number.NaN;
  return new Date(Number.isNaN(time) ? Date.now() : time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function responseRecord(exchange: Exchange): WARCRecord {
  return WARCRecord.create(
    {
      url: exchange.url,
      date: crawlDate(exchange),
      type: 'response',
      warcVersion: 'WARC/1.1',
      statusline: `HTTP/1.1 ${exchange.status} ${exchange.statusText}`,
      httpHeaders: exchange.headers,
    },
    [exchange.body],
  );
}

function requestRecord(exchange: Exchange): WARCRecord {
  const url = new URL(exchange.url);
  return WARCRecord.create(
    {
      url: exchange.url,
      date: crawlDate(exchange),
      type: 'request',
      warcVersion: 'WARC/1.1',
      statusline: `GET ${url.pathname}${url.search} HTTP/1.1`,
      httpHeaders: [['Host', url.host]],
    },
    [],
  );
}

async function warcInfo(warcPath: string): Promise<WARCRecord> {
  return WARCRecord.createWARCInfo(
    { filename: warcPath.replace(/^.*[\\/]/, ''), warcVersion: 'WARC/1.1' },
    { software: 'eventwire demo archive (warcio.js)', description: 'The bundled demo news site, recorded locally' },
  );
}

async function serialize(record: WARCRecord): Promise<Uint8Array> {
  return WARCSerializer.serialize(record, { gzip: true });
}

/** The demo outlets by URL prefix, named as their feeds are (the same outlet names as a live run stores). */
async function demoOutlets(origin: string): Promise<OutletList> {
  const content = await loadSiteContent();
  return content.outlets.map((outlet) => ({ name: outlet.name, prefix: `${origin}/${outlet.id}/` }));
}
