import { beforeAll, describe, expect, it } from 'vitest';
import { detectLanguage, extractArticle, loadLanguageDetector } from '../../../src/extract/index.js';
import { clutteredArticlePage, germanArticlePage } from './pages.js';

describe('language identification with the packaged fastText model', () => {
  beforeAll(async () => {
    await loadLanguageDetector();
  });

  it('identifies German and English article text', () => {
    expect(detectLanguage('Der Stadtrat hat am Dienstag beschlossen, den alten Fähranleger zu schließen.')).toBe('de');
    expect(
      detectLanguage('The council voted on Tuesday to close the old ferry pier after engineers found cracks.'),
    ).toBe('en');
  });

  it('returns null for text too short to judge', () => {
    expect(detectLanguage('OK')).toBeNull();
  });

  it('fills the language of an extracted non-English page from its text, not its declaration', () => {
    const html = germanArticlePage().replace('lang="de"', 'lang="en"');

    const article = extractArticle(html, { url: 'https://zeitung.example.de/lokales/faehre' });

    expect(article.language).toBe('de');
    expect(extractArticle(clutteredArticlePage(), { url: 'https://example.com/a' }).language).toBe('en');
  });
});
