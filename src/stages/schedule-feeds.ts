import type { FeedSpec } from '../storage/feed-store.js';
import type { ScheduleDeps } from './deps.js';

export type { ScheduleDeps };

/** How long a scheduled feed is leased before a later tick may schedule it again. */
const LEASE_MINUTES = 10;

/**
 * Stage 1: syncs the feed list and sends one message per due feed. Per-feed poll intervals are honoured here,
 * so one schedule serves every feed.
 */
export async function scheduleDueFeeds(
  deps: ScheduleDeps,
  feedList: readonly FeedSpec[],
  options: { everyFeed?: boolean } = {},
): Promise<number> {
  const now = deps.clock();
  await deps.feeds.upsertFeeds(feedList, now);
  // A local run polls every feed now (conditional GETs keep it cheap); the scheduled Lambda only due ones.
  const due = options.everyFeed ? await deps.feeds.list() : await deps.feeds.dueFeeds(now);
  const leaseUntil = new Date(now.getTime() + LEASE_MINUTES * 60_000);
  for (const feed of due) await deps.feeds.lease(feed.feed_id, leaseUntil);
  await deps.queues.feed.send(due.map((feed) => ({ feed_id: feed.feed_id })));
  deps.observer.count('FeedsScheduled', due.length);
  deps.observer.info('feeds scheduled', { due: due.length, known: feedList.length });
  return due.length;
}
