import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoFeedStore, feedIdOf } from '../../../src/storage/feed-store.js';
import { KnownItems } from '../../../src/storage/known-items.js';
import { startTestStack, type TestStack } from '../../helpers/local-stack.js';

let env: TestStack;
let store: DynamoFeedStore;
const URL = 'http://127.0.0.1/wire/rss.xml';
const now = new Date('2026-10-06T12:00:00.000Z');

beforeAll(async () => {
  env = await startTestStack();
  store = new DynamoFeedStore(env.clients.doc, env.config.tables.feeds);
  await store.upsertFeeds([{ url: URL, name: 'Wire' }], now);
});
afterAll(async () => env.close());

describe('FeedStore on the local DynamoDB-compatible server', () => {
  it('reads a feed with nothing known yet, then with the items it saved', async () => {
    const feedId = feedIdOf(URL);
    const first = await store.getForPoll(feedId);
    const known = KnownItems.empty().remember(['a-1', 'a-2'], 64).sent(['a-2'], now, 0);

    await store.saveKnown(feedId, known);
    const second = await store.getForPoll(feedId);

    expect(first?.feed.url).toBe(URL);
    expect(first?.known.equals(KnownItems.empty())).toBe(true);
    expect(second?.known.equals(known)).toBe(true);
    expect((await store.list()).map((feed) => feed.feed_id)).toEqual([feedId]);
  });

  it('records a poll without moving the feed in the due index when no next poll time is given', async () => {
    const feedId = feedIdOf(URL);
    await store.lease(feedId, new Date(now.getTime() + 15 * 60_000));

    await store.recordPoll(feedId, { status: 'fetched', at: now, etag: '"v2"', items: 2 });

    const feed = await store.get(feedId);
    expect(feed?.next_poll_at).toBe('2026-10-06T12:15:00.000Z');
    expect(feed?.etag).toBe('"v2"');
    expect(await store.dueFeeds(new Date(now.getTime() + 16 * 60_000))).toHaveLength(1);
  });

  it('answers undefined for a feed that is not in the table', async () => {
    expect(await store.getForPoll('missing')).toBeUndefined();
  });
});
