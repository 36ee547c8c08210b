import type { EventCoder } from '../../coder/index.js';
import { ENV, type EnvName } from '../../config/index.js';
import type { CodeMessage } from '../../queue/messages.js';
import type { MessageSink } from '../../queue/sink.js';
import type { CodeDeps, FetchArticleDeps, PageFetcher } from '../../stages/deps.js';
import type { BucketPlatform } from '../platform.js';
import { codeEventsDeps } from './code-events.js';

/**
 * What the backfill worker cannot start without: the stores of fetch-article and code-events, and the code queue,
 * to which it hands articles whose coding must wait longer than its invocation (the CDK app grants each).
 */
export const BACKFILL_WORKER_ENV: readonly EnvName[] = [
  ENV.articlesTable,
  ENV.eventsTable,
  ENV.bucket,
  ENV.codeQueueUrl,
];

/**
 * The composition root of a backfill, for the Lambda worker and the local command alike: the dependencies of the
 * fetch-article and code-events stages (the same stores as their own roots), with the archive as the fetcher and
 * the backfill's own code queue.
 */
export function backfillDeps(
  platform: BucketPlatform,
  coder: () => EventCoder,
  fetcher: PageFetcher,
  code: MessageSink<CodeMessage>,
): FetchArticleDeps & CodeDeps {
  return { ...codeEventsDeps(platform, coder), fetcher, queues: { code } };
}
