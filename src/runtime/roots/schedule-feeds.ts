import { ENV, type EnvName, tableName } from '../../config/index.js';
import type { ScheduleDeps } from '../../stages/deps.js';
import { DynamoFeedStore } from '../../storage/feed-store.js';
import type { StagePlatform, StageQueues } from '../platform.js';

/** What schedule-feeds cannot start without; the CDK app grants each and sets its variable together. */
export const SCHEDULE_FEEDS_ENV: readonly EnvName[] = [ENV.feedsTable, ENV.feedQueueUrl, ENV.feedListParameter];

/** The composition root of stage 1, for its Lambda handler and the local runner. */
export function scheduleFeedsDeps(platform: StagePlatform, queues: Pick<StageQueues, 'feed'>): ScheduleDeps {
  return {
    feeds: new DynamoFeedStore(platform.doc, tableName(platform.config, 'feeds')),
    queues: { feed: queues.feed },
    observer: platform.observer,
    clock: platform.clock,
  };
}
