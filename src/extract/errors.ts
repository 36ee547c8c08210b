import { EventwireError } from '../core/errors.js';

/** Base of extraction errors. Extraction is deterministic, so retrying never helps. */
export class ExtractError extends EventwireError {
  constructor(message: string, options: { cause?: unknown; retryable?: boolean } = {}) {
    super(message, { cause: options.cause, retryable: options.retryable ?? false });
  }
}

/** The language-identification model could not be loaded from the installed package. */
export class LanguageModelError extends ExtractError {}
