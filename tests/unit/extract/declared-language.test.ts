import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/extract/index.js';
import { germanArticlePage } from './pages.js';

describe('language without the fastText model loaded', () => {
  it('falls back to the lang attribute of the page', () => {
    const article = extractArticle(germanArticlePage(), { url: 'https://zeitung.example.de/lokales/faehre' });

    expect(article.language).toBe('de');
  });
});
