import { describe, expect, it } from 'vitest';
import { ConnectionError, HttpStatusError } from '../../../src/fetch/index.js';
import { UnknownItemError } from '../../../src/stages/errors.js';
import { fetchArticle } from '../../../src/stages/fetch-article.js';
import { memoryDeps } from './in-memory.js';

const PARAGRAPHS = [
  'Foreign ministers of France and Germany met in Berlin on Monday to discuss the price of gas this winter.',
  'Officials said the two governments agreed to share storage data every week until the end of the heating season.',
  'The talks followed a sharp rise in wholesale prices that has worried households and small firms in both countries.',
  'A second round of talks is planned for next month in Paris, where the energy ministers are expected to join them.',
];

/** A news article page (NewsArticle metadata) of these paragraphs. */
function page(title: string, paragraphs = PARAGRAPHS, lang = 'en'): string {
  const meta = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: title });
  return `<!doctype html><html lang="${lang}"><head><title>${title}</title><script type="application/ld+json">${meta}</script></head><body><article><h1>${title}</h1>${paragraphs
    .map((p) => `<p>${p}</p>`)
    .join('')}</article></body></html>`;
}

const url = (id: string) => `http://127.0.0.1/${id}`;

describe('fetch-article', () => {
  it('stores the raw page and the text, and hands the first copy of a story to the code stage', async () => {
    const deps = memoryDeps({ answers: { [url('a')]: page('Ministers meet') } });
    deps.articles.add({ article_id: 'a' });

    expect(await fetchArticle({ article_id: 'a' }, deps)).toBe('stored');
    const stored = deps.articles.records.get('a');
    expect(stored).toMatchObject({ status: 'stored', duplicate_of: null, title: 'Ministers meet' });
    expect(deps.blobs.objects.has(stored?.raw_key ?? '')).toBe(true);
    expect(deps.blobs.objects.get(stored?.text_key ?? '')).toMatchObject({
      article_id: 'a',
      word_count: expect.any(Number),
    });
    expect(deps.queues.code.sent).toEqual([{ article_id: 'a' }]);
  });

  it('links a later copy of the same story to the first copy, and still hands it to the code stage', async () => {
    const deps = memoryDeps({
      answers: { [url('first')]: page('Ministers meet'), [url('copy')]: page('Ministers meet (agency)') },
    });
    deps.articles.add({ article_id: 'first', feed_published: '2026-10-05T08:00:00.000Z' });
    deps.articles.add({ article_id: 'copy', feed_published: '2026-10-05T11:00:00.000Z' });

    await fetchArticle({ article_id: 'first' }, deps);
    const outcome = await fetchArticle({ article_id: 'copy' }, deps);

    expect(outcome).toBe('duplicate');
    expect(deps.articles.records.get('copy')).toMatchObject({ status: 'stored', duplicate_of: 'first' });
    expect(deps.queues.code.sent).toEqual([{ article_id: 'first' }, { article_id: 'copy' }]);
  });

  it('makes an earlier-published copy that arrives late the first copy, and demotes the coded one', async () => {
    const deps = memoryDeps({
      answers: { [url('late')]: page('Ministers meet'), [url('early')]: page('Ministers meet') },
    });
    deps.articles.add({ article_id: 'late', feed_published: '2026-10-05T11:00:00.000Z' });
    deps.articles.add({ article_id: 'early', feed_published: '2026-10-05T08:00:00.000Z' });
    await fetchArticle({ article_id: 'late' }, deps);
    deps.articles.add({ ...deps.articles.records.get('late')!, status: 'coded' });

    expect(await fetchArticle({ article_id: 'early' }, deps)).toBe('stored');
    expect(deps.articles.records.get('early')?.duplicate_of).toBeNull();
    expect(deps.articles.records.get('late')).toMatchObject({ status: 'stored', duplicate_of: 'early' });
    expect(deps.queues.code.sent).toEqual([{ article_id: 'late' }, { article_id: 'late' }, { article_id: 'early' }]);
  });

  it('stores but does not code a page too short to code, saying why', async () => {
    const deps = memoryDeps({ answers: { [url('a')]: page('Brief', ['Ministers met in Berlin on Monday.']) } });
    deps.articles.add({ article_id: 'a' });

    expect(await fetchArticle({ article_id: 'a' }, deps)).toBe('skipped');
    expect(deps.articles.records.get('a')?.reason).toMatch(/^too short to code/);
    expect(deps.queues.code.sent).toEqual([]);
  });

  it('stores but does not code a page in another language than English', async () => {
    const deps = memoryDeps({ answers: { [url('a')]: page('Réunion', PARAGRAPHS, 'fr') } });
    deps.articles.add({ article_id: 'a' });

    expect(await fetchArticle({ article_id: 'a' }, deps)).toBe('skipped');
    expect(deps.articles.records.get('a')?.reason).toBe('language fr: the event coder reads English only');
  });

  it('records a permanent fetch failure on the article with its reason', async () => {
    const deps = memoryDeps({ answers: { [url('a')]: new HttpStatusError(url('a'), 404) } });
    deps.articles.add({ article_id: 'a' });

    expect(await fetchArticle({ article_id: 'a' }, deps)).toBe('failed');
    expect(deps.articles.records.get('a')).toMatchObject({
      status: 'failed',
      reason: `HttpStatusError: HTTP 404 from ${url('a')}`,
    });
  });

  it('notes a transient failure and throws it for the queue to retry, the article still pending', async () => {
    const deps = memoryDeps({ answers: { [url('a')]: new ConnectionError(url('a'), 'ECONNRESET') } });
    deps.articles.add({ article_id: 'a' });

    await expect(fetchArticle({ article_id: 'a' }, deps)).rejects.toBeInstanceOf(ConnectionError);
    expect(deps.articles.records.get('a')).toMatchObject({ status: 'pending', attempts: 1 });
  });

  it('sends a stored article to the code stage again (its first delivery may have died), fetching nothing', async () => {
    const deps = memoryDeps();
    deps.articles.add({ article_id: 'a', status: 'stored' });

    expect(await fetchArticle({ article_id: 'a' }, deps)).toBe('already-done');
    expect(deps.queues.code.sent).toEqual([{ article_id: 'a' }]);
    expect(deps.fetcher.requests).toEqual([]);
  });

  it('does nothing for an article already coded, linked, skipped or failed', async () => {
    const deps = memoryDeps();
    for (const status of ['coded', 'duplicate', 'skipped', 'failed'] as const) {
      deps.articles.add({ article_id: status, status });
      expect(await fetchArticle({ article_id: status }, deps)).toBe('already-done');
    }
    expect(deps.queues.code.sent).toEqual([]);
  });

  it('throws UnknownItemError for an article that is not in the table', async () => {
    await expect(fetchArticle({ article_id: 'missing' }, memoryDeps())).rejects.toBeInstanceOf(UnknownItemError);
  });
});
