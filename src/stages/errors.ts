import { EventwireError } from '../core/errors.js';

/** The message names an item that does not exist: dead-lettered, never retried. */
export class UnknownItemError extends EventwireError {}

/** The item depends on another that is not ready yet (a duplicate whose original is not coded): retried. */
export class NotReadyError extends EventwireError {
  constructor(message: string) {
    super(message, { retryable: true });
  }
}
