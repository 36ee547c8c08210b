import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/extract/index.js';
import { toIsoDate } from '../../../src/extract/metadata/dates.js';
import { printedDates } from '../../../src/extract/metadata/printed-dates.js';
import { BODY_PARAGRAPHS } from './pages.js';

const URL = 'https://www.bayherald.example.com/story/ferry-pier-closes';
const body = BODY_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('');

describe('dates', () => {
  it('reads a time without a zone as UTC and a human date in UTC, whatever the machine', () => {
    expect(toIsoDate('2024-03-05 09:30:00')).toBe('2024-03-05T09:30:00.000Z');
    expect(toIsoDate('March 5, 2024 9:30 AM')).toBe('2024-03-05T09:30:00.000Z');
  });

  it('reads printed published and updated lines, and ignores lines without a full date', () => {
    const dates = printedDates(['Bay Herald', 'Published March 4, 2024 | Updated March 5, 2024 10:15', 'March 9']);

    expect(dates.published?.slice(0, 10)).toBe('2024-03-04');
    expect(dates.modified).toBe('2024-03-05T10:15:00.000Z');
  });

  it('takes the dates a page prints above the body when its markup states none', () => {
    const html = `<html><body><article><h1>Ferry pier closes</h1><div class="info">By Jane Example</div><div class="info">Last updated: 6 March 2024</div><div class="info">First published on March 5, 2024</div>${body}</article></body></html>`;

    const article = extractArticle(html, { url: URL });

    expect(article.published?.slice(0, 10)).toBe('2024-03-05');
    expect(article.modified?.slice(0, 10)).toBe('2024-03-06');
  });

  it('reads microdata dates whose attribute names are in camel case, as server-rendered React writes them', () => {
    const html = `<html><body><main><div itemScope itemType="https://schema.org/BlogPosting"><meta itemProp="datePublished" content="2024-03-05T09:30:00Z"><meta itemProp="dateModified" content="2024-03-06T10:00:00Z"></div><article>${body}</article></main></body></html>`;

    const article = extractArticle(html, { url: URL });

    expect(article.published).toBe('2024-03-05T09:30:00.000Z');
    expect(article.modified).toBe('2024-03-06T10:00:00.000Z');
  });

  it("takes a WebPage's JSON-LD dates when the page has no article object", () => {
    const ld = JSON.stringify({ '@type': 'WebPage', datePublished: '2024-03-05', dateModified: '2024-03-07' });
    const html = `<html><head><script type="application/ld+json">${ld}</script></head><body><article>${body}</article></body></html>`;

    const article = extractArticle(html, { url: URL });

    expect(article.published).toBe('2024-03-05T00:00:00.000Z');
    expect(article.modified).toBe('2024-03-07T00:00:00.000Z');
  });
});
