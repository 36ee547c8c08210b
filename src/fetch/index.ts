/**
 * The fetch module: eventwire's only network client. SSRF-safe (every hop resolved and checked before
 * connecting), bounded (total deadline, decoded-size cap, redirect limit, no TLS downgrade), polite
 * (User-Agent, robots.txt, per-host gate, Retry-After) and conditional (ETag / Last-Modified).
 */

export { isBlockedAddress } from './address-guard.js';
export { nextBackoffMs, parseRetryAfterMs } from './backoff.js';
export { canonicalUrl } from './canonical-url.js';
export { DynamoHostGate } from './dynamo-host-gate.js';
export {
  BlockedAddressError,
  BodyTooLargeError,
  ConnectionError,
  FetchError,
  FetchTimeoutError,
  HttpStatusError,
  InvalidUrlError,
  RateLimitedError,
  RobotsDisallowedError,
  TlsDowngradeError,
  TooManyRedirectsError,
} from './errors.js';
export { type HostGate, type HostSlot, MemoryHostGate, SLOT_GRACE_MS } from './host-gate.js';
export { type FetcherDeps, type FetchRequest, type FetchResult, HttpFetcher } from './http-fetcher.js';
export { LocalHostGate } from './local-host-gate.js';
export { DEFAULT_USER_AGENT, defaultFetchPolicy, type FetchPolicy } from './policy.js';
export { parseRobots, productToken, type RobotsRules } from './robots.js';
export { DynamoRobotsCache, MemoryRobotsCache, type RobotsCache } from './robots-cache.js';
export { type Resolver, systemResolver } from './target.js';
