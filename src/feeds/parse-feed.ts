import { decodeBody } from './decode.js';
import { FeedParseError } from './errors.js';
import { mapJsonFeed } from './json-feed.js';
import type { DecodedBody, ParsedFeed, ParseFeedOptions } from './types.js';
import { safeBase } from './urls.js';
import { collectItems, feedTitle, firstChild, mapItem } from './xml-feed.js';
import { detectXmlFormat } from './xml-format.js';
import { alternateLink } from './xml-links.js';
import { parseXmlDocument } from './xml-tree.js';

/** True when the body is JSON: a JSON media type, or `{` as first non-blank character. */
function isJsonBody(body: Uint8Array | string, contentType: string | null | undefined): boolean {
  if (contentType !== null && contentType !== undefined && /\bjson\b/i.test(contentType)) return true;
  if (typeof body === 'string') return /^[\s\ufeff]*\{/.test(body.slice(0, 256));
  const head = decodeBody(body.subarray(0, 256), null, 'json').text;
  return /^[\s\ufeff]*\{/.test(head);
}

function parseJson(decoded: DecodedBody, baseUrl: string | null): ParsedFeed {
  let value: unknown;
  try {
    value = JSON.parse(decoded.text);
  } catch (cause) {
    throw new FeedParseError('body is neither a JSON Feed nor XML', { cause });
  }
  return mapJsonFeed(value, decoded.encoding, baseUrl, decoded.bozoReason);
}

function parseXml(decoded: DecodedBody, baseUrl: string | null): ParsedFeed {
  const doc = parseXmlDocument(decoded.text);
  const format = detectXmlFormat(doc.root, doc.doctype);
  const root = doc.root;
  if (root === null) throw new FeedParseError(`no XML element found (${doc.errors[0] ?? 'empty body'})`);
  if (root.key.toLowerCase() === 'html' || root.key === 'xhtml:html')
    throw new FeedParseError('an HTML page, not a feed');
  const channel = format.startsWith('atom') ? root : (firstChild(root, ['channel']) ?? root);
  const items = collectItems(root).map((el) => mapItem(el, baseUrl));
  const reason = decoded.bozoReason ?? doc.errors[0] ?? null;
  return {
    format,
    encoding: decoded.encoding,
    title: feedTitle(channel),
    link: alternateLink(channel, baseUrl),
    items,
    bozo: reason !== null,
    bozoReason: reason,
  };
}

function parseUnchecked(body: Uint8Array | string, options: ParseFeedOptions): ParsedFeed {
  const baseUrl = safeBase(options.baseUrl);
  const json = isJsonBody(body, options.contentType);
  const decoded: DecodedBody =
    typeof body === 'string'
      ? { text: body.replace(/^\ufeff/, ''), encoding: 'utf-8', bozoReason: null }
      : decodeBody(body, options.contentType, json ? 'json' : 'xml');
  if (decoded.text.trim() === '') throw new FeedParseError('empty body');
  const feed = json ? parseJson(decoded, baseUrl) : parseXml(decoded, baseUrl);
  // A recognised feed document with no entries (yet) is an empty feed, not a failure.
  if (feed.title === null && feed.items.length === 0 && feed.format === 'unknown') {
    throw new FeedParseError(
      `no feed title and no items found${feed.bozoReason !== null ? ` (${feed.bozoReason})` : ''}`,
    );
  }
  return feed;
}

/**
 * Parses an RSS 0.9x/1.0/2.0, Atom 0.3/1.0 or JSON Feed body. Ill-formed input is parsed best effort
 * and flagged `bozo` with a reason; entity bombs and external entities are never expanded or fetched.
 * @param body raw bytes (decoded per BOM, `contentType` charset and XML declaration) or already-decoded text.
 * @param options.contentType HTTP Content-Type of the response (default: none, charset from the document).
 * @param options.baseUrl URL the feed came from, base for relative links (default: none, links kept relative).
 * @throws FeedParseError when nothing usable is found (no feed title and no items), never anything else.
 */
export function parseFeed(body: Uint8Array | string, options: ParseFeedOptions = {}): ParsedFeed {
  try {
    return parseUnchecked(body, options);
  } catch (error) {
    if (error instanceof FeedParseError) throw error;
    // A bug or a resource limit (e.g. stack depth) must still surface as the documented error type.
    throw new FeedParseError('feed could not be parsed', { cause: error });
  }
}
