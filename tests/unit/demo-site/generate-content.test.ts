import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/core/random.js';
import { generateSiteContent } from '../../../src/demo-site/generate-content.js';
import { DEFAULT_CONTENT_DIR } from '../../../src/demo-site/load-content.js';

describe('generateSiteContent', () => {
  it('builds the requested number of outlets and articles across all feed formats', async () => {
    const site = await generateSiteContent({ feeds: 6, articlesPerFeed: 5 }, DEFAULT_CONTENT_DIR);

    expect(site.outlets).toHaveLength(6);
    expect([...site.articles.values()].every((list) => list.length === 5)).toBe(true);
    expect(new Set(site.outlets.map((o) => o.feedFormat))).toEqual(new Set(['rss', 'atom', 'json']));
  });

  it('produces identical articles for the same seed and different ones for another seed', async () => {
    const spec = { feeds: 2, articlesPerFeed: 3, seed: 7 };

    const first = await generateSiteContent(spec, DEFAULT_CONTENT_DIR);
    const again = await generateSiteContent(spec, DEFAULT_CONTENT_DIR);
    const other = await generateSiteContent({ ...spec, seed: 8 }, DEFAULT_CONTENT_DIR);

    expect(again.articles.get('gen000')).toEqual(first.articles.get('gen000'));
    expect(other.articles.get('gen000')).not.toEqual(first.articles.get('gen000'));
  });

  it('fills every template placeholder in generated text', async () => {
    const site = await generateSiteContent({ feeds: 3, articlesPerFeed: 20, seed: 1 }, DEFAULT_CONTENT_DIR);

    const text = [...site.articles.values()]
      .flat()
      .flatMap((a) => [a.headline, ...a.paragraphs])
      .join('\n');
    expect(text).not.toMatch(/\{[A-Za-z]+\}/);
  });

  it('draws reproducible numbers in [0, 1) from a seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);

    const draws = Array.from({ length: 100 }, () => a());
    expect(draws).toEqual(Array.from({ length: 100 }, () => b()));
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
