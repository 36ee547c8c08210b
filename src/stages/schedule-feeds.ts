import { type FeedSpec, feedIdOf } from '../storage/feed-store.js';
import type { ScheduleDeps } from './deps.js';

export type { ScheduleDeps };

export interface ScheduleOptions {
  /** Poll every feed now, due or not (a local run's `--poll-all`). */
  everyFeed?: boolean;
  /**
   * A local run: due feeds are found by a consistent scan (the local server's index may miss an entry after a
   * kill), and not leased: the in-process queue dies with the process, so a feed left unpolled stays due.
   */
  local?: boolean;
}

/**
 * Stage 1: syncs the feed list and sends one message per due feed. Per-feed poll intervals (and a feed's
 * Retry-After, recorded as its next poll time) are honoured here, so one schedule serves every feed, in Lambda
 * and in local runs alike.
 */
export async function scheduleDueFeeds(
  deps: ScheduleDeps,
  feedList: readonly FeedSpec[],
  options: ScheduleOptions = {},
): Promise<number> {
  const now = deps.clock();
  await deps.feeds.upsertFeeds(feedList, now);
  // Feeds taken off the list stay in the table (with their history) but are no longer polled.
  const listed = new Set(feedList.map((feed) => feedIdOf(feed.url)));
  const candidates = options.everyFeed || options.local ? await deps.feeds.list() : await deps.feeds.dueFeeds(now);
  const due = candidates.filter(
    (feed) => listed.has(feed.feed_id) && (options.everyFeed || Date.parse(feed.next_poll_at) <= now.getTime()),
  );
  // Leased until its next regular poll: a successful poll leaves that time as it is (one move in the due index
  // per poll), and a message lost in flight is polled again then.
  if (!options.local)
    for (const feed of due) await deps.feeds.lease(feed.feed_id, new Date(now.getTime() + feed.poll_minutes * 60_000));
  await deps.queues.feed.send(due.map((feed) => ({ feed_id: feed.feed_id })));
  deps.observer.count('FeedsScheduled', due.length);
  deps.observer.info('feeds scheduled', { due: due.length, known: feedList.length });
  return due.length;
}
