import { ENV, type EnvName, tableName } from '../../config/index.js';
import type { HostGate } from '../../fetch/index.js';
import type { FetchFeedDeps } from '../../stages/deps.js';
import { DynamoArticleStore } from '../../storage/article-store.js';
import { DynamoFeedStore } from '../../storage/feed-store.js';
import { createFetcher } from '../fetcher.js';
import type { StagePlatform, StageQueues } from '../platform.js';

/** What fetch-feed cannot start without; the CDK app grants each and sets its variable together. */
export const FETCH_FEED_ENV: readonly EnvName[] = [
  ENV.feedsTable,
  ENV.articlesTable,
  ENV.stateTable,
  ENV.articleQueueUrl,
];

/**
 * The composition root of stage 2, for its Lambda handler and the local runner.
 * @param gate per-host politeness; default the DynamoDB gate in the state table, shared by every Lambda
 */
export function fetchFeedDeps(
  platform: StagePlatform,
  queues: Pick<StageQueues, 'article'>,
  gate?: HostGate,
): FetchFeedDeps {
  const { config, doc } = platform;
  return {
    feeds: new DynamoFeedStore(doc, tableName(config, 'feeds')),
    articles: new DynamoArticleStore(doc, tableName(config, 'articles')),
    fetcher: createFetcher(config, doc, gate),
    queues: { article: queues.article },
    observer: platform.observer,
    clock: platform.clock,
  };
}
