import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoSite, startDemoSite } from '../../../src/demo-site/index.js';

let site: DemoSite;

beforeAll(async () => {
  site = await startDemoSite({ port: 0 });
});

afterAll(async () => {
  await site.close();
});

function feedUrl(pathPart: string): string {
  const feed = site.feeds.find((f) => f.url.includes(pathPart));
  if (!feed) throw new Error(`no feed matching ${pathPart}`);
  return feed.url;
}

async function bytesOf(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ response: Response; bytes: Buffer }> {
  const response = await fetch(url, { headers });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

describe('curated demo site over loopback', () => {
  it('binds to 127.0.0.1 and lists one feed per outlet with a polling interval', () => {
    expect(site.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(site.feeds.length).toBeGreaterThanOrEqual(3);
    expect(site.feeds.every((f) => f.url.startsWith(site.origin) && f.poll_minutes > 0)).toBe(true);
    expect(site.articleCount).toBeGreaterThanOrEqual(36);
  });

  it('serves every feed with its media type, an ETag and a Last-Modified date', async () => {
    const responses = await Promise.all(site.feeds.map((f) => fetch(f.url)));

    for (const response of responses) {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/(rss\+xml|atom\+xml|feed\+json); charset=/);
      expect(response.headers.get('etag')).toBeTruthy();
      expect(response.headers.get('last-modified')).toMatch(/GMT$/);
      await response.arrayBuffer();
    }
  });

  it('answers 304 to a repeated request carrying If-None-Match', async () => {
    const first = await fetch(feedUrl('/wire/'));
    await first.arrayBuffer();

    const second = await fetch(feedUrl('/wire/'), { headers: { 'If-None-Match': first.headers.get('etag') ?? '' } });

    expect(second.status).toBe(304);
  });

  it('answers 304 to If-Modified-Since at the Last-Modified date and 200 just before it', async () => {
    const first = await fetch(feedUrl('/echo/'));
    await first.arrayBuffer();
    const lastModified = first.headers.get('last-modified') ?? '';
    const earlier = new Date(Date.parse(lastModified) - 1000).toUTCString();

    const same = await fetch(feedUrl('/echo/'), { headers: { 'If-Modified-Since': lastModified } });
    const older = await fetch(feedUrl('/echo/'), { headers: { 'If-Modified-Since': earlier } });
    await older.arrayBuffer();

    expect(same.status).toBe(304);
    expect(older.status).toBe(200);
  });

  it('gzips responses for clients that accept it and not for those that do not', async () => {
    const zipped = await fetch(feedUrl('/globe/'), { headers: { 'Accept-Encoding': 'gzip' } });
    const plain = await fetch(feedUrl('/globe/'), { headers: { 'Accept-Encoding': 'identity' } });

    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await zipped.text()).toBe(await plain.text());
  });

  it('serves the bozo feed as ill-formed XML whose items a lenient parser still recovers', async () => {
    const { bytes } = await bytesOf(feedUrl('/courier/'));
    const xml = bytes.toString('utf8');

    expect(XMLValidator.validate(xml)).not.toBe(true);
    const items = new XMLParser({ unpairedTags: ['br'] }).parse(xml).rss.channel.item;
    expect(items.length).toBeGreaterThanOrEqual(5);
    expect(String(items[0].link)).toContain('utm_source=');
  });

  it('serves the legacy outlet feed and pages as windows-1252 bytes', async () => {
    const feed = await bytesOf(feedUrl('/ledger/'));
    const page = await bytesOf(`${site.origin}/ledger/news/merz-zelensky-patriots-berlin.html`);

    expect(feed.response.headers.get('content-type')).toContain('charset=windows-1252');
    expect(XMLValidator.validate(feed.bytes.toString('latin1'))).toBe(true);
    expect(page.response.headers.get('content-type')).toBe('text/html; charset=windows-1252');
    expect(page.bytes.includes(Buffer.from([0x93]))).toBe(true); // left curly quote
    expect(page.bytes.includes(Buffer.from([0x96]))).toBe(true); // en dash
    expect(page.bytes.includes(Buffer.from('“', 'utf8'))).toBe(false);
  });

  it('serves a paywall stub, an aliased page with rel=canonical, and ignores utm_ query strings', async () => {
    const stub = await (
      await fetch(`${site.origin}/globe/politics/2026/10/09/starmer-gulf-trip-investment?utm_source=x`)
    ).text();
    const alias = await (await fetch(`${site.origin}/globe/amp/cairo-gaza-reconstruction-talks`)).text();

    expect(stub).toContain('Subscribe to read');
    expect(stub).not.toContain('Typhoon');
    expect(alias).toContain(
      `<link rel="canonical" href="${site.origin}/globe/world/2026/10/14/cairo-gaza-reconstruction-talks">`,
    );
  });

  it('refuses to bind to anything but loopback', async () => {
    const options = { host: '0.0.0.0' } as unknown as Parameters<typeof startDemoSite>[0];

    await expect(startDemoSite(options)).rejects.toThrow(/127\.0\.0\.1 only/);
  });

  it('serves robots.txt disallowing private areas, and 404 for unknown paths', async () => {
    const robots = await (await fetch(`${site.origin}/robots.txt`)).text();
    const missing = await fetch(`${site.origin}/wire/no-such-story`);
    await missing.arrayBuffer();

    expect(robots).toContain('User-agent: *');
    expect(robots).toContain('Disallow: /wire/private/');
    expect(missing.status).toBe(404);
  });

  it('links every feed item to a page that exists on the site', async () => {
    const json = (await (await fetch(feedUrl('/echo/'))).json()) as { items: Array<{ url: string }> };

    const statuses = await Promise.all(json.items.map(async (item) => (await fetch(item.url)).status));

    expect(statuses.every((status) => status === 200)).toBe(true);
  });
});
