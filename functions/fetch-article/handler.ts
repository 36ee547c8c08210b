import { ENV } from '../../src/config/index.js';
import { createLambdaRuntime, sqsStageHandler } from '../../src/runtime/lambda.js';
import { ArticleMessageSchema } from '../../src/queue/messages.js';
import { fetchArticle } from '../../src/stages/fetch-article.js';

const runtime = createLambdaRuntime('fetch-article', [ENV.articlesTable, ENV.stateTable, ENV.bucket, ENV.codeQueueUrl]);

/** SQS article queue -> fetch, extract and store one article per record -> code queue. */
export const handler = sqsStageHandler(runtime, ArticleMessageSchema, fetchArticle);
