import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody, parseFeed } from '../../../src/feeds/index.js';

const feedText = (title: string, declared = '') =>
  `<?xml version="1.0"${declared}?><rss version="2.0"><channel><title>${title}</title></channel></rss>`;

describe('decodeBody and feed encodings', () => {
  it('decodes windows-1252 bytes declared in the XML prolog', () => {
    const bytes = iconv.encode(feedText('“Quoted” café', ' encoding="windows-1252"'), 'windows-1252');
    const feed = parseFeed(bytes);
    expect(feed).toMatchObject({ title: '“Quoted” café', encoding: 'windows-1252', bozo: false });
  });

  it('decodes UTF-16 with a byte-order mark', () => {
    const bytes = new Uint8Array([
      0xff,
      0xfe,
      ...iconv.encode(feedText('Ünïcode news', ' encoding="utf-16"'), 'utf-16le'),
    ]);
    expect(parseFeed(bytes)).toMatchObject({ title: 'Ünïcode news', encoding: 'utf-16le' });
  });

  it('decodes big-endian UTF-16 without a byte-order mark from the shape of "<?"', () => {
    const bytes = iconv.encode(feedText('Sans BOM'), 'utf-16be');
    expect(parseFeed(bytes).title).toBe('Sans BOM');
  });

  it('lets the HTTP charset of an XML media type override the prolog (RFC 3023)', () => {
    const bytes = iconv.encode(feedText('Новости', ' encoding="iso-8859-1"'), 'koi8-r');
    const feed = parseFeed(bytes, { contentType: 'application/rss+xml; charset=koi8-r' });
    expect(feed).toMatchObject({ title: 'Новости', encoding: 'koi8-r' });
  });

  it('falls back to another encoding and flags bozo when the declared one cannot decode the bytes', () => {
    const bytes = iconv.encode(feedText('Größe'), 'windows-1252');
    const feed = parseFeed(bytes, { contentType: 'text/xml' });
    expect(feed.title).toBe('Größe');
    expect(feed.bozo).toBe(true);
    expect(feed.bozoReason).toContain('us-ascii');
  });

  it('decodes Shift_JIS and Big5 feeds', () => {
    const sjis = iconv.encode(feedText('東京の天気', ' encoding="Shift_JIS"'), 'shift_jis');
    const big5 = iconv.encode(feedText('臺北新聞', ' encoding="big5"'), 'big5');
    expect(parseFeed(sjis).title).toBe('東京の天気');
    expect(parseFeed(big5).title).toBe('臺北新聞');
  });

  it('sniffs the meta charset of an HTML page', () => {
    const html = iconv.encode('<html><head><meta charset="iso-8859-2"></head><body>Łódź</body></html>', 'iso-8859-2');
    const decoded = decodeBody(html, 'text/html', 'html');
    expect(decoded.text).toContain('Łódź');
    expect(decoded.encoding).toBe('iso-8859-2');
  });

  it('reads the curly quotes and dashes of a windows-1252 HTML page, not latin-1 control characters', () => {
    const page = Uint8Array.from([
      ...Buffer.from('<p>'),
      0x93,
      0x61,
      0x94,
      0x20,
      0x96,
      0x20,
      0x91,
      0x62,
      0x92,
      ...Buffer.from('</p>'),
    ]);

    const decoded = decodeBody(page, 'text/html; charset=windows-1252', 'html');

    expect(decoded.text).toBe('<p>\u201ca\u201d \u2013 \u2018b\u2019</p>');
  });
});
