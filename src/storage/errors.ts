import { EventwireError } from '../core/errors.js';

/** A storage call failed after the SDK's own retries: retried by the queue. */
export class StorageError extends EventwireError {
  constructor(message: string, cause?: unknown) {
    super(message, { cause, retryable: true });
  }
}

/** A stored item does not match its schema: a bug or a foreign writer, never retried. */
export class CorruptRecordError extends EventwireError {}
