/** Limits and manners of the HTTP client. One policy per fetcher; see {@link defaultFetchPolicy}. */
export interface FetchPolicy {
  /** Descriptive User-Agent with a contact URL; its first product token is matched against robots.txt groups. */
  userAgent: string;
  /**
   * Explicit allow-list of `host` or `host:port` entries that may resolve to loopback/private addresses
   * (the local demo site on 127.0.0.1:PORT). A bare host matches any port. Empty in production.
   */
  allowedHosts: string[];
  /** Hard total deadline per request, including robots.txt, host-gate wait, redirects and body (default 15000). */
  timeoutMs: number;
  /** Body cap in bytes, counted after decompression (default 5 MiB). */
  maxBytes: number;
  /** Redirects followed before giving up (default 5). */
  maxRedirects: number;
  /** Fetch, cache and obey robots.txt (default true). */
  respectRobots: boolean;
  /** Minimum interval between two requests to one host; robots.txt Crawl-delay may raise it (default 1000). */
  minHostIntervalMs?: number;
  /** How long a robots.txt answer is cached (default 86400 s, the RFC 9309 ceiling). */
  robotsTtlSeconds?: number;
}

export const DEFAULT_USER_AGENT = 'eventwire/0.1 (+https://github.com/eventwire/eventwire; news event coding research)';
export const DEFAULT_MIN_HOST_INTERVAL_MS = 1000;
export const DEFAULT_ROBOTS_TTL_SECONDS = 86_400;

/**
 * The production policy, with optional overrides: our User-Agent, no allow-listed private hosts,
 * 15 s total deadline, 5 MiB cap, 5 redirects, robots.txt respected, 1 s per-host interval.
 */
export function defaultFetchPolicy(overrides: Partial<FetchPolicy> = {}): FetchPolicy {
  return {
    userAgent: DEFAULT_USER_AGENT,
    allowedHosts: [],
    timeoutMs: 15_000,
    maxBytes: 5 * 1024 * 1024,
    maxRedirects: 5,
    respectRobots: true,
    minHostIntervalMs: DEFAULT_MIN_HOST_INTERVAL_MS,
    robotsTtlSeconds: DEFAULT_ROBOTS_TTL_SECONDS,
    ...overrides,
  };
}

/** Whether the URL's `host:port` (explicit or default port) or bare hostname is on the policy's allow-list. */
export function isAllowListed(policy: FetchPolicy, url: URL): boolean {
  const hostname = url.hostname.toLowerCase();
  const port = url.port === '' ? (url.protocol === 'https:' ? '443' : '80') : url.port;
  const candidates = new Set([hostname, `${hostname}:${port}`]);
  return policy.allowedHosts.some((entry) => candidates.has(entry.trim().toLowerCase()));
}
