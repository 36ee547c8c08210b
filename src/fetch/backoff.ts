/** Retry-After used when a 429 carries none (or one we cannot read). */
export const DEFAULT_RETRY_AFTER_MS = 60_000;
/** Longest Retry-After we pass on; a server asking for days is treated as asking for this. */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Delay before the next attempt of a feed after `consecutiveFailures` failures in a row: exponential
 * (base * 2^(n-1)) capped at `maxMs`, with "equal jitter" (uniform in [cap/2, cap]) so that feeds failing
 * together do not retry together. 0 failures gives 0.
 * @param baseMs first delay, default 60 s
 * @param maxMs ceiling, default 24 h
 */
export function nextBackoffMs(
  consecutiveFailures: number,
  baseMs = 60_000,
  maxMs = 24 * 60 * 60 * 1000,
  random: () => number = Math.random,
): number {
  if (!Number.isFinite(consecutiveFailures) || consecutiveFailures <= 0) return 0;
  const exponent = Math.min(Math.floor(consecutiveFailures) - 1, 52);
  const ceiling = Math.min(maxMs, baseMs * 2 ** exponent);
  const half = ceiling / 2;
  return Math.round(half + random() * half);
}

/**
 * Parses a Retry-After header (delta-seconds or HTTP-date, RFC 9110 10.2.3) into milliseconds from `now`.
 * Returns undefined when absent or unreadable; dates in the past give 0.
 */
export function parseRetryAfterMs(header: string | undefined, now: number = Date.now()): number | undefined {
  const value = header?.trim();
  if (value === undefined || value === '') return undefined;
  if (/^\d+$/.test(value)) return Math.min(Number(value) * 1000, MAX_RETRY_AFTER_MS);
  // Every HTTP-date form starts with a day name; Date.parse alone would read "-5" as a year.
  const date = /^[A-Za-z]{3}/.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.min(Math.max(0, date - now), MAX_RETRY_AFTER_MS);
}
