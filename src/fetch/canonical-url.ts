import { getDomain } from 'tldts';
import trackingParams from '../../data/fetch/tracking-params.json' with { type: 'json' };
import { parseFetchUrl } from './target.js';

const TRACKING_EXACT = new Set(trackingParams.exact);
const TRACKING_PREFIXES = trackingParams.prefixes;

/**
 * The canonical form of an article URL, used as its identity: lower-case scheme and host (IDN as punycode),
 * no default port, credentials or fragment, tracking parameters removed, remaining query parameters sorted,
 * percent-encodings of unreserved characters decoded (others upper-cased), trailing slashes removed
 * except for the root. A page's rel=canonical (preferred) or og:url replaces the URL only when it is on the
 * same registrable domain (www. ignored): a page cannot claim another site's identity.
 * @throws InvalidUrlError when the URL is not an absolute http(s) URL
 */
export function canonicalUrl(url: string, hints?: { canonical?: string | null; ogUrl?: string | null }): string {
  const parsed = normalizeUrl(parseFetchUrl(url));
  for (const hint of [hints?.canonical, hints?.ogUrl]) {
    const hinted = hintUrl(hint, parsed);
    if (hinted !== undefined) return hinted.href;
  }
  return parsed.href;
}

function hintUrl(hint: string | null | undefined, page: URL): URL | undefined {
  if (hint === null || hint === undefined || hint.trim() === '') return undefined;
  let url: URL;
  try {
    url = parseFetchUrl(hint.trim(), page);
  } catch {
    return undefined;
  }
  if (siteOf(url.hostname) !== siteOf(page.hostname)) return undefined;
  // A common template slip: an http canonical on an https page; keep the scheme the page was served on.
  if (url.protocol === 'http:' && page.protocol === 'https:' && url.port === '') url.protocol = 'https:';
  return normalizeUrl(url);
}

/** Registrable domain (eTLD+1) of a host; the host itself without `www.` for IPs and single labels. */
function siteOf(hostname: string): string {
  return getDomain(hostname) ?? hostname.replace(/^www\./, '');
}

function normalizeUrl(input: URL): URL {
  const url = new URL(input.href);
  url.hash = '';
  url.username = '';
  url.password = '';
  if (url.hostname.endsWith('.') && url.hostname.length > 1) url.hostname = url.hostname.replace(/\.+$/, '');
  // The pathname setter parses again and may resolve dot segments the first parse kept ("//x/." becomes "//x/"),
  // so the path is normalised until it no longer changes: canonicalUrl(canonicalUrl(u)) === canonicalUrl(u).
  for (let pass = 0; pass < 4; pass += 1) {
    const before = url.pathname;
    url.pathname = trimTrailingSlashes(normalizePercentEncoding(before));
    if (url.pathname === before) break;
  }
  const query = canonicalQuery(url.search);
  url.search = query === '' ? '' : `?${query}`;
  return url;
}

function trimTrailingSlashes(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

function canonicalQuery(search: string): string {
  const pairs = search
    .replace(/^\?/, '')
    .split('&')
    .filter((pair) => pair !== '' && !isTrackingParam(pair))
    .map(normalizePercentEncoding);
  // Sort on the name first so `a=2&a=1` and `a=1&a=2` agree while `a` and `a_b` keep a stable order.
  return pairs
    .map((pair) => ({ pair, name: pair.split('=')[0] ?? '' }))
    .sort((x, y) => compare(x.name, y.name) || compare(x.pair, y.pair))
    .map(({ pair }) => pair)
    .join('&');
}

function isTrackingParam(pair: string): boolean {
  const name = safeDecode((pair.split('=')[0] ?? '').replace(/\+/g, ' ')).toLowerCase();
  return TRACKING_EXACT.has(name) || TRACKING_PREFIXES.some((prefix) => name.startsWith(prefix));
}

/** Decodes %XX of unreserved characters (RFC 3986 2.3) and upper-cases the hex of all others. */
function normalizePercentEncoding(text: string): string {
  return text.replace(/%([0-9a-fA-F]{2})/g, (_match, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return /^[A-Za-z0-9\-._~]$/.test(char) ? char : `%${hex.toUpperCase()}`;
  });
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
