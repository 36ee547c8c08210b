import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/demo-site/content-schema.js';
import { loadSiteContent } from '../../../src/demo-site/load-content.js';

const content = await loadSiteContent();
const all: Article[] = [...content.articles.values()].flat();
const find = (outlet: string, slug: string): Article | undefined =>
  content.articles.get(outlet)?.find((a) => a.slug === slug);

describe('curated demo content', () => {
  it('has at least three outlets covering RSS, Atom and JSON Feed and 36 articles', () => {
    expect(content.outlets.length).toBeGreaterThanOrEqual(3);
    expect(new Set(content.outlets.map((o) => o.feedFormat))).toEqual(new Set(['rss', 'atom', 'json']));
    expect(all.length).toBeGreaterThanOrEqual(36);
  });

  it('gives every outlet its own page template', () => {
    expect(new Set(content.outlets.map((o) => o.template)).size).toBe(content.outlets.length);
  });

  it('keeps every article between 4 and 10 paragraphs', () => {
    const outOfRange = all.filter((a) => a.paragraphs.length < 4 || a.paragraphs.length > 10).map((a) => a.slug);

    expect(outOfRange).toEqual([]);
  });

  it('publishes every article within two weeks of October 2026', () => {
    const times = all.map((a) => Date.parse(a.published));

    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse('2026-10-05T00:00:00Z'));
    expect(Math.max(...times)).toBeLessThan(Date.parse('2026-10-19T00:00:00Z'));
  });

  it('gives every article a distinct URL', () => {
    const paths = all.flatMap((a) => (a.feedLinkPath === a.path ? [a.path] : [a.path, a.feedLinkPath]));

    expect(new Set(paths).size).toBe(paths.length);
  });

  it('syndicates one wire story verbatim under another outlet and headline', () => {
    const copies = all.filter((a) => a.syndicatedFrom);
    const [copy] = copies;
    const [outlet = '', slug = ''] = (copy?.syndicatedFrom ?? '').split('/');
    const original = find(outlet, slug);

    expect(copies).toHaveLength(1);
    expect(original?.paragraphs).toEqual(copy?.paragraphs);
    expect(original?.headline).not.toBe(copy?.headline);
  });

  it('includes a paywalled story, an aliased story and non-English stories', () => {
    expect(all.some((a) => a.paywall)).toBe(true);
    expect(all.some((a) => a.feedLinkPath !== a.path)).toBe(true);
    expect(content.outlets.some((o) => o.language !== 'en')).toBe(true);
    expect(all.some((a) => a.language === 'es')).toBe(true);
  });
});
