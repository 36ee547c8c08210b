import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ProgressObserver } from '../../../src/local/progress.js';
import { runPipeline } from '../../../src/local/runner.js';
import { DynamoArticleStore } from '../../../src/storage/article-store.js';
import { startTestStack, type TestStack } from '../../helpers/local-stack.js';
import { OneHostSite } from '../../helpers/one-host-site.js';

let env: TestStack;

beforeAll(async () => {
  env = await startTestStack();
}, 60_000);
afterAll(async () => env.close());

function quietObserver(): ProgressObserver {
  return new ProgressObserver({ isTTY: false, write: () => true } as unknown as NodeJS.WriteStream);
}

async function run(site: OneHostSite, hostIntervalMs: number, extra: { pollAll?: boolean; maxWaitMs?: number } = {}) {
  const observer = quietObserver();
  const articleMs: number[] = [];
  const result = await runPipeline({
    config: { ...env.config, allowedHosts: [site.host], hostIntervalMs },
    feeds: [{ url: site.url('/feed.xml'), name: `site ${site.host}` }],
    observer,
    dataDir: env.dataDir,
    signal: new AbortController().signal,
    timing: (stage, ms) => {
      if (stage === 'article') articleMs.push(ms);
    },
    ...extra,
  });
  return { result, observer, articleMs };
}

async function statuses(site: OneHostSite): Promise<string[]> {
  const articles = new DynamoArticleStore(env.clients.doc, env.config.tables.articles);
  const found = await Promise.all(
    Array.from({ length: site.articles }, async (_, i) => {
      const all = [...(await articles.pending('fetch')), ...(await articles.pending('code'))];
      return all.some((a) => a.url === site.url(`/news/${i + 1}`)) ? 'waiting' : 'done';
    }),
  );
  return found;
}

describe('one feed listing many articles of one host, with a per-host interval', () => {
  let site: OneHostSite;
  afterEach(async () => site.close());

  it('stores every article, dead-letters none, and never waits for the host inside a stage', async () => {
    site = await new OneHostSite(30).start();

    const { result, observer, articleMs } = await run(site, 600);

    expect(observer.get('ArticlesStored') + observer.get('ArticlesSkipped')).toBe(30);
    expect(observer.get('ArticlesFailed')).toBe(0);
    expect(result.deadLetters).toBe(0);
    expect(result.deferred).toBeGreaterThanOrEqual(29);
    // A stage that slept for the host would take up to 30 intervals; deferring, none takes one.
    expect(Math.max(...articleMs)).toBeLessThan(600);
    const times = site.articleHits().map((hit) => hit.at);
    const gaps = times.slice(1).map((at, i) => at - (times[i] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(500);
  }, 90_000);
});

describe('a host that answers 429 with Retry-After: 120', () => {
  let site: OneHostSite;
  afterEach(async () => site.close());

  it('is asked once; the run ends with its articles left waiting (not failed, not dead-lettered), and a rerun neither re-polls the feed nor asks the host again', async () => {
    site = await new OneHostSite(5).start();
    for (let n = 1; n <= 5; n += 1)
      site.rateLimited.set(`/news/${n}`, { until: Date.now() + 120_000, retryAfterSeconds: 120 });

    const first = await run(site, 200);
    const second = await run(site, 200);

    expect(site.articleHits()).toHaveLength(1);
    expect(site.hits.filter((hit) => hit.path === '/feed.xml')).toHaveLength(1);
    for (const { result, observer } of [first, second]) {
      expect(result.deadLetters).toBe(0);
      expect(observer.get('ArticlesFailed')).toBe(0);
      expect(result.waiting.article).toBe(5);
      expect(result.waiting.until).toBeGreaterThan(Date.now() + 100_000);
    }
    expect(second.result.feeds).toMatchObject({ polled: 0, notDue: 1 });
    expect(await statuses(site)).toEqual(['waiting', 'waiting', 'waiting', 'waiting', 'waiting']);
  }, 60_000);

  it('on its feed, is not asked again before the Retry-After has passed, even when every feed is asked for', async () => {
    site = await new OneHostSite(2).start();
    site.rateLimited.set('/feed.xml', { until: Date.now() + 120_000, retryAfterSeconds: 120 });

    const first = await run(site, 0);
    const second = await run(site, 0);
    const forced = await run(site, 0, { pollAll: true });

    expect(first.observer.get('FeedsFailed')).toBe(1);
    expect(second.result.feeds).toMatchObject({ polled: 0, notDue: 1 });
    expect(forced.result.waiting.feed).toBe(1);
    expect(site.hits.filter((hit) => hit.path === '/feed.xml')).toHaveLength(1);
  }, 60_000);
});

describe('a feed polled twice in a row', () => {
  let site: OneHostSite;
  afterEach(async () => site.close());

  it('is polled again only after its own interval, or when every feed is asked for', async () => {
    site = await new OneHostSite(2).start();

    await run(site, 0);
    const second = await run(site, 0);
    const forced = await run(site, 0, { pollAll: true });

    expect(second.result.feeds.polled).toBe(0);
    expect(Date.parse(second.result.feeds.nextPollAt ?? '')).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(forced.result.feeds.polled).toBe(1);
    expect(site.hits.filter((hit) => hit.path === '/feed.xml')).toHaveLength(2);
  }, 60_000);
});
