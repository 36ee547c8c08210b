import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../src/feeds/index.js';

const RSS2 = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
  <title>Harbour Town Gazette</title><link>https://gazette.example/</link>
  <item>
    <title>Council approves ferry budget</title>
    <link>/news/ferry-budget</link>
    <guid isPermaLink="false">gazette-101</guid>
    <pubDate>Tue, 04 Mar 2025 09:15:00 +0100</pubDate>
    <author>desk@gazette.example</author>
    <description>&lt;p&gt;The vote was &lt;b&gt;7 to 2&lt;/b&gt;.&lt;/p&gt;</description>
  </item>
</channel></rss>`;

const RSS1 = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://valley.example/"><title>Valley Notes</title><link>https://valley.example/</link></channel>
  <item rdf:about="https://valley.example/1"><title>Bridge reopens</title><link>https://valley.example/1</link>
    <dc:date>2024-11-02T08:00:00Z</dc:date><dc:creator>R. Ortiz</dc:creator></item>
</rdf:RDF>`;

const RSS090 = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
  <channel><title>Old Wire</title><link>http://old.example/</link></channel>
  <item><title>First story</title><link>http://old.example/a</link></item>
</rdf:RDF>`;

const ATOM10 = `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://atoll.example/blog/">
  <title type="text">Atoll Dispatch</title>
  <link rel="self" href="https://atoll.example/feed.atom"/><link rel="alternate" href="https://atoll.example/"/>
  <entry>
    <title type="html">Ministers &lt;em&gt;meet&lt;/em&gt; again</title>
    <link href="posts/42"/><id>urn:uuid:4d3c2b1a-0000-4000-8000-000000000042</id>
    <published>2025-01-15T12:00:00-05:00</published><updated>2025-01-16T08:30:00Z</updated>
    <author><name>Ada Palmer</name></author>
    <summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Talks <b>resume</b> on Monday.</div></summary>
  </entry>
</feed>`;

const ATOM03 = `<feed version="0.3" xmlns="http://purl.org/atom/ns#">
  <title mode="escaped" type="text/html">Reef &amp;amp; Shore</title>
  <link rel="alternate" type="text/html" href="http://reef.example/"/>
  <entry><title>Tide report</title><link rel="alternate" type="text/html" href="http://reef.example/tide"/>
    <id>tag:reef.example,2004:1</id><issued>2004-06-01T10:00:00Z</issued><modified>2004-06-02T10:00:00Z</modified></entry>
</feed>`;

describe('parseFeed formats', () => {
  it('reads an RSS 2.0 channel and resolves relative item links against the base URL', () => {
    const feed = parseFeed(RSS2, { baseUrl: 'https://gazette.example/rss.xml' });
    expect(feed).toMatchObject({
      format: 'rss2.0',
      title: 'Harbour Town Gazette',
      link: 'https://gazette.example/',
      bozo: false,
    });
    expect(feed.items).toEqual([
      {
        title: 'Council approves ferry budget',
        link: 'https://gazette.example/news/ferry-budget',
        id: 'gazette-101',
        published: '2025-03-04T08:15:00Z',
        updated: null,
        author: 'desk@gazette.example',
        summary: 'The vote was 7 to 2.',
      },
    ]);
  });

  it('reads RSS 1.0 (RDF) items that sit beside the channel, with Dublin Core dates and creators', () => {
    const feed = parseFeed(RSS1);
    expect(feed.format).toBe('rss1.0');
    expect(feed.items[0]).toMatchObject({
      title: 'Bridge reopens',
      updated: '2024-11-02T08:00:00Z',
      author: 'R. Ortiz',
    });
  });

  it('recognises the Netscape RSS 0.90 namespace', () => {
    const feed = parseFeed(RSS090);
    expect(feed.format).toBe('rss0.9');
    expect(feed.items.map((i) => i.link)).toEqual(['http://old.example/a']);
  });

  it('reads Atom 1.0, choosing the alternate link and resolving it against xml:base', () => {
    const feed = parseFeed(ATOM10);
    expect(feed).toMatchObject({ format: 'atom1.0', title: 'Atoll Dispatch', link: 'https://atoll.example/' });
    expect(feed.items[0]).toEqual({
      title: 'Ministers meet again',
      link: 'https://atoll.example/blog/posts/42',
      id: 'urn:uuid:4d3c2b1a-0000-4000-8000-000000000042',
      published: '2025-01-15T17:00:00Z',
      updated: '2025-01-16T08:30:00Z',
      author: 'Ada Palmer',
      summary: 'Talks resume on Monday.',
    });
  });

  it('reads Atom 0.3 with escaped titles and issued/modified dates', () => {
    const feed = parseFeed(ATOM03);
    expect(feed).toMatchObject({ format: 'atom0.3', title: 'Reef & Shore', link: 'http://reef.example/' });
    expect(feed.items[0]).toMatchObject({ published: '2004-06-01T10:00:00Z', updated: '2004-06-02T10:00:00Z' });
  });

  it('reads a JSON Feed 1.1 with authors, HTML content and relative URLs', () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Lantern Street',
      home_page_url: 'https://lantern.example/',
      feed_url: 'https://lantern.example/feed.json',
      items: [
        {
          id: 7,
          url: '/p/7',
          title: 'Market hall sold',
          content_html: '<p>Sold at <i>auction</i>.</p>',
          date_published: '2025-02-01T10:00:00+02:00',
          authors: [{ name: 'Lee' }],
        },
        'not an item',
      ],
    });
    const feed = parseFeed(new TextEncoder().encode(json), { contentType: 'application/feed+json' });
    expect(feed).toMatchObject({
      format: 'json',
      title: 'Lantern Street',
      link: 'https://lantern.example/',
      bozo: true,
    });
    expect(feed.items).toEqual([
      {
        title: 'Market hall sold',
        link: 'https://lantern.example/p/7',
        id: '7',
        published: '2025-02-01T08:00:00Z',
        updated: null,
        author: 'Lee',
        summary: 'Sold at auction.',
      },
    ]);
  });

  it('returns a feed document without entries as an empty feed rather than an error', () => {
    const feed = parseFeed('<rss version="2.0"><channel></channel></rss>');
    expect(feed).toMatchObject({ format: 'rss2.0', title: null, items: [], bozo: false });
  });
});
