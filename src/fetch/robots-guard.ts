import type { IncomingMessage } from 'node:http';
import { ACCEPT_ENCODING, readBody } from './body.js';
import {
  BlockedAddressError,
  ConnectionError,
  FetchError,
  FetchTimeoutError,
  HttpStatusError,
  RobotsDisallowedError,
} from './errors.js';
import { DEFAULT_ROBOTS_TTL_SECONDS, type FetchPolicy } from './policy.js';
import { redirectTarget } from './response.js';
import { MAX_ROBOTS_BYTES, parseRobots, type RobotsRules } from './robots.js';
import type { RobotsCache } from './robots-cache.js';

/** Opens one pinned, checked request (the fetcher's own exchange, so robots.txt gets the same SSRF guard). */
export type Exchange = (url: URL, headers: Record<string, string>, signal: AbortSignal) => Promise<IncomingMessage>;

/** robots.txt redirects followed (RFC 9309 asks for at least five). */
const MAX_ROBOTS_REDIRECTS = 5;
/** Parsed rules kept per host in process; beyond this many hosts the memo starts afresh. */
const MAX_MEMO_ENTRIES = 1000;

/** Downloads, caches and interprets robots.txt per host for the fetcher. */
export class RobotsGuard {
  private readonly memo = new Map<string, { robotsTxt: string | null; rules: RobotsRules }>();

  constructor(
    private readonly policy: FetchPolicy,
    private readonly cache: RobotsCache,
    private readonly exchange: Exchange,
  ) {}

  /** The rules for the URL's host, from the cache or freshly downloaded (then cached). */
  async rulesFor(url: URL, signal: AbortSignal): Promise<RobotsRules> {
    let robotsTxt = await this.cache.get(url.host);
    if (robotsTxt === undefined) {
      robotsTxt = await this.download(url, signal);
      await this.cache.put(url.host, robotsTxt, this.policy.robotsTtlSeconds ?? DEFAULT_ROBOTS_TTL_SECONDS);
    }
    const memo = this.memo.get(url.origin);
    if (memo !== undefined && memo.robotsTxt === robotsTxt) return memo.rules;
    const rules = parseRobots(robotsTxt, url.origin, this.policy.userAgent);
    if (this.memo.size >= MAX_MEMO_ENTRIES) this.memo.clear();
    this.memo.set(url.origin, { robotsTxt, rules });
    return rules;
  }

  /**
   * RFC 9309 2.3.1: 2xx gives the rules, 4xx means "no robots.txt" (null, everything allowed), and a
   * server error means complete disallow for now (RobotsDisallowedError, retryable, not cached).
   */
  private async download(url: URL, signal: AbortSignal): Promise<string | null> {
    try {
      const response = await this.openFollowingRedirects(new URL('/robots.txt', url.origin), signal);
      // RFC 9309 2.3.1.2: past five redirects the file may be taken as unavailable, i.e. absent.
      if (response === null) return null;
      const status = response.statusCode ?? 0;
      if (status >= 200 && status < 300) {
        const body = await readBody(response, url.origin, MAX_ROBOTS_BYTES, signal);
        return new TextDecoder('utf-8').decode(body);
      }
      response.destroy();
      if (status >= 400 && status < 500 && status !== 429) return null;
      throw new HttpStatusError(`${url.origin}/robots.txt`, status);
    } catch (error) {
      if (signal.aborted || !isUnavailable(error)) throw error;
      throw new RobotsDisallowedError(url.href, { reason: 'is unavailable', retryable: true, cause: error });
    }
  }

  private async openFollowingRedirects(start: URL, signal: AbortSignal): Promise<IncomingMessage | null> {
    const headers = {
      'user-agent': this.policy.userAgent,
      accept: 'text/plain, */*;q=0.5',
      'accept-encoding': ACCEPT_ENCODING,
    };
    let url = start;
    for (let redirects = 0; ; redirects += 1) {
      const response = await this.exchange(url, headers, signal);
      const next = redirectTarget(url, response);
      if (next === undefined) return response;
      if (redirects >= MAX_ROBOTS_REDIRECTS) return null;
      url = next;
    }
  }
}

/**
 * Failures that mean "the host answers but its robots.txt cannot be read". A blocked address or an
 * unreachable host is reported as itself: the page would fail the same way, and that is the better signal.
 */
function isUnavailable(error: unknown): boolean {
  return (
    error instanceof FetchError &&
    !(error instanceof BlockedAddressError) &&
    !(error instanceof FetchTimeoutError) &&
    !(error instanceof ConnectionError)
  );
}
