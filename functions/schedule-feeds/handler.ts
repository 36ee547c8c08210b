import { SQSClient } from '@aws-sdk/client-sqs';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { ENV, parseFeedList, tableName } from '../../src/config/index.js';
import { sqsSink } from '../../src/queue/sink.js';
import { createLambdaRuntime } from '../../src/runtime/lambda.js';
import { type ScheduleDeps, scheduleDueFeeds } from '../../src/stages/schedule-feeds.js';
import { createDynamoClients } from '../../src/storage/clients.js';
import { FeedStore } from '../../src/storage/feed-store.js';

const runtime = createLambdaRuntime('schedule-feeds', [ENV.feedsTable, ENV.feedQueueUrl, ENV.feedListParameter]);
const { config, traced } = runtime;
const ssm = traced(new SSMClient({ region: config.region }));
const deps: ScheduleDeps = {
  feeds: new FeedStore(createDynamoClients(config, traced).doc, tableName(config, 'feeds')),
  queues: { feed: sqsSink(traced(new SQSClient({ region: config.region })), config.queues.feed, 'feed') },
  observer: runtime.observer,
  clock: () => new Date(),
};

/** EventBridge Scheduler tick -> sync the feed list from SSM -> one feed-queue message per due feed. */
export async function handler(): Promise<{ scheduled: number }> {
  try {
    const name = config.feedListParameter ?? '';
    // Read on every tick (one request every few minutes), so an edited list applies at the next run.
    const raw = (await ssm.send(new GetParameterCommand({ Name: name }))).Parameter?.Value ?? '[]';
    return { scheduled: await scheduleDueFeeds(deps, parseFeedList(raw, name)) };
  } finally {
    runtime.metrics.publishStoredMetrics();
  }
}
