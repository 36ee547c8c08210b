import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventCoder } from '../../../src/coder/index.js';
import { MemoryHostGate } from '../../../src/fetch/index.js';
import { createStageDeps } from '../../../src/runtime/stage-deps.js';
import { codeArticle, fetchArticle, type MetricName, type StageDeps } from '../../../src/stages/index.js';
import { startTestStack, type TestStack } from '../../helpers/local-stack.js';
import { OneHostSite } from '../../helpers/one-host-site.js';

let env: TestStack;
let site: OneHostSite;
const counts = new Map<MetricName, number>();
let deps: StageDeps;

beforeAll(async () => {
  site = await new OneHostSite(1).start();
  env = await startTestStack([site.host]);
  deps = createStageDeps(
    env.config,
    env.clients,
    {
      feed: { send: async () => undefined },
      article: { send: async () => undefined },
      code: { send: async () => undefined },
    },
    {
      info: () => undefined,
      warn: () => undefined,
      count: (metric, value = 1) => counts.set(metric, (counts.get(metric) ?? 0) + value),
    },
    { gate: new MemoryHostGate(), createCoder: () => createEventCoder() },
  );
}, 60_000);
afterAll(async () => {
  await env.close();
  await site.close();
});

describe('two deliveries of one message handled at the same time (at-least-once delivery, or a resumed run)', () => {
  it('store the article once and count it once', async () => {
    await deps.articles.discover(
      {
        article_id: 'a1',
        url: site.url('/news/1'),
        canonical_url: site.url('/news/1'),
        feed_id: 'f',
        outlet: 'One host',
        title: null,
        feed_published: '2025-03-01T10:00:00Z',
      },
      new Date(),
    );

    const outcomes = await Promise.all([
      fetchArticle({ article_id: 'a1' }, deps),
      fetchArticle({ article_id: 'a1' }, deps),
    ]);

    expect(outcomes.sort()).toEqual(['already-done', 'stored']);
    expect((counts.get('ArticlesStored') ?? 0) + (counts.get('ArticlesSkipped') ?? 0)).toBe(1);
  });

  it('code the article once in the counts', async () => {
    const outcomes = await Promise.all([
      codeArticle({ article_id: 'a1' }, deps),
      codeArticle({ article_id: 'a1' }, deps),
    ]);

    expect(outcomes.sort()).toEqual(['already-done', 'coded']);
    expect(counts.get('ArticlesCoded')).toBe(1);
  });
});
