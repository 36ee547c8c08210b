import type { IncomingMessage } from 'node:http';
import { withoutCredentials } from '../core/url-credentials.js';
import { ACCEPT_ENCODING, readBody } from './body.js';
import {
  FetchError,
  FetchTimeoutError,
  RateLimitedError,
  RobotsDisallowedError,
  TooManyRedirectsError,
} from './errors.js';
import { busyError, type HostGate, type HostSlot, MemoryHostGate } from './host-gate.js';
import { DEFAULT_MIN_HOST_INTERVAL_MS, type FetchPolicy } from './policy.js';
import { redirectTarget, statusError } from './response.js';
import type { RobotsRules } from './robots.js';
import { MemoryRobotsCache, type RobotsCache } from './robots-cache.js';
import { RobotsGuard } from './robots-guard.js';
import { parseFetchUrl, type Resolver, resolveTarget, systemResolver } from './target.js';
import { discardResponse, flattenHeaders, openRequest } from './transport.js';

/** One fetch: the URL, plus the validators remembered from the last successful fetch for a conditional GET. */
export interface FetchRequest {
  url: string;
  etag?: string | null;
  lastModified?: string | null;
  /** Accept header; defaults to HTML-first. */
  accept?: string;
  /** A host slot booked by an earlier attempt, which deferred until then (see HostGate). */
  slot?: HostSlot | undefined;
}

/**
 * A successful (2xx) or not-modified (304) response. `body` is decoded from its Content-Encoding but
 * otherwise untouched (charset decoding is the caller's); `headers` are the final response's, lower-case,
 * without `content-encoding`/`content-length`, which described the wire bytes, not `body`.
 */
export interface FetchResult {
  requestedUrl: string;
  finalUrl: string;
  status: number;
  notModified: boolean;
  headers: Record<string, string>;
  body: Uint8Array;
  etag: string | null;
  lastModified: string | null;
  elapsedMs: number;
}

export interface FetcherDeps {
  gate?: HostGate;
  robots?: RobotsCache;
  resolver?: Resolver;
}

const DEFAULT_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/**
 * The only HTTP client of eventwire. Every hop is resolved and checked before connecting (SSRF guard),
 * robots.txt and the per-host gate are honoured, and one deadline bounds the whole fetch. The gate is never
 * waited for: a request whose host is busy fails at once with a RateLimitedError holding its booked slot, for
 * the caller to defer until then; a 429 or 503 with Retry-After blocks the host's gate for that long.
 * Non-success outcomes are thrown as typed errors from ./errors.ts.
 */
export class HttpFetcher {
  private readonly gate: HostGate;
  private readonly resolver: Resolver;
  private readonly robots: RobotsGuard;

  constructor(
    private readonly policy: FetchPolicy,
    deps: FetcherDeps = {},
  ) {
    this.gate = deps.gate ?? new MemoryHostGate();
    this.resolver = deps.resolver ?? systemResolver;
    this.robots = new RobotsGuard(policy, deps.robots ?? new MemoryRobotsCache(), (url, headers, signal) =>
      this.exchange(url, headers, signal),
    );
  }

  /** Fetches a URL: follows redirects, honours robots.txt and the host gate, and reads the body under the cap. */
  async fetch(request: FetchRequest): Promise<FetchResult> {
    const started = performance.now();
    const deadline = AbortSignal.timeout(this.policy.timeoutMs);
    try {
      const { url, response } = await this.follow(parseFetchUrl(request.url), request, deadline);
      return await this.toResult(request, url, response, deadline, started);
    } catch (error) {
      if (error instanceof FetchError) throw error;
      if (deadline.aborted)
        throw new FetchTimeoutError(withoutCredentials(request.url), this.policy.timeoutMs, { cause: error });
      throw error;
    }
  }

  /**
   * Books `count` consecutive slots of the host of `url`, an interval apart (its robots.txt Crawl-delay counted):
   * the slots of requests that will be sent later, each by the holder of one (see HostGate.reserve).
   */
  async reserve(url: string, count: number): Promise<HostSlot[]> {
    const target = parseFetchUrl(url);
    const deadline = AbortSignal.timeout(this.policy.timeoutMs);
    const { intervalMs } = await this.politeness(target, deadline);
    return this.gate.reserve(target.host, intervalMs, count, deadline);
  }

  private async follow(
    start: URL,
    request: FetchRequest,
    signal: AbortSignal,
  ): Promise<{ url: URL; response: IncomingMessage }> {
    const headers = this.requestHeaders(request);
    let url = start;
    let previousHost: string | undefined;
    for (let redirects = 0; ; redirects += 1) {
      await this.beforeHop(url, previousHost, request.slot, signal);
      const response = await this.exchange(url, headers, signal);
      const next = redirectTarget(url, response);
      if (next === undefined) return { url, response };
      if (redirects >= this.policy.maxRedirects) throw new TooManyRedirectsError(start.href, this.policy.maxRedirects);
      previousHost = url.host;
      url = next;
    }
  }

  /**
   * robots.txt check, then the host gate; a redirect within one host is part of the same visit, not a new one.
   * A slot held from an earlier attempt is used when it is good now; otherwise one is booked, and a slot ahead is
   * thrown back to the caller to wait for.
   */
  private async beforeHop(
    url: URL,
    previousHost: string | undefined,
    held: HostSlot | undefined,
    signal: AbortSignal,
  ): Promise<void> {
    const { rules, intervalMs } = await this.politeness(url, signal);
    if (rules && !rules.isAllowed(url.href)) throw new RobotsDisallowedError(url.href);
    if (url.host === previousHost) return;
    const wait = held?.host === url.host ? this.gate.redeem(held, intervalMs) : null;
    if (held && wait === 0) return;
    if (held && wait !== null) throw busyError(url.href, held, wait);
    const slot = await this.gate.book(url.host, intervalMs, signal);
    const ahead = slot.at - Date.now();
    if (ahead > 0) throw busyError(url.href, slot, ahead);
  }

  /** The host's robots.txt rules (when the policy respects them) and the interval its requests keep. */
  private async politeness(url: URL, signal: AbortSignal): Promise<{ rules: RobotsRules | null; intervalMs: number }> {
    const interval = this.policy.minHostIntervalMs ?? DEFAULT_MIN_HOST_INTERVAL_MS;
    if (!this.policy.respectRobots) return { rules: null, intervalMs: interval };
    const rules = await this.robots.rulesFor(url, signal);
    return { rules, intervalMs: Math.max(interval, rules.crawlDelayMs() ?? 0) };
  }

  private async exchange(url: URL, headers: Record<string, string>, signal: AbortSignal): Promise<IncomingMessage> {
    const target = await resolveTarget(url, this.policy, this.resolver, signal);
    return openRequest(target, headers, signal);
  }

  private requestHeaders(request: FetchRequest): Record<string, string> {
    const headers: Record<string, string> = {
      'user-agent': this.policy.userAgent,
      accept: request.accept ?? DEFAULT_ACCEPT,
      'accept-encoding': ACCEPT_ENCODING,
    };
    if (request.etag) headers['if-none-match'] = request.etag;
    if (request.lastModified) headers['if-modified-since'] = request.lastModified;
    return headers;
  }

  private async toResult(
    request: FetchRequest,
    url: URL,
    response: IncomingMessage,
    signal: AbortSignal,
    started: number,
  ): Promise<FetchResult> {
    const status = response.statusCode ?? 0;
    const headers = flattenHeaders(response.headers);
    const notModified = status === 304;
    if (!notModified && (status < 200 || status > 299)) {
      discardResponse(response);
      const error = statusError(url.href, status, headers['retry-after']);
      // The host asked every client to wait: no request of ours goes to it before then.
      if (error instanceof RateLimitedError) await this.gate.block(url.host, Date.now() + error.retryAfterMs, signal);
      throw error;
    }
    const body = notModified ? new Uint8Array(0) : await readBody(response, url.href, this.policy.maxBytes, signal);
    if (notModified) discardResponse(response);
    delete headers['content-encoding'];
    delete headers['content-length'];
    return {
      requestedUrl: withoutCredentials(request.url),
      finalUrl: url.href,
      status,
      notModified,
      headers,
      body,
      // A 304 may omit its validators; the ones we sent are still the current ones.
      etag: headers.etag ?? (notModified ? (request.etag ?? null) : null),
      lastModified: headers['last-modified'] ?? (notModified ? (request.lastModified ?? null) : null),
      elapsedMs: Math.round(performance.now() - started),
    };
  }
}
