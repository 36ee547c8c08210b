import { describe, expect, it } from 'vitest';
import { HttpStatusError, RateLimitedError } from '../../../src/fetch/index.js';
import { UnknownItemError } from '../../../src/stages/errors.js';
import { fetchFeed } from '../../../src/stages/fetch-feed.js';
import { memoryDeps, NOW } from './in-memory.js';

const FEED_URL = 'http://127.0.0.1/wire/rss.xml';
const rss = (links: string[]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>http://127.0.0.1/</link>${links
    .map(
      (link) => `<item><title>Story</title><link>${link}</link><pubDate>Mon, 05 Oct 2026 08:00:00 GMT</pubDate></item>`,
    )
    .join('')}</channel></rss>`;

function withFeed(options: Parameters<typeof memoryDeps>[0]) {
  const deps = memoryDeps(options);
  deps.feeds.add({ feed_id: 'f-1', url: FEED_URL, etag: '"v1"', poll_minutes: 30 });
  return deps;
}

describe('fetch-feed', () => {
  it('records each new item once and queues the items still waiting to be fetched', async () => {
    const deps = withFeed({ answers: { [FEED_URL]: rss(['http://127.0.0.1/a/1', 'http://127.0.0.1/a/2']) } });
    deps.articles.add({ article_id: 'known-elsewhere' });

    const outcome = await fetchFeed({ feed_id: 'f-1' }, deps);

    expect(outcome).toBe('fetched');
    expect(deps.fetcher.requests[0]).toMatchObject({ url: FEED_URL, etag: '"v1"' });
    expect(deps.queues.article.sent).toHaveLength(2);
    expect(deps.articles.records.size).toBe(3);
    expect(deps.feeds.polls[0]?.outcome).toMatchObject({ status: 'fetched', etag: '"v2"', items: 2 });
    expect(deps.feeds.polls[0]?.outcome.nextPollAt).toEqual(new Date(NOW.getTime() + 30 * 60_000));
  });

  it('does not queue again an item already fetched, stored or coded', async () => {
    const deps = withFeed({ answers: { [FEED_URL]: rss(['http://127.0.0.1/a/1']) } });
    await fetchFeed({ feed_id: 'f-1' }, deps);
    const [first] = [...deps.articles.records.values()];
    deps.articles.add({ ...first!, status: 'coded' });

    await fetchFeed({ feed_id: 'f-1' }, deps);

    expect(deps.queues.article.sent).toHaveLength(1);
    expect(deps.observer.counts.get('ArticlesDiscovered')).toBe(1);
  });

  it('skips the items it listed before without a write each, and puts only the new ones', async () => {
    const links = ['http://127.0.0.1/a/1', 'http://127.0.0.1/a/2', 'http://127.0.0.1/a/3'];
    const deps = withFeed({ answers: { [FEED_URL]: rss(links.slice(0, 2)) } });
    await fetchFeed({ feed_id: 'f-1' }, deps);
    const discovered: string[] = [];
    const discover = deps.articles.discover.bind(deps.articles);
    deps.articles.discover = async (found) => {
      discovered.push(found.url);
      return discover(found);
    };
    deps.fetcher.answers[FEED_URL] = rss(links);

    await fetchFeed({ feed_id: 'f-1' }, deps);

    expect(discovered).toEqual(['http://127.0.0.1/a/3']);
    expect(deps.queues.article.sent).toHaveLength(3);
  });

  it('sends again, an hour on, an item still waiting to be fetched (a lost message), at most three times', async () => {
    const deps = withFeed({ answers: { [FEED_URL]: rss(['http://127.0.0.1/a/1']) } });
    const poll = async (minutes: number) => {
      deps.clock = () => new Date(NOW.getTime() + minutes * 60_000);
      await fetchFeed({ feed_id: 'f-1' }, deps);
      return deps.queues.article.sent.length;
    };

    const sent = [await poll(0), await poll(30), await poll(61), await poll(122), await poll(183), await poll(244)];

    expect(sent).toEqual([1, 1, 2, 3, 4, 4]);
  });

  it('sends nothing again for an item fetched meanwhile, and forgets to check it', async () => {
    const deps = withFeed({ answers: { [FEED_URL]: rss(['http://127.0.0.1/a/1']) } });
    await fetchFeed({ feed_id: 'f-1' }, deps);
    const [article] = [...deps.articles.records.values()];
    deps.articles.add({ ...article!, status: 'stored' });
    deps.clock = () => new Date(NOW.getTime() + 61 * 60_000);

    await fetchFeed({ feed_id: 'f-1' }, deps);

    expect(deps.queues.article.sent).toHaveLength(1);
    expect(deps.feeds.known.get('f-1')?.awaiting).toEqual([]);
  });

  it('sends the new items again when it failed before it could note them as known (a retry after a crash)', async () => {
    const deps = withFeed({ answers: { [FEED_URL]: rss(['http://127.0.0.1/a/1']) } });
    const save = deps.feeds.saveKnown.bind(deps.feeds);
    deps.feeds.saveKnown = async () => {
      throw new Error('killed');
    };
    await expect(fetchFeed({ feed_id: 'f-1' }, deps)).rejects.toThrow('killed');
    deps.feeds.saveKnown = save;

    await fetchFeed({ feed_id: 'f-1' }, deps);

    expect(deps.queues.article.sent).toEqual([
      { article_id: expect.any(String) },
      { article_id: deps.queues.article.sent[0]?.article_id },
    ]);
  });

  it('leaves the next poll time the lease set (its next regular poll), so the feed moves in the due index once', async () => {
    const deps = withFeed({ answers: { [FEED_URL]: rss(['http://127.0.0.1/a/1']) } });
    deps.feeds.add({
      ...deps.feeds.feeds.get('f-1')!,
      next_poll_at: new Date(NOW.getTime() + 30 * 60_000).toISOString(),
    });

    await fetchFeed({ feed_id: 'f-1' }, deps);

    expect(deps.feeds.polls[0]?.outcome.nextPollAt).toBeUndefined();
  });

  it('books the new articles of a host together, each message waiting for its own slot, and sends others plain', async () => {
    const links = ['http://127.0.0.1/a/1', 'http://127.0.0.1/a/2', 'http://other.example/a/3'];
    const deps = withFeed({ answers: { [FEED_URL]: rss(links) } });
    const booked: [string, number][] = [];
    Object.assign(deps.fetcher, {
      reserve: async (url: string, count: number) => {
        booked.push([new URL(url).host, count]);
        if (url.includes('other.example')) throw new Error('robots.txt unavailable');
        return Array.from({ length: count }, (_, n) => ({ host: '127.0.0.1', at: NOW.getTime() + (n + 1) * 1000 }));
      },
    });

    await fetchFeed({ feed_id: 'f-1' }, deps);

    expect(booked).toEqual([
      ['127.0.0.1', 2],
      ['other.example', 1],
    ]);
    const [first, second, third] = deps.queues.article.sent;
    expect(first?.deferral).toMatchObject({
      not_before: '2026-10-06T12:00:01.000Z',
      count: 0,
      slot: { at: NOW.getTime() + 1000 },
    });
    expect(second?.deferral?.not_before).toBe('2026-10-06T12:00:02.000Z');
    expect(third).toEqual({ article_id: expect.any(String) });
    expect(deps.observer.warnings).toContain('host slots not booked ahead');
  });

  it('skips an item whose link is no web URL, with a warning, and keeps the others', async () => {
    const deps = withFeed({ answers: { [FEED_URL]: rss(['mailto:desk@example.org', 'http://127.0.0.1/a/1']) } });

    await fetchFeed({ feed_id: 'f-1' }, deps);

    expect(deps.queues.article.sent).toHaveLength(1);
    expect(deps.observer.warnings).toContain('feed item link is not a valid URL');
  });

  it('records a 304 without parsing or discovering anything', async () => {
    const deps = withFeed({ answers: { [FEED_URL]: { notModified: true } } });

    expect(await fetchFeed({ feed_id: 'f-1' }, deps)).toBe('not-modified');
    expect(deps.feeds.polls[0]?.outcome.status).toBe('not-modified');
    expect(deps.articles.records.size).toBe(0);
  });

  it('records a fetch failure on the feed with a backoff of at least a minute, not as an error', async () => {
    const deps = withFeed({ answers: { [FEED_URL]: new HttpStatusError(FEED_URL, 503) } });

    expect(await fetchFeed({ feed_id: 'f-1' }, deps)).toBe('failed');
    const poll = deps.feeds.polls[0]?.outcome;
    expect(poll).toMatchObject({ status: 'failed', error: `HttpStatusError: HTTP 503 from ${FEED_URL}` });
    expect(poll?.nextPollAt?.getTime()).toBeGreaterThanOrEqual(NOW.getTime() + 60_000);
  });

  it('waits as long as a rate-limited host asks', async () => {
    const deps = withFeed({ answers: { [FEED_URL]: new RateLimitedError(FEED_URL, 7_200_000, { status: 429 }) } });

    await fetchFeed({ feed_id: 'f-1' }, deps);

    expect(deps.feeds.polls[0]?.outcome.nextPollAt).toEqual(new Date(NOW.getTime() + 7_200_000));
  });

  it('records a body that is no feed as a failed poll', async () => {
    const deps = withFeed({ answers: { [FEED_URL]: '' } });

    expect(await fetchFeed({ feed_id: 'f-1' }, deps)).toBe('failed');
    expect(deps.feeds.polls[0]?.outcome.error).toMatch(/^FeedParseError/);
  });

  it('lets an error that is no fetch or parse failure go to the queue for a retry', async () => {
    const deps = withFeed({ answers: { [FEED_URL]: rss(['http://127.0.0.1/a/1']) } });
    deps.articles.discover = async () => {
      throw new Error('DynamoDB is unreachable');
    };

    await expect(fetchFeed({ feed_id: 'f-1' }, deps)).rejects.toThrow('DynamoDB is unreachable');
  });

  it('throws UnknownItemError for a feed that is not in the table', async () => {
    await expect(fetchFeed({ feed_id: 'missing' }, memoryDeps())).rejects.toBeInstanceOf(UnknownItemError);
  });
});
