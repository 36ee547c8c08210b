/**
 * The fetch module: eventwire's only network client. SSRF-safe (every hop resolved and checked before
 * connecting), bounded (total deadline, decoded-size cap, redirect limit, no TLS downgrade), polite
 * (User-Agent, robots.txt, per-host gate, Retry-After) and conditional (ETag / Last-Modified).
 */
export { HttpFetcher, type FetchRequest, type FetchResult, type FetcherDeps } from './http-fetcher.js';
export { defaultFetchPolicy, DEFAULT_USER_AGENT, type FetchPolicy } from './policy.js';
export { MemoryHostGate, type HostGate } from './host-gate.js';
export { DynamoHostGate } from './dynamo-host-gate.js';
export { MemoryRobotsCache, DynamoRobotsCache, type RobotsCache } from './robots-cache.js';
export { parseRobots, productToken, type RobotsRules } from './robots.js';
export { canonicalUrl } from './canonical-url.js';
export { isBlockedAddress } from './address-guard.js';
export { nextBackoffMs, parseRetryAfterMs } from './backoff.js';
export { systemResolver, type Resolver } from './target.js';
export {
  FetchError,
  BlockedAddressError,
  InvalidUrlError,
  FetchTimeoutError,
  BodyTooLargeError,
  TooManyRedirectsError,
  RobotsDisallowedError,
  RateLimitedError,
  HttpStatusError,
  TlsDowngradeError,
  ConnectionError,
} from './errors.js';
