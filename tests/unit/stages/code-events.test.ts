import { describe, expect, it } from 'vitest';
import { DeferError } from '../../../src/queue/deferral.js';
import { codeArticle } from '../../../src/stages/code-events.js';
import { UnknownItemError } from '../../../src/stages/errors.js';
import { codedKeyOf } from '../../../src/storage/blob-store.js';
import type { ArticleRecord } from '../../../src/storage/records.js';
import { codedEvent } from '../../helpers/coded-event.js';
import { memoryDeps, NOW } from './in-memory.js';

const talks = codedEvent();
const protest = codedEvent({ type: 'PROTEST', code: '141', quad_class: 3, reciprocal: false, target: null });
const textKey = (id: string) => `text/2026/10/05/wire/${id}.json`;

/** A stored article with its text in the bucket, as fetch-article leaves it. */
function stored(deps: ReturnType<typeof memoryDeps>, id: string, fields: Partial<ArticleRecord> = {}) {
  deps.blobs.objects.set(textKey(id), { text: 'French and German ministers met in Berlin on Monday.' });
  return deps.articles.add({ article_id: id, status: 'stored', text_key: textKey(id), ...fields });
}

describe('code-events', () => {
  it('codes a first copy, records its reports, announces it and keeps its coded output next to its text', async () => {
    const deps = memoryDeps({ events: [talks, protest] });
    stored(deps, 'a');

    expect(await codeArticle({ article_id: 'a' }, deps)).toBe('coded');
    const article = deps.articles.records.get('a');
    expect(article).toMatchObject({ status: 'coded', event_ids: [expect.any(String), expect.any(String)] });
    expect(deps.events.announced).toEqual(['a']);
    expect(deps.blobs.objects.get(codedKeyOf(textKey('a')))).toMatchObject({
      article_id: 'a',
      published_day: '2026-10-05',
      events: [expect.objectContaining({ type: 'CONSULT' }), expect.objectContaining({ type: 'PROTEST' })],
    });
    expect(deps.observer.counts.get('EventsWritten')).toBe(2);
  });

  it('links a copy to its coded first copy: its reports come from the events of the first copy, uncoded', async () => {
    const deps = memoryDeps({ events: [talks] });
    stored(deps, 'first');
    await codeArticle({ article_id: 'first' }, deps);
    stored(deps, 'copy', { duplicate_of: 'first' });

    expect(await codeArticle({ article_id: 'copy' }, deps)).toBe('duplicate');
    expect(deps.coderStub.calls).toBe(1);
    expect(deps.articles.records.get('copy')).toMatchObject({ status: 'duplicate', duplicate_of: 'first' });
    expect(deps.articles.linked.get('first')).toEqual(new Set(['copy']));
    expect([...deps.events.reports.values()][0]).toEqual(new Set(['first', 'copy']));
    expect(deps.events.withdrawals).toEqual([]);
  });

  it('follows a chain of copies to the coded first copy', async () => {
    const deps = memoryDeps({ events: [talks] });
    stored(deps, 'first');
    await codeArticle({ article_id: 'first' }, deps);
    deps.articles.add({ article_id: 'middle', status: 'duplicate', duplicate_of: 'first' });
    stored(deps, 'copy', { duplicate_of: 'middle' });

    expect(await codeArticle({ article_id: 'copy' }, deps)).toBe('duplicate');
    expect([...deps.events.reports.values()][0]).toEqual(new Set(['first', 'copy']));
  });

  it('withdraws what a copy recorded from its own text before it was found to be a copy', async () => {
    const deps = memoryDeps({ events: [talks] });
    stored(deps, 'first');
    await codeArticle({ article_id: 'first' }, deps);
    stored(deps, 'copy', { duplicate_of: 'first' });
    deps.blobs.objects.set(codedKeyOf(textKey('copy')), {
      article_id: 'copy',
      published_day: '2026-10-04',
      events: [protest],
      entities: [],
      quotations: [],
    });

    await codeArticle({ article_id: 'copy' }, deps);

    expect(deps.events.withdrawals).toEqual([
      {
        articleId: 'copy',
        recorded: { events: [protest], day: '2026-10-04' },
        kept: { events: [talks], day: '2026-10-05' },
      },
    ]);
  });

  it('reads the coded object of a copy written before the snake_case names', async () => {
    const deps = memoryDeps({ events: [talks] });
    stored(deps, 'first');
    await codeArticle({ article_id: 'first' }, deps);
    stored(deps, 'copy', { duplicate_of: 'first' });
    const legacy = { articleId: 'copy', publishedDay: '2026-10-04', events: [protest], entities: [], quotations: [] };
    deps.blobs.objects.set(codedKeyOf(textKey('copy')), legacy);

    await codeArticle({ article_id: 'copy' }, deps);

    expect(deps.events.withdrawals[0]?.recorded.day).toBe('2026-10-04');
  });

  it('waits (a DeferError with a not-before time) while the first copy is not coded yet', async () => {
    const deps = memoryDeps({ events: [talks] });
    stored(deps, 'first');
    stored(deps, 'copy', { duplicate_of: 'first' });

    const failure = codeArticle({ article_id: 'copy' }, deps);

    await expect(failure).rejects.toBeInstanceOf(DeferError);
    await expect(failure).rejects.toMatchObject({ notBefore: new Date(NOW.getTime() + 2000) });
    expect(deps.articles.records.get('copy')?.status).toBe('stored');
  });

  it('links instead of coding an article made a copy while it was being coded', async () => {
    const deps = memoryDeps({ events: [talks] });
    stored(deps, 'first');
    await codeArticle({ article_id: 'first' }, deps);
    stored(deps, 'late');
    const markCoded = deps.articles.markCoded.bind(deps.articles);
    deps.articles.markCoded = async (articleId: string, eventIds: string[]) => {
      deps.articles.add({ ...deps.articles.records.get(articleId)!, duplicate_of: 'first' });
      return markCoded(articleId, eventIds);
    };

    expect(await codeArticle({ article_id: 'late' }, deps)).toBe('duplicate');
    expect(deps.articles.records.get('late')).toMatchObject({ status: 'duplicate', duplicate_of: 'first' });
  });

  it('does nothing for an article not waiting to be coded', async () => {
    const deps = memoryDeps({ events: [talks] });
    deps.articles.add({ article_id: 'a', status: 'coded', text_key: textKey('a') });
    deps.articles.add({ article_id: 'b', status: 'pending' });

    expect(await codeArticle({ article_id: 'a' }, deps)).toBe('already-done');
    expect(await codeArticle({ article_id: 'b' }, deps)).toBe('already-done');
    expect(deps.coderStub.calls).toBe(0);
  });

  it('throws UnknownItemError for an article that is not in the table', async () => {
    await expect(codeArticle({ article_id: 'missing' }, memoryDeps())).rejects.toBeInstanceOf(UnknownItemError);
  });
});
