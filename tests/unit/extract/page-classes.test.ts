import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/extract/index.js';
import { BODY_PARAGRAPHS } from './pages.js';

/** Small synthetic pages, one per class of page that extraction used to get wrong (our own words). */

const URL = 'https://www.bayherald.example.com/news/2024/03/05/ferry-pier-closes';
const paragraphs = BODY_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('');

function expectWholeBody(text: string): void {
  for (const paragraph of BODY_PARAGRAPHS) expect(text).toContain(paragraph);
}

describe('extractArticle on pages with unusual markup', () => {
  it('reads a body that the server streams into a hidden container for a script to reveal', () => {
    const html = `<html><head><title>Pier</title></head><body><div hidden id="S:0"><nav><a href="/">Home</a></nav><article><h1>Council closes the old ferry pier</h1>${paragraphs}</article></div><template id="B:0"></template></body></html>`;

    expectWholeBody(extractArticle(html, { url: URL }).text);
  });

  it('still drops a short hidden menu', () => {
    const html = `<html><body><div hidden><p>Open the menu to browse every section of the site.</p></div><article>${paragraphs}</article></body></html>`;

    expect(extractArticle(html, { url: URL }).text).not.toContain('Open the menu');
  });

  it('cleans the body as usual when an element stands between the head and the body tag', () => {
    const pitch =
      '<div class="newsletter-box"><p>Get the morning briefing from the harbour desk in your inbox every day, free.</p></div>';
    const html = `<html><head><title>Pier</title></head><div class="ad-slot-top"></div><body><article>${paragraphs}${pitch}</article></body></html>`;

    const text = extractArticle(html, { url: URL }).text;

    expectWholeBody(text);
    expect(text).not.toContain('morning briefing');
  });

  it('reads the body when an unclosed aside swallows the rest of the page', () => {
    const html = `<html><head><title>Pier</title></head><body><aside class="banner"><p>Tickets for the spring fair are on sale.</p><main><article>${paragraphs}</article></main></body></html>`;

    expectWholeBody(extractArticle(html, { url: URL }).text);
  });
});
