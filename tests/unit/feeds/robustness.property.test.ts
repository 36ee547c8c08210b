import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FeedParseError, parseFeed } from '../../../src/feeds/index.js';

const BOMB = `<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY a "boom boom boom boom boom boom boom boom boom boom">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
  <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
  <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
  <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
  <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
  <!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">
]>
<rss version="2.0"><channel><title>Bomb</title><item><title>&i;</title></item></channel></rss>`;

const EXTERNAL = `<?xml version="1.0"?>
<!DOCTYPE rss [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<rss version="2.0"><channel><title>Leak &secret;</title></channel></rss>`;

describe('parseFeed robustness', () => {
  it('parses an ill-formed feed best effort and flags it bozo with a reason', () => {
    const broken = `<rss version="2.0"><channel><title>Night Desk</title>
      <item><title>Storm closes port</title><link>http://night.example/1?a=1&b=2</link></item>
      <item><title>Unclosed <b>bold</title></item>
      <item><title>Roads reopen &nbsp;today</title></item>
    </channel>`;
    const feed = parseFeed(broken);
    expect(feed.bozo).toBe(true);
    expect(feed.bozoReason).toEqual(expect.any(String));
    expect(feed.items.map((i) => i.title)).toEqual(['Storm closes port', 'Unclosed bold', 'Roads reopen \u00a0today']);
    expect(feed.items[0]?.link).toBe('http://night.example/1?a=1&b=2');
  });

  it('keeps a billion-laughs entity bomb small and flags it', () => {
    const feed = parseFeed(BOMB);
    expect(feed.title).toBe('Bomb');
    expect(feed.bozo).toBe(true);
    expect((feed.items[0]?.title ?? '').length).toBeLessThan(2_000_000);
  });

  it('never resolves external entities', () => {
    const feed = parseFeed(EXTERNAL);
    expect(feed.title).not.toContain('root:');
    expect(feed.bozo).toBe(true);
  });

  it('decodes HTML entities that XML does not define', () => {
    const feed = parseFeed(
      '<rss version="2.0"><channel><title>Caf&eacute; &mdash; &copy; 2025</title></channel></rss>',
    );
    expect(feed.title).toBe('Café — © 2025');
  });

  it('throws FeedParseError for an HTML page served where a feed was expected', () => {
    const page = '<!DOCTYPE html><html><head><title>Welcome</title></head><body><p>Hello</p></body></html>';
    expect(() => parseFeed(page, { contentType: 'text/html' })).toThrow(FeedParseError);
  });

  it('throws FeedParseError for an empty body', () => {
    expect(() => parseFeed(new Uint8Array())).toThrow(FeedParseError);
  });

  it('returns a feed or throws FeedParseError for arbitrary strings', () => {
    const markupish = fc.stringMatching(/^[<>/&;#a-z "'=!?[\]-]{0,200}$/);
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), markupish), (text) => {
        try {
          expect(parseFeed(text).items).toBeInstanceOf(Array);
        } catch (error) {
          expect(error).toBeInstanceOf(FeedParseError);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('returns a feed or throws FeedParseError for arbitrary bytes, even after a feed prefix', () => {
    const prefix = new TextEncoder().encode('<rss version="2.0"><channel><title>x</title><item><title>');
    const body = fc
      .uint8Array({ maxLength: 300 })
      .chain((bytes) => fc.constantFrom(bytes, new Uint8Array([...prefix, ...bytes])));
    fc.assert(
      fc.property(
        body,
        fc.constantFrom(null, 'text/xml', 'application/json', 'text/plain; charset=utf-16'),
        (bytes, contentType) => {
          try {
            expect(parseFeed(bytes, { contentType }).encoding).toEqual(expect.any(String));
          } catch (error) {
            expect(error).toBeInstanceOf(FeedParseError);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
