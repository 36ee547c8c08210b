import { describe, expect, it } from 'vitest';
import { type ArchiveEntry, archiveEntries, type RecordFilter } from '../../../src/backfill/archive-records.js';
import { outletMatcher } from '../../../src/backfill/outlets.js';
import { chunksOf, gzipBomb, PAGE, warcOf } from './warc-fixture.js';

const FILTER: RecordFilter = {
  from: '2017-01-01',
  to: '2017-01-31',
  language: 'en',
  outlet: outletMatcher([{ name: 'Example News', domain: 'example.org' }]),
  maxBytes: 100_000,
};

async function read(warc: Uint8Array, filter = FILTER): Promise<ArchiveEntry[]> {
  const entries: ArchiveEntry[] = [];
  for await (const entry of archiveEntries(chunksOf(warc), filter)) entries.push(entry);
  return entries;
}

const fate = (entry: ArchiveEntry | undefined): string =>
  entry === undefined ? 'none' : 'page' in entry ? `page ${entry.page.outlet}` : entry.skipped;

describe('reading WARC records', () => {
  it('keeps an HTTP 200 HTML page of a listed outlet in range, with its body and headers as fetched', async () => {
    const [, entry] = await read(
      await warcOf([
        {
          url: 'https://www.example.org/world/story?utm_source=x',
          headers: [
            ['Content-Type', 'text/html'],
            ['Content-Encoding', 'gzip'],
            ['Last-Modified', 'Sun, 15 Jan 2017 09:00:00 GMT'],
          ],
          body: (await import('node:zlib')).gzipSync(PAGE),
        },
      ]),
    );

    expect(entry && 'page' in entry ? entry.page : null).toMatchObject({
      url: 'https://www.example.org/world/story?utm_source=x',
      canonical: 'https://www.example.org/world/story',
      outlet: 'Example News',
      date: '2017-01-15T10:00:00.000Z',
      headers: { 'content-type': 'text/html', 'last-modified': 'Sun, 15 Jan 2017 09:00:00 GMT' },
    });
    expect(entry && 'page' in entry ? Buffer.from(entry.page.body).toString() : '').toBe(PAGE);
  });

  it('skips every other kind of record by its reason without reading its body', async () => {
    const entries = await read(
      await warcOf([
        { url: 'https://example.org/a', type: 'request' },
        { url: 'https://example.org/b', status: 404 },
        { url: 'https://example.org/c.png', headers: [['Content-Type', 'image/png']] },
        {
          url: 'https://example.org/d',
          headers: [
            ['Content-Type', 'text/html'],
            ['Content-Encoding', 'br'],
          ],
        },
        { url: 'https://example.org/e', date: '2016-12-31T23:59:59Z' },
        { url: 'https://elsewhere.example.net/f' },
        {
          url: 'https://example.org/g',
          headers: [
            ['Content-Type', 'text/html'],
            ['Content-Language', 'fr'],
          ],
        },
        { url: 'https://example.org/h', body: '<html lang="de"><body>Text</body></html>' },
        {
          url: 'https://example.org/i',
          headers: [
            ['Content-Type', 'text/html'],
            ['Content-Encoding', 'gzip'],
          ],
          body: gzipBomb(5_000_000),
        },
        { url: 'ftp://example.org/j' },
      ]),
    );

    expect(entries.map(fate)).toEqual([
      'not-response',
      'not-response',
      'status',
      'not-html',
      'encoding',
      'out-of-range',
      'outlet',
      'language',
      'language',
      'too-large',
      'not-http',
    ]);
  });

  it('gives each record the offset of its gzip member in the file, so a read can start there', async () => {
    const warc = await warcOf([{ url: 'https://example.org/a' }, { url: 'https://example.org/b' }]);
    const entries = await read(warc);
    const second = entries[2]?.offset ?? 0;
    const resumed: ArchiveEntry[] = [];
    for await (const entry of archiveEntries(chunksOf(warc.subarray(second)), FILTER, second)) resumed.push(entry);

    expect(entries.map((entry) => entry.offset)).toEqual([0, expect.any(Number), second]);
    expect(resumed.map((entry) => ('page' in entry ? entry.page.url : ''))).toEqual(['https://example.org/b']);
    expect(resumed[0]?.offset).toBe(second);
  });

  it('keeps every site, named by its domain, when no outlet list or range is given', async () => {
    const entries = await read(await warcOf([{ url: 'https://news.example.co.uk/x', date: '2001-01-01T00:00:00Z' }]), {
      ...FILTER,
      from: null,
      to: null,
      language: null,
      outlet: outletMatcher(null),
    });

    expect(fate(entries[1])).toBe('page example.co.uk');
  });

  it('takes no half-read record of a truncated archive as a page, and keeps the records before it', async () => {
    const warc = await warcOf([
      { url: 'https://example.org/a' },
      { url: 'https://example.org/b', body: 'x'.repeat(5000) },
    ]);

    const entries = await read(warc.subarray(0, warc.length - 40));

    expect(entries.map(fate)).toEqual(['not-response', 'page Example News']);
  });
});
