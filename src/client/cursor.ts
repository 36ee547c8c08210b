import { EventwireError } from '../core/errors.js';

/** A cursor the caller sent back that we did not issue. */
export class InvalidCursorError extends EventwireError {}

/** Position in a multi-partition query: which partition, and DynamoDB's last key within it. */
export interface CursorState {
  plan: number;
  key: Record<string, unknown> | undefined;
}

/** Cursors are opaque to callers: base64url JSON that only this module reads. */
export function encodeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): CursorState {
  if (!cursor) return { plan: 0, key: undefined };
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null && 'plan' in value && typeof value.plan === 'number') {
      const key =
        'key' in value && typeof value.key === 'object' && value.key !== null
          ? (value.key as Record<string, unknown>)
          : undefined;
      return { plan: value.plan, key };
    }
  } catch {
    // fall through to the typed error
  }
  throw new InvalidCursorError('cursor is not one this API issued');
}
