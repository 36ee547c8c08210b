import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/extract/index.js';
import { clutteredArticlePage } from './pages.js';

const URL = 'https://www.bayherald.example.com/news/2024/03/05/ferry-pier-closes';

function ldScript(value: unknown): string {
  return `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
}

describe('extractArticle metadata', () => {
  it('takes title, byline and dates from JSON-LD inside an @graph before meta tags', () => {
    const head =
      ldScript({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebSite', name: 'Bay Herald' },
          {
            '@type': 'NewsArticle',
            headline: 'Council closes the old ferry pier',
            author: [{ '@type': 'Person', name: 'Jane Example' }],
            datePublished: '2024-03-05T09:30:00+01:00',
            dateModified: '2024-03-05T12:00:00+01:00',
          },
        ],
      }) +
      '<meta property="article:published_time" content="2023-01-01T00:00:00Z"><meta property="og:site_name" content="Bay Herald">';

    const article = extractArticle(clutteredArticlePage(head), { url: URL });

    expect(article.title).toBe('Council closes the old ferry pier');
    expect(article.byline).toBe('Jane Example');
    expect(article.published).toBe('2024-03-05T08:30:00.000Z');
    expect(article.modified).toBe('2024-03-05T11:00:00.000Z');
    expect(article.siteName).toBe('Bay Herald');
  });

  it('falls back to meta tags, then a time element, then the URL date, then the feed date', () => {
    const meta = extractArticle(
      clutteredArticlePage('<meta property="article:published_time" content="2024-03-04T10:00:00Z">'),
      { url: URL },
    );
    const time = extractArticle(
      '<html><body><article><time datetime="2024-02-01T07:00:00Z">1 Feb</time><p>Text.</p></article></body></html>',
      { url: URL },
    );
    const fromUrl = extractArticle('<html><body><p>Text.</p></body></html>', { url: URL });
    const fromFeed = extractArticle('<html><body><p>Text.</p></body></html>', {
      url: 'https://example.com/story',
      feedPublished: 'Tue, 05 Mar 2024 06:00:00 GMT',
    });

    expect(meta.published).toBe('2024-03-04T10:00:00.000Z');
    expect(time.published).toBe('2024-02-01T07:00:00.000Z');
    expect(fromUrl.published).toBe('2024-03-05T00:00:00.000Z');
    expect(fromFeed.published).toBe('2024-03-05T06:00:00.000Z');
  });

  it('skips malformed JSON-LD and still reads the meta tags', () => {
    const head =
      '<script type="application/ld+json">{"@type": "NewsArticle", broken</script><meta name="author" content="Sam Writer">';

    const article = extractArticle(clutteredArticlePage(head), { url: URL });

    expect(article.byline).toBe('Sam Writer');
  });

  it('keeps a canonical URL on the same registrable domain', () => {
    const head = '<link rel="canonical" href="https://bayherald.example.com/news/ferry-pier-closes">';

    const article = extractArticle(clutteredArticlePage(head), { url: URL });

    expect(article.canonicalUrl).toBe('https://bayherald.example.com/news/ferry-pier-closes');
  });

  it('ignores a canonical URL that points at another site and uses a same-site og:url instead', () => {
    const head =
      '<link rel="canonical" href="https://aggregator.example.org/copied/ferry"><meta property="og:url" content="https://www.bayherald.example.com/ferry">';

    const article = extractArticle(clutteredArticlePage(head), { url: URL });

    expect(article.canonicalUrl).toBe('https://www.bayherald.example.com/ferry');
  });

  it('returns no canonical URL when the only one is on another host', () => {
    const head = '<link rel="canonical" href="https://other-news.example.net/ferry">';

    const article = extractArticle(clutteredArticlePage(head), { url: URL });

    expect(article.canonicalUrl).toBeNull();
  });
});
