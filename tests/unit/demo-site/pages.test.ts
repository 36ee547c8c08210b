import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { TemplateName } from '../../../src/demo-site/content-schema.js';
import { renderArticlePage } from '../../../src/demo-site/render/index.js';
import { makeArticle, makeOutlet, sampleSite } from './fixtures.js';

const ORIGIN = 'http://127.0.0.1:8080';
const TEMPLATES: TemplateName[] = ['wire', 'globe', 'ledger', 'courier', 'echo'];

function render(template: TemplateName, metadata: 'json-ld' | 'meta-tags', index = 0): Document {
  const site = sampleSite(makeOutlet({ template, metadata }));
  const [outlet] = site.outlets;
  const article = site.articles.get('testpost')?.[index];
  if (!outlet || !article) throw new Error('fixture site is empty');
  return parseHTML(renderArticlePage(site, outlet, article, ORIGIN)).document;
}

describe('article page templates', () => {
  it.each(TEMPLATES)('the %s template shows the headline, every paragraph and the page clutter', (template) => {
    const document = render(template, 'meta-tags');

    const text = document.body.textContent ?? '';
    expect(text).toContain('Norway & Sweden hold talks in Oslo');
    expect(text).toContain('The ministers agreed to meet again next month.');
    expect(document.querySelector('#cookie-consent')).not.toBeNull();
    expect(document.querySelector('#comments')).not.toBeNull();
    expect(document.querySelector('nav')).not.toBeNull();
  });

  it('embeds NewsArticle JSON-LD with headline, author and datePublished for json-ld outlets', () => {
    const document = render('wire', 'json-ld');

    const data = JSON.parse(document.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}');
    expect(data).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Norway & Sweden hold talks in Oslo',
      datePublished: '2026-10-07T10:00:00Z',
    });
    expect(data.author[0].name).toBe('A. Writer');
  });

  it('writes Open Graph and article:published_time meta tags for meta-tag outlets', () => {
    const document = render('globe', 'meta-tags');

    expect(document.querySelector('meta[property="article:published_time"]')?.getAttribute('content')).toBe(
      '2026-10-07T10:00:00Z',
    );
    expect(document.querySelector('time')?.getAttribute('datetime')).toBe('2026-10-07T10:00:00Z');
  });

  it('shows only the teaser and a subscribe box on a paywalled page', () => {
    const document = render('globe', 'meta-tags', 1);

    const text = document.body.textContent ?? '';
    expect(text).toContain('Chile sent two aircraft');
    expect(text).not.toContain('The supplies include tents');
    expect(text).toContain('Subscribe to read');
  });

  it('links rel=canonical to the main URL when the page is served through its alias', () => {
    const outlet = makeOutlet();
    const site = sampleSite(outlet);
    const article = makeArticle(
      outlet,
      'aliased',
      ['headline: H', 'published: 2026-10-08T00:00:00Z', 'author: X', 'alias: amp/aliased'],
      ['One.', 'Two.', 'Three.', 'Four.'],
    );

    const html = renderArticlePage(site, outlet, article, ORIGIN, article.feedLinkPath);

    const canonical = parseHTML(html).document.querySelector('link[rel="canonical"]');
    expect(article.feedLinkPath).toBe('/testpost/amp/aliased');
    expect(canonical?.getAttribute('href')).toBe(`${ORIGIN}/testpost/news/2026/10/aliased`);
  });

  it('separates ledger paragraphs with <br><br> instead of <p> elements', () => {
    const document = render('ledger', 'meta-tags');

    const story = document.querySelector('#ldg-text');
    expect(story?.querySelectorAll('p')).toHaveLength(0);
    expect(story?.querySelectorAll('br').length).toBeGreaterThanOrEqual(6);
  });
});
