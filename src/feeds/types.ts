/** One entry of a feed, normalised across RSS, Atom and JSON Feed. */
export interface FeedItem {
  title: string | null;
  link: string | null;
  id: string | null;
  /** ISO 8601 (UTC) or null when absent or unparseable. */
  published: string | null;
  /** ISO 8601 (UTC) or null when absent or unparseable. */
  updated: string | null;
  author: string | null;
  summary: string | null;
}

export type FeedFormat = 'rss0.9' | 'rss1.0' | 'rss2.0' | 'atom0.3' | 'atom1.0' | 'json' | 'unknown';

/** A parsed feed. `bozo` is set when the input was not well-formed (like Python feedparser's flag). */
export interface ParsedFeed {
  format: FeedFormat;
  encoding: string;
  title: string | null;
  link: string | null;
  items: FeedItem[];
  bozo: boolean;
  bozoReason: string | null;
}

/** Options of {@link parseFeed}. */
export interface ParseFeedOptions {
  /** HTTP Content-Type header of the response, used for charset precedence (RFC 3023). */
  contentType?: string | null;
  /** URL the feed was fetched from (or Content-Location), base for relative links. */
  baseUrl?: string | null;
}

export type BodyKind = 'xml' | 'html' | 'json';

export interface DecodedBody {
  text: string;
  /** Name of the encoding actually used. */
  encoding: string;
  /** Why the declared encoding was not (fully) honoured, or null. */
  bozoReason: string | null;
}
