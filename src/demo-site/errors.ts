import { EventwireError } from '../core/errors.js';

/** Base of every error raised by the bundled demo news site. */
export class DemoSiteError extends EventwireError {}

/** A content data file (outlets.json, an article, generator.json) is missing or malformed. */
export class DemoContentError extends DemoSiteError {
  constructor(
    message: string,
    readonly file: string,
    options: { cause?: unknown } = {},
  ) {
    super(`${file}: ${message}`, { cause: options.cause, retryable: false });
  }
}

/** The HTTP server could not bind its loopback port. */
export class DemoServerError extends DemoSiteError {}
