import { beforeAll, describe, expect, it } from 'vitest';
import type { SiteContent } from '../../../src/demo-site/content-schema.js';
import { loadSiteContent } from '../../../src/demo-site/load-content.js';
import { renderArticlePage } from '../../../src/demo-site/render/index.js';
import { extractArticle } from '../../../src/extract/index.js';

/**
 * The demo site's five page layouts carry the chrome news sites have (mastheads with a tagline, menus, share and
 * print toolbars, related rails, comments): every line extracted from a full story is one of its paragraphs.
 */
const ORIGIN = 'http://127.0.0.1:8080';

let site: SiteContent;
beforeAll(async () => {
  site = await loadSiteContent();
});

describe('extractArticle on the demo site', () => {
  it('takes only the story from every page of every layout: no masthead, tagline or toolbar line', () => {
    let pages = 0;
    for (const outlet of site.outlets) {
      for (const article of site.articles.get(outlet.id) ?? []) {
        if (article.paywall) continue;
        const html = renderArticlePage(site, outlet, article, ORIGIN);
        const lines = extractArticle(html, { url: `${ORIGIN}/${outlet.id}/${article.slug}` }).text.split('\n\n');
        const allowed = new Set([...article.paragraphs, ...(article.boilerplate ? [article.boilerplate] : [])]);
        expect(
          lines.filter((line) => !allowed.has(line)),
          `${outlet.id}/${article.slug}`,
        ).toEqual([]);
        pages += 1;
      }
    }
    expect(pages).toBeGreaterThan(25);
  });
});
