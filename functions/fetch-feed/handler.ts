import { FeedMessageSchema } from '../../src/queue/messages.js';
import { createLambdaRuntime, lambdaPlatform, lambdaQueue, sqsStageHandler } from '../../src/runtime/lambda.js';
import { FETCH_FEED_ENV, fetchFeedDeps } from '../../src/runtime/roots/fetch-feed.js';
import { fetchFeed } from '../../src/stages/fetch-feed.js';

const runtime = createLambdaRuntime('fetch-feed', FETCH_FEED_ENV);
const deps = fetchFeedDeps(lambdaPlatform(runtime), { article: lambdaQueue(runtime, 'article') });

/** SQS feed queue -> poll one feed per record -> article queue. */
export const handler = sqsStageHandler(runtime, FeedMessageSchema, (message) => fetchFeed(message, deps));
