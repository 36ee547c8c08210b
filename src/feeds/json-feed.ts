import { parseFeedDate } from './dates.js';
import { htmlToText } from './html-text.js';
import type { FeedItem, ParsedFeed } from './types.js';
import { resolveUrl } from './urls.js';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function link(value: unknown, base: string | null): string | null {
  const s = str(value);
  return s === null || /^\s*(javascript|vbscript|data):/i.test(s) ? null : resolveUrl(s, base);
}

/** JSON Feed 1.0 has `author`, 1.1 `authors`; either may be missing or malformed. */
function authorName(item: JsonObject): string | null {
  const authors = Array.isArray(item.authors) ? item.authors : [item.author];
  for (const a of authors) if (isObject(a) && str(a.name) !== null) return str(a.name);
  return null;
}

function summary(item: JsonObject): string | null {
  const text = str(item.summary) ?? str(item.content_text);
  if (text !== null) return text;
  const html = str(item.content_html);
  return html === null ? null : htmlToText(html) || null;
}

function mapItem(item: JsonObject, base: string | null): FeedItem {
  const title = str(item.title);
  return {
    title: title === null ? null : title,
    link: link(item.url, base) ?? link(item.external_url, base),
    id: str(item.id),
    published: parseFeedDate(str(item.date_published)),
    updated: parseFeedDate(str(item.date_modified)),
    author: authorName(item),
    summary: summary(item),
  };
}

/**
 * Maps a parsed JSON value to a feed (JSON Feed 1.0 / 1.1). Items that are not objects are skipped
 * and flag the feed as bozo; an unknown `version` is tolerated but flagged too.
 */
export function mapJsonFeed(
  value: unknown,
  encoding: string,
  baseUrl: string | null,
  decodeReason: string | null,
): ParsedFeed {
  const feed = isObject(value) ? value : {};
  const reasons: string[] = decodeReason === null ? [] : [decodeReason];
  if (!isObject(value)) reasons.push('JSON document is not an object');
  else if (!/^https:\/\/jsonfeed\.org\/version\/1(\.\d+)?$/.test(str(feed.version) ?? ''))
    reasons.push('missing or unknown JSON Feed version');
  const rawItems = Array.isArray(feed.items) ? feed.items : [];
  const base = link(feed.feed_url, baseUrl) ?? baseUrl;
  const items: FeedItem[] = [];
  for (const raw of rawItems) {
    if (isObject(raw)) items.push(mapItem(raw, base));
    else reasons.push('item is not an object');
  }
  return {
    format: 'json',
    encoding,
    title: str(feed.title),
    link: link(feed.home_page_url, base),
    items,
    bozo: reasons.length > 0,
    bozoReason: reasons[0] ?? null,
  };
}
