import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/extract/index.js';
import { BODY_PARAGRAPHS, clutteredArticlePage, consentWallPage, paywallStubPage, sectionFrontPage } from './pages.js';

const URL = 'https://www.bayherald.example.com/news/2024/03/05/ferry-pier-closes';

describe('extractArticle main text', () => {
  it('keeps the body paragraphs, subheading and list while dropping navigation, banners, captions, related links and comments', () => {
    const article = extractArticle(clutteredArticlePage(), { url: URL });

    for (const paragraph of BODY_PARAGRAPHS) expect(article.text).toContain(paragraph);
    expect(article.text).toContain('What happens next');
    expect(article.text).toContain('Ferry timetable suspended from Monday');
    for (const clutter of [
      'Sport',
      'cookies',
      'Share on',
      'Photo: Staff',
      'Bridge repairs',
      'dangerous for years',
      'Read more',
      'By Jane Example',
      'All rights reserved',
      'tracker',
    ]) {
      expect(article.text).not.toContain(clutter);
    }
  });

  it('separates paragraphs with a blank line and normalises whitespace inside them', () => {
    const html =
      '<html><body><article><p>First   paragraph with\n  odd spacing and enough words to count as prose in a news story today.</p><p>Second paragraph of the same story, also long enough to be kept by the extractor here.</p></article></body></html>';

    const article = extractArticle(html, { url: URL });

    expect(article.text).toBe(
      'First paragraph with odd spacing and enough words to count as prose in a news story today.\n\nSecond paragraph of the same story, also long enough to be kept by the extractor here.',
    );
  });

  it('keeps a results table as one line per row and an embedded quote inside a social embed box', () => {
    const rows = [
      '<tr class="row-item"><td>1</td><td>Harbour Rowing Club</td><td>42</td></tr>',
      '<tr class="row-item"><td>2</td><td>Island Sailing Team</td><td>37</td></tr>',
    ].join('');
    const html = `<html><body><article><p>${BODY_PARAGRAPHS[0]}</p><table><tbody>${rows}</tbody></table><div class="social-embed"><blockquote><p>The pier was part of our childhood and we will miss the morning crossing.</p></blockquote></div><p>${BODY_PARAGRAPHS[1]}</p></article></body></html>`;

    const article = extractArticle(html, { url: URL });

    expect(article.text).toContain('1 Harbour Rowing Club 42\n\n2 Island Sailing Team 37');
    expect(article.text).toContain('The pier was part of our childhood');
  });

  it('counts the words of the clean text', () => {
    const article = extractArticle(clutteredArticlePage(), { url: URL });

    expect(article.wordCount).toBe(article.text.split(/\s+/).filter((w) => /\w/.test(w)).length);
    expect(article.wordCount).toBeGreaterThan(100);
  });
});

describe('extractArticle flags', () => {
  it('flags a short subscription teaser as a paywall stub', () => {
    const article = extractArticle(paywallStubPage(), { url: URL });

    expect(article.flags.paywall).toBe(true);
    expect(article.flags.notArticle).toBe(false);
  });

  it('does not flag a full free article', () => {
    const article = extractArticle(clutteredArticlePage(), { url: URL });

    expect(article.flags).toEqual({ paywall: false, consentWall: false, notArticle: false });
  });

  it('flags a page that is only a cookie consent dialog', () => {
    const article = extractArticle(consentWallPage(), { url: URL });

    expect(article.flags.consentWall).toBe(true);
  });

  it('flags a list of headline links without article metadata as not an article', () => {
    const article = extractArticle(sectionFrontPage(), { url: 'https://www.bayherald.example.com/local' });

    expect(article.flags.notArticle).toBe(true);
  });
});
