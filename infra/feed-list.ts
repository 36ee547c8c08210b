import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { FeedListSchema as AppFeedListSchema } from '../src/config/feed-list.js';
import type { FeedSpec } from '../src/storage/feed-store.js';
import { FeedListError } from './errors.js';
import { fromRepoRoot } from './paths.js';

/**
 * One feed of the deployable feed list: the application's own entry schema (src/config/feed-list.ts, what
 * schedule-feeds accepts at run time), made strict so a misspelt field fails the deploy instead of vanishing.
 */
export const FeedListEntrySchema = AppFeedListSchema.element.strict();

/** The deployable feed list: at least one feed, each URL once. */
export const FeedListSchema = z
  .array(FeedListEntrySchema)
  .min(1)
  .refine((feeds) => new Set(feeds.map((f) => f.url)).size === feeds.length, { message: 'duplicate feed url' });

export type FeedList = z.infer<typeof FeedListSchema>;

// Compile-time check that the deployable format is what the schedule-feeds stage accepts.
const asFeedSpecs = (feeds: FeedList): readonly FeedSpec[] => feeds;

/** SSM String parameters hold 4 KB in the Standard tier and 8 KB in the Advanced tier. */
export const STANDARD_PARAMETER_BYTES = 4096;
export const ADVANCED_PARAMETER_BYTES = 8192;

/** The validated feed list and its compact JSON, as stored in the SSM parameter. */
export interface LoadedFeedList {
  readonly feeds: readonly FeedSpec[];
  readonly json: string;
  readonly bytes: number;
}

/**
 * Reads and validates the feed list file.
 * @param file path relative to the repository root (or absolute)
 * @throws FeedListError when the file is missing, not JSON, invalid, or too large for an SSM parameter
 */
export function loadFeedList(file: string): LoadedFeedList {
  const path = fromRepoRoot(file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new FeedListError(`feed list ${path} cannot be read (context feedsFile)`, { cause });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new FeedListError(`feed list ${path} is not valid JSON`, { cause });
  }
  const parsed = FeedListSchema.safeParse(data);
  if (!parsed.success) throw new FeedListError(`feed list ${path} is invalid: ${z.prettifyError(parsed.error)}`);
  const json = JSON.stringify(parsed.data);
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > ADVANCED_PARAMETER_BYTES) {
    throw new FeedListError(`feed list ${path} is ${bytes} bytes as compact JSON; an SSM parameter holds at most 8192`);
  }
  return { feeds: asFeedSpecs(parsed.data), json, bytes };
}
