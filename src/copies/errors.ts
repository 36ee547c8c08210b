import { EventwireError } from '../core/errors.js';

/** Base of the errors of copy detection. */
export class CopiesError extends EventwireError {}

/** An article kept changing status while it was being demoted to a copy: retried by the queue. */
export class ArticleBusyError extends CopiesError {
  constructor(message: string) {
    super(message, { retryable: true });
  }
}
