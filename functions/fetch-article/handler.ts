import { SQSClient } from '@aws-sdk/client-sqs';
import { bucketName, ENV, tableName } from '../../src/config/index.js';
import { describeError } from '../../src/core/errors.js';
import { loadLanguageDetector } from '../../src/extract/index.js';
import { ArticleMessageSchema } from '../../src/queue/messages.js';
import { sqsSink } from '../../src/queue/sink.js';
import { createFetcher } from '../../src/runtime/fetcher.js';
import { createLambdaRuntime, sqsStageHandler } from '../../src/runtime/lambda.js';
import { type FetchArticleDeps, fetchArticle } from '../../src/stages/fetch-article.js';
import { ArticleStore } from '../../src/storage/article-store.js';
import { BlobStore } from '../../src/storage/blob-store.js';
import { createDynamoClients, createS3Client } from '../../src/storage/clients.js';

const runtime = createLambdaRuntime('fetch-article', [ENV.articlesTable, ENV.stateTable, ENV.bucket, ENV.codeQueueUrl]);
const { config, traced } = runtime;
const { doc } = createDynamoClients(config, traced);
// The fastText model ships beside the bundle (infra/bundling.ts); without it, pages' own language declarations count.
await loadLanguageDetector().catch((error: unknown) =>
  runtime.logger.warn('language model not loaded', { error: describeError(error) }),
);
const deps: FetchArticleDeps = {
  articles: new ArticleStore(doc, tableName(config, 'articles')),
  blobs: new BlobStore(createS3Client(config, traced), bucketName(config)),
  fetcher: createFetcher(config, doc),
  queues: { code: sqsSink(traced(new SQSClient({ region: config.region })), config.queues.code, 'code') },
  observer: runtime.observer,
  clock: () => new Date(),
};

/** SQS article queue -> fetch, extract and store one article per record -> code queue. */
export const handler = sqsStageHandler(runtime, ArticleMessageSchema, (message) => fetchArticle(message, deps));
