import { createHash } from 'node:crypto';

/** Short stable identifier: the first `length` hex characters of SHA-256 over the parts. */
export function stableId(parts: readonly string[], length = 20): string {
  return createHash('sha256').update(parts.join('\u001f')).digest('hex').slice(0, length);
}

/** ISO date (YYYY-MM-DD) of an ISO timestamp or Date. */
export function isoDay(value: string | Date): string {
  return (typeof value === 'string' ? new Date(value) : value).toISOString().slice(0, 10);
}
