import { createHash } from 'node:crypto';
import { z } from 'zod';
import { EventwireError } from '../core/errors.js';

/** A cursor the caller sent back that we did not issue, or issued for another query. */
export class InvalidCursorError extends EventwireError {}

/**
 * Position in a multi-partition query: the query it belongs to (a digest of its parameters), the partition being
 * read, and DynamoDB's last key within it. The reader checks a cursor strictly against the query it is sent with:
 * same query, a partition of that query, a key inside that partition and range. So a forged or stale cursor is
 * refused (InvalidCursorError, a 400 in the API) instead of restarting the listing or repeating itself, and a valid
 * one always moves forward: DynamoDB resumes after the key.
 */
export interface CursorState {
  query: string;
  partition: string;
  key: Record<string, string> | undefined;
}

/** Longest cursor accepted: DynamoDB keys are at most 2 KB of partition and 1 KB of sort key, twice over. */
const MAX_CURSOR_CHARS = 8192;

const CursorSchema = z
  .object({
    q: z.string().regex(/^[0-9a-f]{16}$/),
    p: z.string().min(1).max(1100),
    k: z.record(z.string(), z.string().min(1).max(2100)).optional(),
  })
  .strict();

/** Cursors are opaque to callers: base64url JSON that only this module reads. */
export function encodeCursor(state: CursorState): string {
  return Buffer.from(
    JSON.stringify({ q: state.query, p: state.partition, ...(state.key ? { k: state.key } : {}) }),
  ).toString('base64url');
}

/** The cursor's state, or null when there is none; InvalidCursorError when it is not one issued for `query`. */
export function decodeCursor(cursor: string | undefined, query: string): CursorState | null {
  if (cursor === undefined || cursor === '') return null;
  if (cursor.length > MAX_CURSOR_CHARS || !/^[A-Za-z0-9_-]+$/.test(cursor))
    throw new InvalidCursorError('cursor is not one this API issued');
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('cursor is not one this API issued');
  }
  const parsed = CursorSchema.safeParse(value);
  if (!parsed.success) throw new InvalidCursorError('cursor is not one this API issued');
  if (parsed.data.q !== query) throw new InvalidCursorError('cursor belongs to another query: start without one');
  return { query: parsed.data.q, partition: parsed.data.p, key: parsed.data.k };
}

/** The digest a query's cursors carry: the same kind of query with the same parameters (in any order) gives the same. */
export function queryDigest(kind: string, parameters: Record<string, unknown>): string {
  const canonical = JSON.stringify([kind, Object.entries(parameters).sort(([a], [b]) => a.localeCompare(b))]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}
