/**
 * Base of every typed error in eventwire. `retryable` tells the queue handler whether the
 * message should be retried (and finally dead-lettered) or recorded as a permanent failure.
 */
export class EventwireError extends Error {
  readonly retryable: boolean;
  constructor(message: string, options: { cause?: unknown; retryable?: boolean } = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.retryable = options.retryable ?? false;
  }
}

/** Short, loggable description of any thrown value; never the raw object. */
export function describeError(error: unknown): { name: string; message: string; retryable: boolean } {
  if (error instanceof EventwireError) return { name: error.name, message: error.message, retryable: error.retryable };
  if (error instanceof Error) return { name: error.name, message: error.message, retryable: true };
  return { name: 'UnknownError', message: String(error), retryable: true };
}
