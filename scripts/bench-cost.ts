// Cost model: meters the AWS requests one demo run makes per article (DynamoDB index writes and bus events
// included), measures each stage's billed time per batch, and prices both with data/pricing/us-east-1.json. Usage: npx tsx scripts/bench-cost.ts
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { InfraConfigSchema } from '../infra/config.js';
import { FUNCTION_SPECS } from '../infra/functions.js';
import { DETAIL_TYPES } from '../src/changes/change-events.js';
import { createEventCoder } from '../src/coder/index.js';
import { startDemoSite } from '../src/demo-site/index.js';
import { MemoryHostGate } from '../src/fetch/index.js';
import { drainQueues, type QueueConsumer, queueConsumer } from '../src/local/drain.js';
import { startLocalStack } from '../src/local/stack.js';
import { LocalQueue } from '../src/queue/local-queue.js';
import {
  type ArticleMessage,
  ArticleMessageSchema,
  type CodeMessage,
  CodeMessageSchema,
  type FeedMessage,
  FeedMessageSchema,
} from '../src/queue/messages.js';
import { createStageDeps } from '../src/runtime/stage-deps.js';
import { codeArticle, fetchArticle, fetchFeed, type StageObserver, scheduleDueFeeds } from '../src/stages/index.js';
import { type AwsClients, createAwsClients } from '../src/storage/clients.js';
import { DynamoEventStore, TRACKED_REPORTS } from '../src/storage/event-store.js';
import { TABLES, type TableDesign } from '../src/storage/table-design.js';
import { type DynamoUsage, meterDynamo } from './lib/dynamo-meter.js';

const PricingSchema = z.object({
  source: z.string(),
  asOf: z.string(),
  lambda: z.object({ arm64GbSecond: z.number(), requestsPerMillion: z.number() }),
  s3: z.object({ putPer1000: z.number(), getPer1000: z.number() }),
  dynamodb: z.object({
    writeRequestUnitsPerMillion: z.number(),
    readRequestUnitsPerMillion: z.number(),
    provisionedWcuHour: z.number(),
    provisionedRcuHour: z.number(),
  }),
  sqs: z.object({ standardRequestsPerMillion: z.number() }),
  eventbridge: z.object({ customEventsPerMillion: z.number() }),
  cloudwatch: z.object({ logsIngestedPerGb: z.number() }),
  xray: z.object({ tracesRecordedPerMillion: z.number() }),
});
type Pricing = z.infer<typeof PricingSchema>;

const DAILY_VOLUMES = [10_000, 100_000, 1_000_000];
const STAGES = { feed: 'fetch-feed', article: 'fetch-article', code: 'code-events' } as const;
type Stage = keyof typeof STAGES;
/** Messages per Lambda invocation, as the deployed event source mappings batch them. */
const BATCH_SIZES: Record<Stage, number> = (() => {
  const defaults = InfraConfigSchema.parse({});
  return { feed: defaults.feedBatchSize, article: defaults.articleBatchSize, code: defaults.codeBatchSize };
})();
const DEPLOYED = InfraConfigSchema.parse({});
const PUBLISH_BATCH = DEPLOYED.publishBatchSize;
const HOURS_PER_MONTH = 730;
/** Log bytes per invocation: START/END/REPORT platform lines and one metrics (EMF) document. */
const LOG_BYTES_PER_INVOCATION = 1_100;
/** Bytes of one Powertools JSON log line around its message (level, time, service, request and trace ids). */
const LOG_LINE_OVERHEAD = 400;
/** Share of invocations X-Ray records under the default sampling rule (5% after the first request each second). */
const XRAY_SAMPLED = 0.05;

interface S3Usage {
  put: number;
  get: number;
}
interface StageTime {
  ms: number;
  messages: number;
  invocations: number;
}
interface LogUsage {
  bytes: number;
}

function countS3(clients: AwsClients): S3Usage {
  const usage: S3Usage = { put: 0, get: 0 };
  clients.s3.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'PutObjectCommand') usage.put += 1;
      if (context.commandName === 'GetObjectCommand') usage.get += 1;
      return next(args);
    },
    { step: 'initialize', name: 'costCounterS3' },
  );
  return usage;
}

/** Counts the bytes the stages would log through Powertools at the default INFO level. */
function loggingObserver(usage: LogUsage): StageObserver {
  const line = (message: string, fields?: Record<string, unknown>): void => {
    usage.bytes += LOG_LINE_OVERHEAD + message.length + JSON.stringify(fields ?? {}).length;
  };
  return { info: line, warn: line, count: () => undefined };
}

/**
 * Runs each stage's queue to empty, one stage after the other, in batches of the deployed batch size handled
 * the way the Lambda handler does (records in parallel). Lambda bills each batch's wall time.
 */
async function measuredRun(
  clients: AwsClients,
  config: Parameters<typeof createStageDeps>[0],
  feeds: Parameters<typeof scheduleDueFeeds>[1],
  logs: LogUsage,
): Promise<Record<Stage, StageTime>> {
  const queues = {
    feed: new LocalQueue<FeedMessage>('feed'),
    article: new LocalQueue<ArticleMessage>('article'),
    code: new LocalQueue<CodeMessage>('code'),
  };
  const deps = createStageDeps(config, clients, queues, loggingObserver(logs), {
    gate: new MemoryHostGate(),
    createCoder: () => createEventCoder(),
  });
  deps.coder(); // model load is a cold start, not per-article work
  const times: Record<Stage, StageTime> = {
    feed: { ms: 0, messages: 0, invocations: 0 },
    article: { ms: 0, messages: 0, invocations: 0 },
    code: { ms: 0, messages: 0, invocations: 0 },
  };
  const timed = (stage: Stage, consumer: QueueConsumer): QueueConsumer => ({
    ...consumer,
    queue: {
      get depth() {
        return consumer.queue.depth;
      },
      get held() {
        return consumer.queue.held;
      },
      get nextVisibleAt() {
        return consumer.queue.nextVisibleAt;
      },
      receive: () => consumer.queue.receive(BATCH_SIZES[stage]),
      settle: (event, failed, reasons) => consumer.queue.settle(event, failed, reasons),
    },
    handle: async (event, reasons) => {
      const start = performance.now();
      try {
        return await consumer.handle(event, reasons);
      } finally {
        times[stage].ms += performance.now() - start;
        times[stage].messages += event.Records.length;
        times[stage].invocations += 1;
      }
    },
  });
  await scheduleDueFeeds(deps, feeds, { everyFeed: true });
  const signal = new AbortController().signal;
  await drainQueues(
    [
      timed(
        'feed',
        queueConsumer(queues.feed, FeedMessageSchema, (m: FeedMessage) => fetchFeed(m, deps), 1),
      ),
    ],
    signal,
  );
  await drainQueues(
    [
      timed(
        'article',
        queueConsumer(queues.article, ArticleMessageSchema, (m: ArticleMessage) => fetchArticle(m, deps), 1),
      ),
    ],
    signal,
  );
  await drainQueues(
    [
      timed(
        'code',
        queueConsumer(queues.code, CodeMessageSchema, (m: CodeMessage) => codeArticle(m, deps), 1),
      ),
    ],
    signal,
  );
  return times;
}

async function main(): Promise<void> {
  const pricing = PricingSchema.parse(
    JSON.parse(await readFile(new URL('../data/pricing/us-east-1.json', import.meta.url), 'utf8')),
  );
  const dataDir = await mkdtemp(join(tmpdir(), 'eventwire-cost-'));
  const demo = await startDemoSite({ port: 0 });
  const stack = await startLocalStack(dataDir);
  const config = stack.config([new URL(demo.origin).host]);
  const clients = createAwsClients(config);
  const s3 = countS3(clients);
  const dynamo = meterDynamo(
    clients.dynamo,
    config.endpoints.dynamodb ?? '',
    new Map(TABLES.map((design) => [config.tables[design.id], design])),
    config.tables.events,
  );
  const logs: LogUsage = { bytes: 0 };
  try {
    const times = await measuredRun(clients, config, demo.feeds, logs);
    const result = report(pricing, { s3, dynamo, logs, times, tableNames: config.tables }, times.article.messages);
    const largeEvent = await reportLargeEvent(config);
    process.stdout.write(`RESULT ${JSON.stringify({ ...result, large_event_report_wru: largeEvent })}\n`);
  } finally {
    clients.s3.destroy();
    clients.dynamo.destroy();
    await stack.close();
    await demo.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

type TableNames = Record<TableDesign['id'], string>;
type LocalConfig = ReturnType<Awaited<ReturnType<typeof startLocalStack>>['config']>;
interface Measured {
  s3: S3Usage;
  dynamo: DynamoUsage;
  logs: LogUsage;
  times: Record<Stage, StageTime>;
  tableNames: TableNames;
}

function report(pricing: Pricing, measured: Measured, articles: number): Record<string, unknown> {
  const { s3, dynamo, logs, times, tableNames } = measured;
  const per = (value: number): number => value / articles;
  const stages = Object.keys(STAGES) as Stage[];
  const gbSeconds = per(
    stages.reduce((sum, stage) => sum + (times[stage].ms / 1000) * (FUNCTION_SPECS[STAGES[stage]].memoryMb / 1024), 0),
  );
  const publishInvocations = Math.ceil(dynamo.busEvents / PUBLISH_BATCH);
  const invocations = per(stages.reduce((sum, stage) => sum + times[stage].invocations, 0) + publishInvocations);
  // SQS per message: a send (batched by 10 where the stage sends many), a receive and a delete per invocation.
  const sqsRequests = per(
    stages.reduce((sum, stage) => sum + times[stage].messages / 10 + 2 * times[stage].invocations, 0),
  );
  const perArticle = {
    s3_put: per(s3.put),
    s3_get: per(s3.get),
    dynamodb_table_wru: per(dynamo.tableWru),
    dynamodb_index_wru: per(dynamo.indexWru),
    dynamodb_rru: per(dynamo.rru),
    dynamodb_requests: per(dynamo.requests),
    sqs_requests: sqsRequests,
    lambda_gb_seconds: gbSeconds,
    lambda_invocations: invocations,
    bus_events: per(dynamo.busEvents),
    log_kb: per(logs.bytes + LOG_BYTES_PER_INVOCATION * invocations * articles) / 1024,
  };
  const costs = {
    s3: (perArticle.s3_put * pricing.s3.putPer1000) / 1000 + (perArticle.s3_get * pricing.s3.getPer1000) / 1000,
    dynamodb:
      ((perArticle.dynamodb_table_wru + perArticle.dynamodb_index_wru) * pricing.dynamodb.writeRequestUnitsPerMillion) /
        1e6 +
      (perArticle.dynamodb_rru * pricing.dynamodb.readRequestUnitsPerMillion) / 1e6,
    sqs: (sqsRequests * pricing.sqs.standardRequestsPerMillion) / 1e6,
    lambda: gbSeconds * pricing.lambda.arm64GbSecond + (invocations * pricing.lambda.requestsPerMillion) / 1e6,
    eventbridge: (perArticle.bus_events * pricing.eventbridge.customEventsPerMillion) / 1e6,
    logs: (perArticle.log_kb / 1024 / 1024) * pricing.cloudwatch.logsIngestedPerGb,
    xray: (invocations * XRAY_SAMPLED * pricing.xray.tracesRecordedPerMillion) / 1e6,
  };
  const perMillion = Object.values(costs).reduce((sum, usd) => sum + usd, 0) * 1e6;
  const monthly = Object.fromEntries(
    DAILY_VOLUMES.map((daily) => [String(daily), round((perMillion * daily * 30) / 1e6)]),
  );
  // tableCapacity=provisioned: the same work on auto-scaled capacity, everything else unchanged.
  const otherServices = perMillion - costs.dynamodb * 1e6;
  const provisionedMonthly = Object.fromEntries(
    DAILY_VOLUMES.map((daily) => [
      String(daily),
      round(
        (otherServices * daily * 30) / 1e6 + provisionedDynamoMonthly(pricing, dynamo, tableNames, articles, daily),
      ),
    ]),
  );
  const provisionedPerMillion =
    otherServices + provisionedDynamoMonthly(pricing, dynamo, tableNames, articles, 1_000_000) / 30;
  const split = costSplit(pricing, dynamo, perMillion, articles);
  const stageTimes = stages.map(
    (stage) =>
      `${stage} ${(times[stage].ms / Math.max(1, times[stage].invocations)).toFixed(0)} ms per batch of <= ${BATCH_SIZES[stage]}`,
  );
  const heaviest = [...dynamo.byTarget]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([target, units]) => `${target.replace(/^eventwire-/, '')} ${per(units).toFixed(1)}`);
  const lines = [
    `cost model: ${articles} demo articles, prices ${pricing.asOf} (${pricing.source})`,
    `billed time: ${stageTimes.join(', ')}`,
    `write units per article by table/index: ${heaviest.join(', ')}`,
    '',
    'per article',
    ...Object.entries(perArticle).map(([name, value]) => `  ${name.padEnd(20)}${value.toFixed(4).padStart(10)}`),
    '',
    ...Object.entries(costs).map(
      ([service, usd]) => `  ${service.padEnd(12)} ${(usd * 1e6).toFixed(2).padStart(8)} USD / million articles`,
    ),
    `  ${'total'.padEnd(12)} ${perMillion.toFixed(2).padStart(8)} USD / million articles (goal < 5)`,
    '',
    'what drives it (USD per million): cost = article + new events x new_event + reports x report + updates x event_update',
    ...Object.entries(split.usdPerMillion).map(
      ([part, usd]) =>
        `  ${part.padEnd(14)} ${usd.toFixed(2).padStart(8)}${part === 'article' ? '   (an article that yields no event)' : ''}`,
    ),
    `  demo mix per article: ${Object.entries(split.perArticle)
      .map(([part, n]) => `${n.toFixed(2)} ${part}`)
      .join(', ')}`,
    '',
    ...DAILY_VOLUMES.map(
      (daily) =>
        `  ${String(daily).padStart(9)} articles/day -> ${String(monthly[String(daily)]).padStart(10)} USD / month`,
    ),
    '',
    `tableCapacity=provisioned (auto scaling at ${DEPLOYED.capacityTargetPercent}%, at least ${DEPLOYED.minCapacityUnits} units per table and index):`,
    `  ${'total'.padEnd(12)} ${provisionedPerMillion.toFixed(2).padStart(8)} USD / million articles at 1M/day`,
    ...DAILY_VOLUMES.map(
      (daily) =>
        `  ${String(daily).padStart(9)} articles/day -> ${String(provisionedMonthly[String(daily)]).padStart(10)} USD / month`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const requests = Object.fromEntries(Object.entries(perArticle).map(([name, value]) => [name, round(value)]));
  const services = Object.fromEntries(Object.entries(costs).map(([service, usd]) => [service, round(usd * 1e6)]));
  return {
    cost_usd_per_million_articles: round(perMillion),
    cost_split_usd_per_million: Object.fromEntries(
      Object.entries(split.usdPerMillion).map(([part, usd]) => [part, round(usd)]),
    ),
    cost_split_mix_per_article: Object.fromEntries(
      Object.entries(split.perArticle).map(([part, n]) => [part, round(n)]),
    ),
    cost_by_service_usd_per_million: services,
    cost_monthly_usd: monthly,
    cost_provisioned_usd_per_million_articles: round(provisionedPerMillion),
    cost_provisioned_monthly_usd: provisionedMonthly,
    requests_per_article: requests,
  };
}

/**
 * Splits the per-article cost into what each article costs whatever it reports and what each new event, each
 * report (a mention) and each update of a known event add in DynamoDB writes and bus events. Lets a user price a
 * mix other than the demo's, and shows the part no event data model can remove.
 */
function costSplit(pricing: Pricing, dynamo: DynamoUsage, perMillion: number, articles: number) {
  const kind = (name: string) => dynamo.byKind.get(name) ?? { writes: 0, units: 0 };
  const bus = (type: string): number => dynamo.busByType.get(type) ?? 0;
  const wru = pricing.dynamodb.writeRequestUnitsPerMillion;
  const busPrice = pricing.eventbridge.customEventsPerMillion;
  const parts = {
    new_event: { kind: kind('EVENT/EVENT new'), busEvents: bus(DETAIL_TYPES.eventCreated) },
    report: { kind: kind('EVENT/MENTION new'), busEvents: 0 },
    event_update: { kind: kind('EVENT/EVENT'), busEvents: bus(DETAIL_TYPES.eventUpdated) },
  };
  const usdPerMillion: Record<string, number> = {};
  const perArticle: Record<string, number> = {};
  let driven = 0;
  for (const [
    part,
    {
      kind: { writes, units },
      busEvents,
    },
  ] of Object.entries(parts)) {
    usdPerMillion[part] = writes ? (units * wru + busEvents * busPrice) / writes : 0;
    perArticle[part] = writes / articles;
    driven += (units * wru + busEvents * busPrice) / articles;
  }
  return { usdPerMillion: { article: perMillion - driven, ...usdPerMillion }, perArticle };
}

/** Reports of one event at which the write units of a single report are printed. */
const LARGE_EVENT_MILESTONES = [1, 10, 100, TRACKED_REPORTS, TRACKED_REPORTS + 1, TRACKED_REPORTS + 100];

/**
 * A widely reported event: the same happening reported by one article after another. Prints what recording one
 * report costs (table and index write units) as the event grows; the cap on tracked reports keeps it flat.
 */
async function reportLargeEvent(config: LocalConfig): Promise<Record<string, number>> {
  const clients = createAwsClients(config);
  const usage = meterDynamo(
    clients.dynamo,
    config.endpoints.dynamodb ?? '',
    new Map(TABLES.map((design) => [config.tables[design.id], design])),
    config.tables.events,
  );
  const store = new DynamoEventStore(clients.doc, config.tables.events);
  const [event] = createEventCoder().code({
    text: 'French and German ministers met in Berlin on Monday to discuss energy prices.',
    date: '2026-11-02',
  }).events;
  if (!event) throw new Error('the large-event sentence codes no event');
  const costs: Record<string, number> = {};
  const last = LARGE_EVENT_MILESTONES.at(-1) ?? 0;
  for (let n = 1; n <= last; n += 1) {
    const before = usage.tableWru + usage.indexWru;
    const articleId = `large-${String(n).padStart(5, '0')}-${'x'.repeat(10)}`;
    await store.recordMentions(
      {
        article_id: articleId,
        url: `http://127.0.0.1/large/${n}`,
        outlet: `Outlet ${n % 40}`,
        title: null,
        published: null,
      },
      [event],
      '2026-11-02',
      new Date(),
    );
    if (LARGE_EVENT_MILESTONES.includes(n)) costs[String(n)] = usage.tableWru + usage.indexWru - before;
  }
  clients.dynamo.destroy();
  const shown = Object.entries(costs)
    .map(([n, units]) => `#${n} ${units}`)
    .join(', ');
  process.stdout.write(`\nlarge event (one happening, ${last} reports): write units to record report ${shown}\n`);
  return costs;
}

/**
 * Monthly DynamoDB bill on provisioned capacity for a steady load: each table and index holds its share of the
 * writes divided by the target utilisation, never less than the minimum capacity. Reads are not metered per
 * index, so the read minimum is applied to their total.
 */
function provisionedDynamoMonthly(
  pricing: Pricing,
  dynamo: DynamoUsage,
  tableNames: TableNames,
  articles: number,
  daily: number,
): number {
  const target = DEPLOYED.capacityTargetPercent / 100;
  const perSecond = (unitsPerArticle: number): number => (unitsPerArticle * daily) / 86_400 / target;
  // Named as the meter names them: the table, or "table/index".
  const resources = TABLES.flatMap((design) => [
    tableNames[design.id],
    ...design.indexes.map((index) => `${tableNames[design.id]}/${index.name}`),
  ]);
  const wcu = resources.reduce(
    (sum, resource) =>
      sum + Math.max(DEPLOYED.minCapacityUnits, perSecond((dynamo.byTarget.get(resource) ?? 0) / articles)),
    0,
  );
  const rcu = Math.max(DEPLOYED.minCapacityUnits * resources.length, perSecond(dynamo.rru / articles));
  return (wcu * pricing.dynamodb.provisionedWcuHour + rcu * pricing.dynamodb.provisionedRcuHour) * HOURS_PER_MONTH;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

await main();
process.exit(0);
