import type { EventCoder } from '../../coder/index.js';
import { bucketName, ENV, type EnvName, tableName } from '../../config/index.js';
import type { CodeDeps } from '../../stages/deps.js';
import { DynamoArticleStore } from '../../storage/article-store.js';
import { S3BlobStore } from '../../storage/blob-store.js';
import { DynamoEventStore } from '../../storage/event-store.js';
import type { BucketPlatform } from '../platform.js';

/** What code-events cannot start without; the CDK app grants each and sets its variable together. */
export const CODE_EVENTS_ENV: readonly EnvName[] = [ENV.articlesTable, ENV.eventsTable, ENV.bucket];

/**
 * The composition root of stage 4, for its Lambda handler and the local runner.
 * @param coder the event coder; importing it loads the NLP model, so the host decides when (Lambda: at init)
 */
export function codeEventsDeps(platform: BucketPlatform, coder: () => EventCoder): CodeDeps {
  const { config, doc } = platform;
  return {
    articles: new DynamoArticleStore(doc, tableName(config, 'articles')),
    events: new DynamoEventStore(doc, tableName(config, 'events')),
    blobs: new S3BlobStore(platform.s3, bucketName(config)),
    coder,
    observer: platform.observer,
    clock: platform.clock,
  };
}
