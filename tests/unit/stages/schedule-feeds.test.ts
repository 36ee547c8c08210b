import { describe, expect, it } from 'vitest';
import { scheduleDueFeeds } from '../../../src/stages/schedule-feeds.js';
import { feedIdOf } from '../../../src/storage/feed-store.js';
import { memoryDeps, NOW } from './in-memory.js';

const LATER = 'http://127.0.0.1/later.xml';
const NEW = 'http://127.0.0.1/new.xml';

function withLaterFeed() {
  const deps = memoryDeps();
  deps.feeds.add({ feed_id: feedIdOf(LATER), url: LATER, next_poll_at: '2026-10-06T13:00:00.000Z' });
  return deps;
}

describe('schedule-feeds', () => {
  it('adds new feeds of the list, then leases until their next regular poll and sends only the feeds that are due', async () => {
    const deps = withLaterFeed();

    const scheduled = await scheduleDueFeeds(deps, [{ url: LATER }, { url: NEW, name: 'New' }]);

    expect(scheduled).toBe(1);
    expect(deps.queues.feed.sent).toEqual([{ feed_id: feedIdOf(NEW) }]);
    expect(deps.feeds.leases).toEqual([feedIdOf(NEW)]);
    expect(deps.feeds.feeds.get(feedIdOf(NEW))?.next_poll_at).toBe(new Date(NOW.getTime() + 15 * 60_000).toISOString());
    expect(deps.observer.counts.get('FeedsScheduled')).toBe(1);
  });

  it('polls every listed feed when asked to (--poll-all), due or not', async () => {
    const deps = withLaterFeed();

    const scheduled = await scheduleDueFeeds(deps, [{ url: LATER }], { everyFeed: true });

    expect(scheduled).toBe(1);
    expect(deps.queues.feed.sent).toEqual([{ feed_id: feedIdOf(LATER) }]);
  });

  it('sends nothing when no feed is due', async () => {
    const deps = withLaterFeed();

    expect(await scheduleDueFeeds(deps, [{ url: LATER }])).toBe(0);
    expect(deps.queues.feed.sent).toEqual([]);
  });

  it('no longer polls a feed taken off the list, even when asked to poll every feed', async () => {
    const deps = withLaterFeed();

    expect(await scheduleDueFeeds(deps, [], { everyFeed: true })).toBe(0);
    expect(deps.queues.feed.sent).toEqual([]);
  });
});
