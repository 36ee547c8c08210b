import { EventwireError } from '../core/errors.js';

/** Base of the errors of publishing table changes to the bus. */
export class ChangesError extends EventwireError {}

/** The bus did not take a change (the request failed, or PutEvents reported the entry failed): retried. */
export class PublishError extends ChangesError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { ...options, retryable: true });
  }
}

/**
 * A stream image that is not a record of ours (it fails its schema): retrying cannot help, so after the stream
 * mapping's retries and bisection it ends in the mapping's failure destination, with this reason logged.
 */
export class UnreadableChangeError extends ChangesError {}
