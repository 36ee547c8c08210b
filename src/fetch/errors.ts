import { EventwireError } from '../core/errors.js';
import type { HostSlot } from './host-gate.js';

type ErrorOptions = { cause?: unknown; retryable?: boolean };

/** Base of every error raised by the fetch module. */
export class FetchError extends EventwireError {
  constructor(message: string, options: ErrorOptions = {}) {
    super(message, options);
  }
}

/** The URL resolves to (or is) an address we never connect to: loopback, private, link-local, metadata... */
export class BlockedAddressError extends FetchError {
  readonly address: string;
  constructor(host: string, address: string) {
    super(`refusing to connect to ${host} (${address}): blocked address range`, { retryable: false });
    this.address = address;
  }
}

/** The URL cannot be parsed or uses a scheme other than http/https. */
export class InvalidUrlError extends FetchError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { ...options, retryable: false });
  }
}

/** The hard total deadline (connect, redirects, body) elapsed. */
export class FetchTimeoutError extends FetchError {
  constructor(url: string, timeoutMs: number, options: { cause?: unknown } = {}) {
    super(`fetch of ${url} exceeded its ${timeoutMs} ms deadline`, { ...options, retryable: true });
  }
}

/** The (decompressed) body exceeded the byte cap; reading stopped as soon as it did. */
export class BodyTooLargeError extends FetchError {
  readonly maxBytes: number;
  constructor(url: string, maxBytes: number) {
    super(`body of ${url} exceeds ${maxBytes} bytes`, { retryable: false });
    this.maxBytes = maxBytes;
  }
}

/** More redirects than the policy allows (also catches redirect loops). */
export class TooManyRedirectsError extends FetchError {
  constructor(url: string, maxRedirects: number) {
    super(`more than ${maxRedirects} redirects starting at ${url}`, { retryable: false });
  }
}

/** robots.txt forbids the URL for our user agent, or could not be read (then retryable, RFC 9309 2.3.1.4). */
export class RobotsDisallowedError extends FetchError {
  constructor(url: string, options: ErrorOptions & { reason?: string } = {}) {
    const { reason, ...rest } = options;
    super(reason === undefined ? `robots.txt disallows ${url}` : `robots.txt for ${url} ${reason}`, {
      retryable: false,
      ...rest,
    });
  }
}

/**
 * The host asked us to slow down (429, or 503 with Retry-After: `status` set), or our own host gate booked this
 * request a later slot (`slot` set, held by the deferred message). Either way a reason to wait, not a failure.
 */
export class RateLimitedError extends FetchError {
  readonly retryAfterMs: number;
  readonly status: number | undefined;
  readonly slot: HostSlot | undefined;
  constructor(url: string, retryAfterMs: number, options: { status?: number; slot?: HostSlot } = {}) {
    const reason =
      options.status === undefined ? 'host busy: our per-host interval or its Retry-After' : `HTTP ${options.status}`;
    super(`rate limited fetching ${url} (${reason}); retry after ${retryAfterMs} ms`, { retryable: true });
    this.retryAfterMs = retryAfterMs;
    this.status = options.status;
    this.slot = options.slot;
  }
}

/** A non-success HTTP status; 5xx, 408 and 429 are retryable. */
export class HttpStatusError extends FetchError {
  readonly status: number;
  constructor(url: string, status: number) {
    super(`HTTP ${status} from ${url}`, { retryable: status >= 500 || status === 408 || status === 429 });
    this.status = status;
  }
}

/** A redirect from https to http: refused so that a page we asked for securely never arrives in clear. */
export class TlsDowngradeError extends FetchError {
  constructor(from: string, to: string) {
    super(`refusing redirect from ${from} to insecure ${to}`, { retryable: false });
  }
}

/** The connection failed: DNS failure, refused, reset, TLS handshake error. */
export class ConnectionError extends FetchError {
  readonly code: string | undefined;
  constructor(url: string, cause: unknown) {
    const code = errorCode(cause);
    super(`connection to ${url} failed${code === undefined ? '' : ` (${code})`}`, { cause, retryable: true });
    this.code = code;
  }
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}
