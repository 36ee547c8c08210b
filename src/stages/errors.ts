import { EventwireError } from '../core/errors.js';

/** The message names an item that does not exist: dead-lettered, never retried. */
export class UnknownItemError extends EventwireError {}

/** The item depends on another that is not ready yet (a copy whose first copy is not coded): deferred. */
export class NotReadyError extends EventwireError {
  constructor(message: string) {
    super(message, { retryable: true });
  }
}
