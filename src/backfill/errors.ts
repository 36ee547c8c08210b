import { EventwireError } from '../core/errors.js';
import { FetchError } from '../fetch/index.js';

/** Base of the backfill module's errors. */
export class BackfillError extends EventwireError {}

/** An archive (file, S3 object or byte range) cannot be read on: the records before it are done, the rest is not. */
export class ArchiveReadError extends BackfillError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { ...options, retryable: true });
  }
}

/** An outlet list that is not valid: named with the file and the reason. */
export class OutletListError extends BackfillError {}

/**
 * The archive fetcher was asked for a page it does not hold. Recorded on the article as a permanent failure with
 * its reason (`redrive` reopens it): a backfill only fetches the records it has just read, so this is a fault.
 */
export class NotInArchiveError extends FetchError {
  constructor(url: string) {
    super(`${url} is not among the archive records being read`, { retryable: false });
  }
}

/** Some records of a byte range could not be taken through the stages: the range is to be run again. */
export class RangeIncompleteError extends BackfillError {
  constructor(message: string) {
    super(message, { retryable: true });
  }
}
