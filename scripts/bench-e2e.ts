/**
 * End-to-end on the local stack: a generated demo site of 50 feeds x 40 articles through every stage, with
 * articles per minute, per-stage p50/p95 latency and peak memory. The limit to compare with: the same number
 * of S3 puts and DynamoDB writes done directly with the SDK against the same local servers; the pipeline's
 * overhead is the ratio of the two times.
 * Last line: RESULT {"e2e_articles_per_min", "e2e_overhead_ratio", "e2e_stage_latency_ms", "peak_rss_mb", ...}
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalConfig } from '../src/config/index.js';
import { startDemoSite } from '../src/demo-site/index.js';
import { ProgressObserver } from '../src/local/progress.js';
import { runPipeline } from '../src/local/runner.js';
import { startLocalStack } from '../src/local/stack.js';
import type { StageName } from '../src/queue/messages.js';
import { type AwsClients, createAwsClients } from '../src/storage/clients.js';

const FEEDS = 50;
const ARTICLES_PER_FEED = 40;
const BASELINE_CONCURRENCY = 8;

const dataDir = await mkdtemp(join(tmpdir(), 'eventwire-bench-'));
const demo = await startDemoSite({ generated: { feeds: FEEDS, articlesPerFeed: ARTICLES_PER_FEED, seed: 7 } });
const stack = await startLocalStack(dataDir);
const config = stack.config([new URL(demo.origin).host]);
const observer = new ProgressObserver({ isTTY: false, write: () => true } as unknown as NodeJS.WriteStream);
const latencies: Record<StageName, number[]> = { feed: [], article: [], code: [] };
let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 100);
const started = performance.now();
await runPipeline({
  config,
  feeds: demo.feeds,
  observer,
  dataDir,
  signal: new AbortController().signal,
  timing: (stage, ms) => latencies[stage].push(ms),
});
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);

const clients = createAwsClients(config);
const written = await countWrites(clients, config);
const baselineSeconds = await directWrites(clients, written);
clients.s3.destroy();
clients.dynamo.destroy();
await demo.close();
await stack.close();
await rm(dataDir, { recursive: true, force: true });

const articles = observer.get('ArticlesStored') + observer.get('ArticlesDuplicate') + observer.get('ArticlesSkipped');
const perMinute = (articles / seconds) * 60;
const stageLatency = Object.fromEntries(
  Object.entries(latencies).map(([stage, values]) => [
    stage,
    { p50: percentile(values, 0.5), p95: percentile(values, 0.95), n: values.length },
  ]),
);
const ratio = seconds / baselineSeconds;
console.log(
  `end-to-end: ${FEEDS} feeds, ${articles} articles, ${observer.get('EventsWritten')} events in ${seconds.toFixed(1)} s`,
);
console.log(`  ${perMinute.toFixed(0)} articles/min, peak RSS ${(peakRss / 1048576).toFixed(0)} MB`);
for (const [stage, value] of Object.entries(stageLatency))
  console.log(`  ${stage.padEnd(8)} p50 ${value.p50} ms  p95 ${value.p95} ms  (${value.n} messages)`);
console.log(
  `  limit: ${written.objects} S3 puts + ${written.items} DynamoDB writes done directly take ${baselineSeconds.toFixed(1)} s; pipeline overhead ratio ${ratio.toFixed(1)}x`,
);
console.log(
  `RESULT ${JSON.stringify({
    e2e_articles_per_min: Math.round(perMinute),
    e2e_overhead_ratio: Number(ratio.toFixed(2)),
    e2e_stage_latency_ms: stageLatency,
    e2e_articles: articles,
    e2e_events: observer.get('EventsWritten'),
    e2e_seconds: Number(seconds.toFixed(1)),
    peak_rss_mb: Math.round(peakRss / 1048576),
  })}`,
);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0);
}

/** What the pipeline left in the bucket and the tables: the writes the limit repeats. */
async function countWrites(
  aws: AwsClients,
  cfg: LocalConfig,
): Promise<{ objects: number; bytes: number; items: number }> {
  let objects = 0;
  let bytes = 0;
  let token: string | undefined;
  do {
    const page = await aws.s3.send(new ListObjectsV2Command({ Bucket: cfg.bucket, ContinuationToken: token }));
    for (const object of page.Contents ?? []) {
      objects += 1;
      bytes += object.Size ?? 0;
    }
    token = page.NextContinuationToken;
  } while (token);
  let items = 0;
  for (const table of Object.values(cfg.tables)) {
    let key: Record<string, unknown> | undefined;
    do {
      const page = await aws.doc.send(new ScanCommand({ TableName: table, Select: 'COUNT', ExclusiveStartKey: key }));
      items += page.Count ?? 0;
      key = page.LastEvaluatedKey;
    } while (key);
  }
  return { objects, bytes, items };
}

/** The same number of puts (of the same average size) and item writes, straight through the SDK. */
async function directWrites(
  aws: AwsClients,
  count: { objects: number; bytes: number; items: number },
): Promise<number> {
  await aws.s3.send(new CreateBucketCommand({ Bucket: 'eventwire-baseline' }));
  await aws.dynamo.send(
    new CreateTableCommand({
      TableName: 'eventwire-baseline',
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    }),
  );
  const body = Buffer.alloc(Math.max(1, Math.round(count.bytes / Math.max(1, count.objects))), 'x');
  const tasks: Array<() => Promise<unknown>> = [
    ...Array.from(
      { length: count.objects },
      (_, i) => () => aws.s3.send(new PutObjectCommand({ Bucket: 'eventwire-baseline', Key: `o/${i}`, Body: body })),
    ),
    ...Array.from(
      { length: count.items },
      (_, i) => () =>
        aws.doc.send(
          new PutCommand({ TableName: 'eventwire-baseline', Item: { pk: `i${i}`, payload: 'x'.repeat(400) } }),
        ),
    ),
  ];
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: BASELINE_CONCURRENCY }, async () => {
      while (next < tasks.length) await tasks[next++]?.();
    }),
  );
  return (performance.now() - started) / 1000;
}
