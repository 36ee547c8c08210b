import { describe, expect, it } from 'vitest';
import { scheduleDueFeeds } from '../../../src/stages/schedule-feeds.js';
import { memoryDeps, NOW } from './in-memory.js';

describe('schedule-feeds', () => {
  it('adds new feeds of the list, then leases and sends only the feeds that are due', async () => {
    const deps = memoryDeps();
    deps.feeds.add({ feed_id: 'f-later', url: 'http://127.0.0.1/later.xml', next_poll_at: '2026-10-06T13:00:00.000Z' });

    const scheduled = await scheduleDueFeeds(deps, [{ url: 'http://127.0.0.1/new.xml', name: 'New' }]);

    expect(scheduled).toBe(1);
    expect(deps.queues.feed.sent).toEqual([{ feed_id: 'f-2' }]);
    expect(deps.feeds.leases).toEqual(['f-2']);
    expect(deps.feeds.feeds.get('f-2')?.next_poll_at).toBe(new Date(NOW.getTime() + 10 * 60_000).toISOString());
    expect(deps.observer.counts.get('FeedsScheduled')).toBe(1);
  });

  it('polls every feed when asked to (a local run), due or not', async () => {
    const deps = memoryDeps();
    deps.feeds.add({ feed_id: 'f-later', url: 'http://127.0.0.1/later.xml', next_poll_at: '2026-10-06T13:00:00.000Z' });

    const scheduled = await scheduleDueFeeds(deps, [], { everyFeed: true });

    expect(scheduled).toBe(1);
    expect(deps.queues.feed.sent).toEqual([{ feed_id: 'f-later' }]);
  });

  it('sends nothing when no feed is due', async () => {
    const deps = memoryDeps();
    deps.feeds.add({ feed_id: 'f-later', url: 'http://127.0.0.1/later.xml', next_poll_at: '2026-10-06T13:00:00.000Z' });

    expect(await scheduleDueFeeds(deps, [])).toBe(0);
    expect(deps.queues.feed.sent).toEqual([]);
  });
});
