import { bucketName, ENV, type EnvName, tableName } from '../../config/index.js';
import type { HostGate } from '../../fetch/index.js';
import type { FetchArticleDeps } from '../../stages/deps.js';
import { DynamoArticleStore } from '../../storage/article-store.js';
import { S3BlobStore } from '../../storage/blob-store.js';
import { createFetcher } from '../fetcher.js';
import type { BucketPlatform, StageQueues } from '../platform.js';

/** What fetch-article cannot start without; the CDK app grants each and sets its variable together. */
export const FETCH_ARTICLE_ENV: readonly EnvName[] = [ENV.articlesTable, ENV.stateTable, ENV.bucket, ENV.codeQueueUrl];

/**
 * The composition root of stage 3, for its Lambda handler and the local runner.
 * @param gate per-host politeness; default the DynamoDB gate in the state table, shared by every Lambda
 */
export function fetchArticleDeps(
  platform: BucketPlatform,
  queues: Pick<StageQueues, 'code'>,
  gate?: HostGate,
): FetchArticleDeps {
  const { config, doc } = platform;
  return {
    articles: new DynamoArticleStore(doc, tableName(config, 'articles')),
    blobs: new S3BlobStore(platform.s3, bucketName(config)),
    fetcher: createFetcher(config, doc, gate),
    queues: { code: queues.code },
    observer: platform.observer,
    clock: platform.clock,
  };
}
