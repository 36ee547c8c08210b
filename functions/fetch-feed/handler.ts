import { ENV } from '../../src/config/index.js';
import { createLambdaRuntime, sqsStageHandler } from '../../src/runtime/lambda.js';
import { FeedMessageSchema } from '../../src/queue/messages.js';
import { fetchFeed } from '../../src/stages/fetch-feed.js';

const runtime = createLambdaRuntime('fetch-feed', [ENV.feedsTable, ENV.articlesTable, ENV.stateTable, ENV.articleQueueUrl]);

/** SQS feed queue -> poll one feed per record -> article queue. */
export const handler = sqsStageHandler(runtime, FeedMessageSchema, fetchFeed);
