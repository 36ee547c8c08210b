import { S3Client } from '@aws-sdk/client-s3';
import type { Context } from 'aws-lambda';
import { WorkerInputSchema, type WorkerOutput } from '../../src/backfill/job.js';
import { runRange } from '../../src/backfill/range-worker.js';
import { createEventCoder } from '../../src/coder/index.js';
import { describeError } from '../../src/core/errors.js';
import { loadLanguageDetector } from '../../src/extract/index.js';
import type { CodeMessage } from '../../src/queue/messages.js';
import { createLambdaRuntime, lambdaBucketPlatform, lambdaQueue } from '../../src/runtime/lambda.js';
import { BACKFILL_WORKER_ENV } from '../../src/runtime/roots/backfill.js';

const runtime = createLambdaRuntime('backfill-worker', BACKFILL_WORKER_ENV);
// Loaded during the init phase, as in code-events and fetch-article.
const coder = createEventCoder();
await loadLanguageDetector().catch((error: unknown) =>
  runtime.logger.warn('language model not loaded', { error: describeError(error) }),
);
const platform = lambdaBucketPlatform(runtime);
const archives = runtime.traced(new S3Client({ region: runtime.config.region, followRegionRedirects: true }));
const codeQueue = lambdaQueue<CodeMessage>(runtime, 'code');

/** Child workflow task: one byte range of a WARC file through fetch-article and code-events (see runRange). */
export const handler = async (event: unknown, context: Context): Promise<WorkerOutput> => {
  const input = WorkerInputSchema.parse(event);
  runtime.logger.appendKeys({ key: input.range.key, start: input.range.start });
  try {
    const output = await runRange(input, {
      platform,
      coder: () => coder,
      s3: archives,
      codeQueue,
      remainingMs: () => context.getRemainingTimeInMillis(),
    });
    runtime.logger.info('range worked', { done: output.done, result: output.result });
    return output;
  } finally {
    runtime.metrics.publishStoredMetrics();
  }
};
