import { EventwireError } from '../core/errors.js';

/** Base of every error raised by the feed parser. */
export class FeedsError extends EventwireError {}

/**
 * Nothing usable could be read from the body: no feed title and no items (empty body, an HTML page
 * where a feed should be, random bytes). Not retryable: the same bytes will fail the same way.
 */
export class FeedParseError extends FeedsError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause, retryable: false });
  }
}
