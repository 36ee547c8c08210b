import { describeError } from '../core/errors.js';
import { stableId } from '../core/ids.js';
import { withoutCredentials } from '../core/url-credentials.js';
import { type FeedItem, FeedParseError, parseFeed } from '../feeds/index.js';
import { canonicalUrl, FetchError, type HostSlot, nextBackoffMs, RateLimitedError } from '../fetch/index.js';
import { DeferError, deferOrGiveUp } from '../queue/deferral.js';
import type { ArticleMessage, FeedMessage } from '../queue/messages.js';
import type { ArticleDiscovery } from '../storage/article-store.js';
import type { KnownItems } from '../storage/known-items.js';
import type { FeedRecord } from '../storage/records.js';
import type { FetchFeedDeps } from './deps.js';

export type { FetchFeedDeps };

import { UnknownItemError } from './errors.js';

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1';

export type FeedFetchOutcome = 'fetched' | 'not-modified' | 'failed';

/** Items a feed remembers: twice what it lists, within these bounds. */
const MIN_KNOWN = 64;
const MAX_KNOWN = 500;
/** Sent items are checked once they are this old: one still pending is sent again. */
const CHECK_AFTER_MS = 60 * 60_000;
/** Times a pending item is sent again before it is left to the dead-letter queue and `redrive`. */
const MAX_RESENDS = 3;

/**
 * Stage 2: polls one feed with a conditional GET and records every new article it lists. A 304 costs no parsing
 * and no writes beyond the feed's state. Fetch and parse failures are recorded on the feed (with backoff, or the
 * feed's Retry-After), not thrown: the next poll is the retry. A host busy with our other requests defers the poll
 * until its slot. Storage failures are thrown so the queue retries the message.
 */
export async function fetchFeed(message: FeedMessage, deps: FetchFeedDeps): Promise<FeedFetchOutcome> {
  const stored = await deps.feeds.getForPoll(message.feed_id);
  if (!stored) throw new UnknownItemError(`feed ${message.feed_id} is not in the feeds table`);
  const { feed, known } = stored;
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
      await deps.feeds.recordPoll(feed.feed_id, { status: 'not-modified', at: now, ...nextPoll(feed, now) });
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
  const queued = await discoverItems(feed, known, items, deps, now);
  await deps.feeds.recordPoll(feed.feed_id, {
    status: 'fetched',
    at: now,
    etag: response.etag,
    lastModified: response.lastModified,
    items: items.length,
    bytes: response.body.byteLength,
    ...nextPoll(feed, now),
  });
  deps.observer.count('FeedsFetched');
  deps.observer.count('FeedItems', items.length);
  deps.observer.info('feed fetched', { feed: feed.url, items: items.length, queued });
  return 'fetched';
}

/**
 * Records each item the feed had not listed before (one conditional put each, the first time only) and queues
 * those waiting to be fetched. Items it listed before cost nothing: a poll reads one item and writes one whatever
 * the feed lists. Items sent more than CHECK_AFTER_MS ago are checked once by a read: one still pending (its
 * message lost, or dead-lettered) is sent again, up to MAX_RESENDS times. What the feed knows is written after the
 * messages went out, so a retry after a crash sends them again.
 */
async function discoverItems(
  feed: FeedRecord,
  known: KnownItems,
  items: readonly FeedItem[],
  deps: FetchFeedDeps,
  now: Date,
): Promise<number> {
  const listed = listedArticles(feed, items, deps);
  const toFetch: string[] = [];
  for (const found of listed) {
    if (known.has(found.article_id)) continue;
    const { created, record } = await deps.articles.discover(found, now);
    if (created) deps.observer.count('ArticlesDiscovered');
    if (record.status === 'pending') toFetch.push(found.article_id);
  }
  const checkBefore = new Date(now.getTime() - CHECK_AFTER_MS);
  const due = known.due(checkBefore, MAX_RESENDS);
  const statuses = due.length > 0 ? await deps.articles.statuses(due.map((item) => item.id)) : new Map();
  const resend = due.filter((item) => statuses.get(item.id) === 'pending');
  const sent = [...new Set(toFetch)];
  const urls = new Map(listed.map((found) => [found.article_id, found.url]));
  await deps.queues.article.send([
    ...(await spacedOut(sent, urls, deps, now)),
    ...resend.map((item) => ({ article_id: item.id })),
  ]);
  const next = known
    .checked(checkBefore)
    .sent(sent, now, 0)
    .resent(resend, now)
    .remember(
      listed.map((found) => found.article_id),
      Math.min(MAX_KNOWN, Math.max(MIN_KNOWN, 2 * listed.length)),
    );
  if (!next.equals(known)) await deps.feeds.saveKnown(feed.feed_id, next);
  return sent.length + resend.length;
}

/**
 * The messages of new articles, each holding a slot of its host booked with the others of that host in one booking
 * and waiting until it (a deferral from the start): a feed's new articles reach their host an interval apart
 * instead of arriving together and deferring one another. Without slots (a fetcher that books none, or a booking
 * that failed) each article books its own when fetched.
 */
async function spacedOut(
  ids: readonly string[],
  urls: ReadonlyMap<string, string>,
  deps: FetchFeedDeps,
  now: Date,
): Promise<ArticleMessage[]> {
  const byHost = new Map<string, string[]>();
  for (const id of ids) {
    const host = hostOf(urls.get(id));
    byHost.set(host, [...(byHost.get(host) ?? []), id]);
  }
  const messages: ArticleMessage[] = [];
  for (const group of byHost.values()) {
    const slots = await reserveSlots(urls.get(group[0] ?? '') ?? '', group.length, deps);
    for (const [n, article_id] of group.entries()) {
      const slot = slots[n];
      messages.push(
        slot
          ? {
              article_id,
              deferral: {
                since: now.toISOString(),
                not_before: new Date(Math.max(slot.at, now.getTime())).toISOString(),
                count: 0,
                reason: 'waits for the host slot booked when its feed was polled',
                slot,
              },
            }
          : { article_id },
      );
    }
  }
  return messages;
}

async function reserveSlots(url: string, count: number, deps: FetchFeedDeps): Promise<HostSlot[]> {
  if (!deps.fetcher.reserve) return [];
  try {
    return await deps.fetcher.reserve(url, count);
  } catch (error) {
    // A booking is an economy, not a condition: each article books its own slot when it is fetched.
    deps.observer.warn('host slots not booked ahead', { url, error: describeError(error).message });
    return [];
  }
}

function hostOf(url: string | undefined): string {
  try {
    return new URL(url ?? '').host;
  } catch {
    return '';
  }
}

/** The articles a feed lists, once each, in feed order; an item whose link is no web URL is skipped. */
function listedArticles(feed: FeedRecord, items: readonly FeedItem[], deps: FetchFeedDeps): ArticleDiscovery[] {
  const listed = new Map<string, ArticleDiscovery>();
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
    if (listed.has(articleId)) continue;
    listed.set(articleId, {
      article_id: articleId,
      url: link,
      canonical_url: canonical,
      feed_id: feed.feed_id,
      outlet: feed.name,
      title: item.title,
      feed_published: item.published ?? item.updated,
    });
  }
  return [...listed.values()];
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

/**
 * The next poll time to record after a poll: none when the schedule's lease already set the feed's next regular
 * poll (at least half an interval ahead), so the feed does not move in the due index a second time.
 */
function nextPoll(feed: FeedRecord, now: Date): { nextPollAt?: Date } {
  const interval = feed.poll_minutes * 60_000;
  if (Date.parse(feed.next_poll_at) >= now.getTime() + interval / 2) return {};
  return { nextPollAt: new Date(now.getTime() + interval) };
}
