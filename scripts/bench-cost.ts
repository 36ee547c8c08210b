// Cost model: counts the AWS requests one curated demo run makes per article, measures each stage's time per
// message, and prices both with data/pricing/us-east-1.json. Usage: npx tsx scripts/bench-cost.ts
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { startDemoSite } from '../src/demo-site/index.js';
import { startLocalStack } from '../src/local/stack.js';
import { drainQueues, queueConsumer } from '../src/local/drain.js';
import { createEventCoder } from '../src/coder/index.js';
import { MemoryHostGate } from '../src/fetch/index.js';
import { LocalQueue } from '../src/queue/local-queue.js';
import { ArticleMessageSchema, CodeMessageSchema, FeedMessageSchema, type ArticleMessage, type CodeMessage, type FeedMessage } from '../src/queue/messages.js';
import { createStageDeps } from '../src/runtime/stage-deps.js';
import { codeArticle, fetchArticle, fetchFeed, scheduleDueFeeds, silentObserver } from '../src/stages/index.js';
import { createAwsClients, type AwsClients } from '../src/storage/clients.js';

const PricingSchema = z.object({
  source: z.string(), asOf: z.string(),
  lambda: z.object({ arm64GbSecond: z.number(), requestsPerMillion: z.number() }),
  s3: z.object({ putPer1000: z.number(), getPer1000: z.number() }),
  dynamodb: z.object({ writeRequestUnitsPerMillion: z.number(), readRequestUnitsPerMillion: z.number() }),
  sqs: z.object({ standardRequestsPerMillion: z.number() }),
});
/** Memory each function is deployed with (MB), as in the CDK app. */
const MEMORY_MB = { feed: 256, article: 512, code: 1024 } as const;
const DYNAMO_WRITES = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand']);
const DAILY_VOLUMES = [10_000, 100_000, 1_000_000];

interface Usage { s3Put: number; s3Get: number; wru: number; rru: number; dynamoRequests: number }

/** Counts S3 PUT/GET and approximates DynamoDB units per request: 1 WRU per KB written, 1 RRU per 4 KB read. */
function countRequests(clients: AwsClients): Usage {
  const usage: Usage = { s3Put: 0, s3Get: 0, wru: 0, rru: 0, dynamoRequests: 0 };
  clients.s3.middlewareStack.add((next, context) => async (args) => {
    if (context.commandName === 'PutObjectCommand') usage.s3Put += 1;
    if (context.commandName === 'GetObjectCommand') usage.s3Get += 1;
    return next(args);
  }, { step: 'initialize', name: 'costCounterS3' });
  clients.dynamo.middlewareStack.add((next, context) => async (args) => {
    const request = args.request as { body?: unknown };
    const result = await next(args);
    const response = result.response as { headers?: Record<string, string> };
    const sent = typeof request.body === 'string' ? Buffer.byteLength(request.body) : 0;
    const received = Number(response.headers?.['content-length'] ?? 0);
    usage.dynamoRequests += 1;
    if (DYNAMO_WRITES.has(context.commandName ?? '')) usage.wru += Math.max(1, Math.ceil(sent / 1024));
    else usage.rru += Math.max(1, Math.ceil(received / 4096));
    return result;
  }, { step: 'finalizeRequest', name: 'costCounterDynamo' });
  return usage;
}

/** Runs the stages one queue after the other at concurrency 1, timing each message (Lambda bills wall time). */
async function measuredRun(clients: AwsClients, config: Parameters<typeof createStageDeps>[0], feeds: Parameters<typeof scheduleDueFeeds>[1]): Promise<Record<'feed' | 'article' | 'code', { ms: number; messages: number }>> {
  const queues = { feed: new LocalQueue<FeedMessage>('feed'), article: new LocalQueue<ArticleMessage>('article'), code: new LocalQueue<CodeMessage>('code') };
  const deps = createStageDeps(config, clients, queues, silentObserver, { gate: new MemoryHostGate(), createCoder: () => createEventCoder() });
  deps.coder(); // model load is a cold start, not per-article work
  const times = { feed: { ms: 0, messages: 0 }, article: { ms: 0, messages: 0 }, code: { ms: 0, messages: 0 } };
  const timed = <T>(name: keyof typeof times, stage: (message: T) => Promise<unknown>) => async (message: T): Promise<unknown> => {
    const start = performance.now();
    try {
      return await stage(message);
    } finally {
      times[name].ms += performance.now() - start;
      times[name].messages += 1;
    }
  };
  await scheduleDueFeeds(deps, feeds, { everyFeed: true });
  const signal = new AbortController().signal;
  await drainQueues([queueConsumer(queues.feed, FeedMessageSchema, timed('feed', (m: FeedMessage) => fetchFeed(m, deps)), 1)], signal);
  await drainQueues([queueConsumer(queues.article, ArticleMessageSchema, timed('article', (m: ArticleMessage) => fetchArticle(m, deps)), 1)], signal);
  await drainQueues([queueConsumer(queues.code, CodeMessageSchema, timed('code', (m: CodeMessage) => codeArticle(m, deps)), 1)], signal);
  return times;
}

async function main(): Promise<void> {
  const pricing = PricingSchema.parse(JSON.parse(await readFile(new URL('../data/pricing/us-east-1.json', import.meta.url), 'utf8')));
  const dataDir = await mkdtemp(join(tmpdir(), 'eventwire-cost-'));
  const demo = await startDemoSite({ port: 0 });
  const stack = await startLocalStack(dataDir);
  const config = stack.config([new URL(demo.origin).host]);
  const clients = createAwsClients(config);
  const usage = countRequests(clients);
  try {
    const times = await measuredRun(clients, config, demo.feeds);
    const articles = times.article.messages;
    report(pricing, usage, times, articles);
  } finally {
    clients.s3.destroy();
    clients.dynamo.destroy();
    await stack.close();
    await demo.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

function report(pricing: z.infer<typeof PricingSchema>, usage: Usage, times: Awaited<ReturnType<typeof measuredRun>>, articles: number): void {
  const per = (value: number): number => value / articles;
  // SQS per article: one send, one receive and one delete per queue hop (3 hops), batched by 10.
  const sqsRequests = (3 * 3) / 10;
  const gbSeconds = (['feed', 'article', 'code'] as const).reduce((sum, stage) => sum + (times[stage].ms / 1000) * (MEMORY_MB[stage] / 1024), 0) / articles;
  // Lambda invocations per article: SQS batches of 10 on each of the 3 queues.
  const invocations = 3 / 10;
  const perArticle = {
    s3_put: per(usage.s3Put), s3_get: per(usage.s3Get), dynamodb_wru: per(usage.wru), dynamodb_rru: per(usage.rru),
    dynamodb_requests: per(usage.dynamoRequests), sqs_requests: sqsRequests, lambda_gb_seconds: gbSeconds, lambda_invocations: invocations,
  };
  const costs = {
    s3: perArticle.s3_put * pricing.s3.putPer1000 / 1000 + perArticle.s3_get * pricing.s3.getPer1000 / 1000,
    dynamodb: perArticle.dynamodb_wru * pricing.dynamodb.writeRequestUnitsPerMillion / 1e6 + perArticle.dynamodb_rru * pricing.dynamodb.readRequestUnitsPerMillion / 1e6,
    sqs: sqsRequests * pricing.sqs.standardRequestsPerMillion / 1e6,
    lambda: gbSeconds * pricing.lambda.arm64GbSecond + invocations * pricing.lambda.requestsPerMillion / 1e6,
  };
  const perMillion = (costs.s3 + costs.dynamodb + costs.sqs + costs.lambda) * 1e6;
  const monthly = Object.fromEntries(DAILY_VOLUMES.map((daily) => [String(daily), round(perMillion * daily * 30 / 1e6)]));
  const lines = [
    `cost model: ${articles} demo articles, prices ${pricing.asOf} (${pricing.source})`,
    `stage time per message: feed ${(times.feed.ms / Math.max(1, times.feed.messages)).toFixed(1)} ms, article ${(times.article.ms / Math.max(1, times.article.messages)).toFixed(1)} ms, code ${(times.code.ms / Math.max(1, times.code.messages)).toFixed(1)} ms`,
    '',
    'per article           count        USD per million articles',
    ...Object.entries(perArticle).map(([name, value]) => `  ${name.padEnd(20)}${value.toFixed(4).padStart(10)}`),
    '',
    ...Object.entries(costs).map(([service, usd]) => `  ${service.padEnd(10)} ${(usd * 1e6).toFixed(2).padStart(10)} USD / million articles`),
    `  ${'total'.padEnd(10)} ${perMillion.toFixed(2).padStart(10)} USD / million articles (goal < 5)`,
    '',
    ...DAILY_VOLUMES.map((daily) => `  ${String(daily).padStart(9)} articles/day -> ${String(monthly[String(daily)]).padStart(10)} USD / month`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const requests = Object.fromEntries(Object.entries(perArticle).map(([name, value]) => [name, round(value)]));
  process.stdout.write(`RESULT ${JSON.stringify({ cost_usd_per_million_articles: round(perMillion), cost_monthly_usd: monthly, requests_per_article: requests })}\n`);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

await main();
process.exit(0);
