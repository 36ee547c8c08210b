import { describeError } from '../../src/core/errors.js';
import { loadLanguageDetector } from '../../src/extract/index.js';
import { ArticleMessageSchema } from '../../src/queue/messages.js';
import { createLambdaRuntime, lambdaBucketPlatform, lambdaQueue, sqsStageHandler } from '../../src/runtime/lambda.js';
import { FETCH_ARTICLE_ENV, fetchArticleDeps } from '../../src/runtime/roots/fetch-article.js';
import { fetchArticle } from '../../src/stages/fetch-article.js';

const runtime = createLambdaRuntime('fetch-article', FETCH_ARTICLE_ENV);
const deps = fetchArticleDeps(lambdaBucketPlatform(runtime), { code: lambdaQueue(runtime, 'code') });
// The fastText model ships beside the bundle (infra/bundling.ts); without it, pages' own language declarations count.
await loadLanguageDetector().catch((error: unknown) =>
  runtime.logger.warn('language model not loaded', { error: describeError(error) }),
);

/** SQS article queue -> fetch, extract and store one article per record -> code queue. */
export const handler = sqsStageHandler(runtime, ArticleMessageSchema, (message) => fetchArticle(message, deps));
