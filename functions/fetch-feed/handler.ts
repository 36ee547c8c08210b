import { SQSClient } from '@aws-sdk/client-sqs';
import { ENV, tableName } from '../../src/config/index.js';
import { FeedMessageSchema } from '../../src/queue/messages.js';
import { sqsSink } from '../../src/queue/sink.js';
import { createFetcher } from '../../src/runtime/fetcher.js';
import { createLambdaRuntime, sqsStageHandler } from '../../src/runtime/lambda.js';
import { type FetchFeedDeps, fetchFeed } from '../../src/stages/fetch-feed.js';
import { ArticleStore } from '../../src/storage/article-store.js';
import { createDynamoClients } from '../../src/storage/clients.js';
import { FeedStore } from '../../src/storage/feed-store.js';

const runtime = createLambdaRuntime('fetch-feed', [
  ENV.feedsTable,
  ENV.articlesTable,
  ENV.stateTable,
  ENV.articleQueueUrl,
]);
const { config, traced } = runtime;
const { doc } = createDynamoClients(config, traced);
const deps: FetchFeedDeps = {
  feeds: new FeedStore(doc, tableName(config, 'feeds')),
  articles: new ArticleStore(doc, tableName(config, 'articles')),
  fetcher: createFetcher(config, doc),
  queues: { article: sqsSink(traced(new SQSClient({ region: config.region })), config.queues.article, 'article') },
  observer: runtime.observer,
  clock: () => new Date(),
};

/** SQS feed queue -> poll one feed per record -> article queue. */
export const handler = sqsStageHandler(runtime, FeedMessageSchema, (message) => fetchFeed(message, deps));
