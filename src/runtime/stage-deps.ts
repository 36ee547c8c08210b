import type { EventCoder } from '../coder/index.js';
import { type AppConfig, ConfigError } from '../config/index.js';
import type { HostGate } from '../fetch/index.js';
import type { StageDeps } from '../stages/deps.js';
import type { StageObserver } from '../stages/observer.js';
import type { AwsClients } from '../storage/clients.js';
import type { BucketPlatform, StageQueues } from './platform.js';
import { codeEventsDeps } from './roots/code-events.js';
import { fetchArticleDeps } from './roots/fetch-article.js';
import { fetchFeedDeps } from './roots/fetch-feed.js';
import { scheduleFeedsDeps } from './roots/schedule-feeds.js';

export type { StageQueues } from './platform.js';

export interface StageDepsOptions {
  /** Per-host politeness shared by both fetching stages; default: the DynamoDB gate in the state table. */
  gate?: HostGate;
  /** The event coder, created on first use (importing it loads the NLP model). */
  createCoder?: () => EventCoder;
}

/**
 * Every stage's dependencies for a process that hosts all four (the local runner, tests, the benchmark), put
 * together from the same per-stage composition roots (src/runtime/roots/) the Lambda handlers use: the only
 * differences are the endpoints in `config`, the queues (in-process instead of SQS), the host gate and the
 * observer.
 */
export function createStageDeps(
  config: AppConfig,
  clients: AwsClients,
  queues: StageQueues,
  observer: StageObserver,
  options: StageDepsOptions = {},
): StageDeps {
  const platform: BucketPlatform = { config, doc: clients.doc, s3: clients.s3, observer, clock: () => new Date() };
  let coder: EventCoder | undefined;
  const createCoder = (): EventCoder => {
    if (!options.createCoder) throw new ConfigError('no event coder was given: only the code stage loads one');
    coder ??= options.createCoder();
    return coder;
  };
  return {
    ...scheduleFeedsDeps(platform, queues),
    ...fetchFeedDeps(platform, queues, options.gate),
    ...fetchArticleDeps(platform, queues, options.gate),
    ...codeEventsDeps(platform, createCoder),
    queues,
  };
}
