import type { IncomingMessage } from 'node:http';
import { DEFAULT_RETRY_AFTER_MS, parseRetryAfterMs } from './backoff.js';
import { HttpStatusError, RateLimitedError, TlsDowngradeError } from './errors.js';
import { parseFetchUrl } from './target.js';
import { discardResponse } from './transport.js';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Where a redirect response points, or undefined when the response is not a redirect. Relative Locations
 * resolve against the current URL; non-http(s) targets are InvalidUrlError and https -> http is refused.
 * The response is torn down whenever a redirect is followed or refused.
 */
export function redirectTarget(current: URL, response: IncomingMessage): URL | undefined {
  const location = response.headers.location;
  if (!REDIRECT_STATUSES.has(response.statusCode ?? 0) || location === undefined || location === '') return undefined;
  discardResponse(response);
  const next = parseFetchUrl(location, current);
  if (current.protocol === 'https:' && next.protocol === 'http:') throw new TlsDowngradeError(current.href, next.href);
  return next;
}

/**
 * The typed error for a status that is neither success, 304 nor a followed redirect: 429 (always) and
 * 503 with a Retry-After become RateLimitedError so the caller can wait as asked; the rest HttpStatusError.
 */
export function statusError(url: string, status: number, retryAfter: string | undefined): Error {
  const retryAfterMs = parseRetryAfterMs(retryAfter);
  if (status === 429) return new RateLimitedError(url, retryAfterMs ?? DEFAULT_RETRY_AFTER_MS, { status });
  if (status === 503 && retryAfterMs !== undefined) return new RateLimitedError(url, retryAfterMs, { status });
  return new HttpStatusError(url, status);
}
