import { EventwireError } from '../../core/errors.js';

/** Base of the geo module's errors. */
export class GeoError extends EventwireError {}

/**
 * A bundled geo data file (countries.json, gazetteer.json) does not have the documented shape.
 * Not retryable: the same bundle fails the same way until the data is rebuilt.
 */
export class GeoDataError extends GeoError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { ...options, retryable: false });
  }
}
