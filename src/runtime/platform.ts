import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AppConfig } from '../config/index.js';
import type { ArticleMessage, CodeMessage, FeedMessage } from '../queue/messages.js';
import type { MessageSink } from '../queue/sink.js';
import type { StageObserver } from '../stages/observer.js';

/**
 * What a stage's composition root is given by the process that hosts it: the typed configuration, the SDK clients
 * it made once (traced in Lambda, pointed at the local servers locally), where the stage reports, and its clock.
 * The Lambda handlers (src/runtime/lambda.ts) and the local runner (createStageDeps) differ only here.
 */
export interface StagePlatform {
  readonly config: AppConfig;
  readonly doc: DynamoDBDocumentClient;
  readonly observer: StageObserver;
  readonly clock: () => Date;
}

/** The platform of a stage that also reads or writes the bucket. */
export interface BucketPlatform extends StagePlatform {
  readonly s3: S3Client;
}

/** The queues between stages: SQS in AWS, in-process queues locally. */
export interface StageQueues {
  feed: MessageSink<FeedMessage>;
  article: MessageSink<ArticleMessage>;
  code: MessageSink<CodeMessage>;
}
