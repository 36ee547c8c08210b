import { describeError } from '../core/errors.js';
import { stableId } from '../core/ids.js';
import { withoutCredentials } from '../core/url-credentials.js';
import { type FeedItem, FeedParseError, parseFeed } from '../feeds/index.js';
import { canonicalUrl, FetchError, nextBackoffMs, RateLimitedError } from '../fetch/index.js';
import { DeferError, deferOrGiveUp } from '../queue/deferral.js';
import type { FeedMessage } from '../queue/messages.js';
import type { FeedRecord } from '../storage/records.js';
import type { FetchFeedDeps } from './deps.js';

export type { FetchFeedDeps };

import { UnknownItemError } from './errors.js';

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1';

export type FeedFetchOutcome = 'fetched' | 'not-modified' | 'failed';

/**
 * Stage 2: polls one feed with a conditional GET and records every new article it lists. A 304 costs no parsing
 * and no writes beyond the feed's state. Fetch and parse failures are recorded on the feed (with backoff, or the
 * feed's Retry-After), not thrown: the next poll is the retry. A host busy with our other requests defers the poll
 * until its slot. Storage failures are thrown so the queue retries the message.
 */
export async function fetchFeed(message: FeedMessage, deps: FetchFeedDeps): Promise<FeedFetchOutcome> {
  const feed = await deps.feeds.get(message.feed_id);
  if (!feed) throw new UnknownItemError(`feed ${message.feed_id} is not in the feeds table`);
  const now = deps.clock();
  let items: FeedItem[];
  let response: Awaited<ReturnType<FetchFeedDeps['fetcher']['fetch']>>;
  try {
    response = await deps.fetcher.fetch({
      url: feed.url,
      etag: feed.etag,
      lastModified: feed.last_modified,
      accept: FEED_ACCEPT,
      slot: message.deferral?.slot,
    });
    if (response.notModified) {
      await deps.feeds.recordPoll(feed.feed_id, { status: 'not-modified', at: now, nextPollAt: nextPoll(feed, now) });
      deps.observer.count('FeedsNotModified');
      return 'not-modified';
    }
    const parsed = parseFeed(response.body, {
      contentType: response.headers['content-type'] ?? null,
      baseUrl: response.finalUrl,
    });
    if (parsed.bozo)
      deps.observer.warn('feed is not well-formed, parsed best effort', { feed: feed.url, reason: parsed.bozoReason });
    items = parsed.items;
  } catch (error) {
    if (!(error instanceof FetchError || error instanceof FeedParseError)) throw error;
    if (error instanceof RateLimitedError && error.slot) {
      const notBefore = new Date(now.getTime() + error.retryAfterMs);
      const wait = deferOrGiveUp(message.deferral, { notBefore, reason: error.message, slot: error.slot }, now);
      if (wait instanceof DeferError) throw wait;
    }
    await recordFailure(feed, error, deps, now);
    return 'failed';
  }
  const queued = await discoverItems(feed, items, deps, now);
  await deps.feeds.recordPoll(feed.feed_id, {
    status: 'fetched',
    at: now,
    etag: response.etag,
    lastModified: response.lastModified,
    items: items.length,
    bytes: response.body.byteLength,
    nextPollAt: nextPoll(feed, now),
  });
  deps.observer.count('FeedsFetched');
  deps.observer.count('FeedItems', items.length);
  deps.observer.info('feed fetched', { feed: feed.url, items: items.length, queued });
  return 'fetched';
}

/** Records each item once; re-sends those still pending so a lost message is recovered on the next poll. */
async function discoverItems(
  feed: FeedRecord,
  items: readonly FeedItem[],
  deps: FetchFeedDeps,
  now: Date,
): Promise<number> {
  const toFetch: { article_id: string }[] = [];
  for (const item of items) {
    if (!item.link) continue;
    // A link's user name and password are never stored, printed or sent.
    const link = withoutCredentials(item.link);
    let canonical: string;
    try {
      canonical = canonicalUrl(link);
    } catch {
      deps.observer.warn('feed item link is not a valid URL', { feed: feed.url, link });
      continue;
    }
    const articleId = stableId([canonical]);
    const { created, record } = await deps.articles.discover(
      {
        article_id: articleId,
        url: link,
        canonical_url: canonical,
        feed_id: feed.feed_id,
        outlet: feed.name,
        title: item.title,
        feed_published: item.published ?? item.updated,
      },
      now,
    );
    if (created) deps.observer.count('ArticlesDiscovered');
    if (record.status === 'pending') toFetch.push({ article_id: articleId });
  }
  await deps.queues.article.send(toFetch);
  return toFetch.length;
}

async function recordFailure(feed: FeedRecord, error: unknown, deps: FetchFeedDeps, now: Date): Promise<void> {
  const { name, message } = describeError(error);
  const waitMs =
    error instanceof RateLimitedError && error.retryAfterMs
      ? error.retryAfterMs
      : Math.max(nextBackoffMs(feed.health.consecutive_failures + 1), 60_000);
  await deps.feeds.recordPoll(feed.feed_id, {
    status: 'failed',
    at: now,
    error: `${name}: ${message}`,
    nextPollAt: new Date(now.getTime() + waitMs),
  });
  deps.observer.count('FeedsFailed');
  deps.observer.warn('feed fetch failed', { feed: feed.url, error: name, reason: message });
}

function nextPoll(feed: FeedRecord, now: Date): Date {
  return new Date(now.getTime() + feed.poll_minutes * 60_000);
}
