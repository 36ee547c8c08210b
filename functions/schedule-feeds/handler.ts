import { getParameter } from '@aws-lambda-powertools/parameters/ssm';
import { ENV } from '../../src/config/index.js';
import { createLambdaRuntime } from '../../src/runtime/lambda.js';
import { parseFeedList } from '../../src/config/feed-list.js';
import { scheduleDueFeeds } from '../../src/stages/schedule-feeds.js';

const runtime = createLambdaRuntime('schedule-feeds', [ENV.feedsTable, ENV.feedQueueUrl, ENV.feedListParameter]);

/** EventBridge Scheduler tick -> sync the feed list from SSM -> one feed-queue message per due feed. */
export async function handler(): Promise<{ scheduled: number }> {
  try {
    const name = runtime.config.feedListParameter;
    const raw = name ? await getParameter(name, { maxAge: 300 }) : '[]';
    const scheduled = await scheduleDueFeeds(runtime.deps, parseFeedList(raw ?? '[]', name ?? 'feed list'));
    return { scheduled };
  } finally {
    runtime.metrics.publishStoredMetrics();
  }
}
