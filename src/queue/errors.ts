import { EventwireError } from '../core/errors.js';

/** A queue message whose body is not JSON or not of its queue's shape: it can only be dead-lettered. */
export class InvalidMessageError extends EventwireError {}

/** Some messages could not be sent after retries; the stage fails the record so the queue retries it. */
export class SendFailedError extends EventwireError {
  constructor(message: string, cause?: unknown) {
    super(message, { cause, retryable: true });
  }
}
