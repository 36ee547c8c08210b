import { EventwireError } from '../core/errors.js';

/** Base class of every error thrown by the event coder. */
export class CoderError extends EventwireError {}

/** A dictionary or data file is missing or does not have the documented shape. Not retryable. */
export class DictionaryError extends CoderError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause, retryable: false });
  }
}

/** The input given to `code()` is not usable (for example a malformed publication date). */
export class CoderInputError extends CoderError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause, retryable: false });
  }
}
