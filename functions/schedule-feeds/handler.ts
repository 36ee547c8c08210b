import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { parseFeedList } from '../../src/config/index.js';
import { createLambdaRuntime, lambdaPlatform, lambdaQueue } from '../../src/runtime/lambda.js';
import { SCHEDULE_FEEDS_ENV, scheduleFeedsDeps } from '../../src/runtime/roots/schedule-feeds.js';
import { scheduleDueFeeds } from '../../src/stages/schedule-feeds.js';

const runtime = createLambdaRuntime('schedule-feeds', SCHEDULE_FEEDS_ENV);
const deps = scheduleFeedsDeps(lambdaPlatform(runtime), { feed: lambdaQueue(runtime, 'feed') });
const ssm = runtime.traced(new SSMClient({ region: runtime.config.region }));

/** EventBridge Scheduler tick -> sync the feed list from SSM -> one feed-queue message per due feed. */
export async function handler(): Promise<{ scheduled: number }> {
  try {
    const name = runtime.config.feedListParameter ?? '';
    // Read on every tick (one request every few minutes), so an edited list applies at the next run.
    const raw = (await ssm.send(new GetParameterCommand({ Name: name }))).Parameter?.Value ?? '[]';
    return { scheduled: await scheduleDueFeeds(deps, parseFeedList(raw, name)) };
  } finally {
    runtime.metrics.publishStoredMetrics();
  }
}
