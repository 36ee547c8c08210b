// The two shapes the cost model runs through the real stages on the local stack, with metered SDK clients:
// the curated demo polled once with every item new, and a production-shaped site whose feeds list `listed` items
// of which `fresh` are new at each poll.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InfraConfigSchema } from '../../infra/config.js';
import { createEventCoder } from '../../src/coder/index.js';
import type { LocalConfig } from '../../src/config/index.js';
import { stableId } from '../../src/core/ids.js';
import { startDemoSite } from '../../src/demo-site/index.js';
import { canonicalUrl, DynamoHostGate } from '../../src/fetch/index.js';
import { drainQueues, queueConsumer } from '../../src/local/drain.js';
import { createLocalQueues, type LocalQueues } from '../../src/local/local-pipeline.js';
import { startLocalStack } from '../../src/local/stack.js';
import type { LocalQueue } from '../../src/queue/local-queue.js';
import {
  type ArticleMessage,
  ArticleMessageSchema,
  type CodeMessage,
  CodeMessageSchema,
  type FeedMessage,
  FeedMessageSchema,
} from '../../src/queue/messages.js';
import { SendCoalescer } from '../../src/queue/send-coalescer.js';
import type { MessageSink } from '../../src/queue/sink.js';
import { createStageDeps } from '../../src/runtime/stage-deps.js';
import { codeArticle, fetchArticle, fetchFeed, type StageDeps, scheduleDueFeeds } from '../../src/stages/index.js';
import { type AwsClients, createAwsClients } from '../../src/storage/clients.js';
import type { FeedSpec } from '../../src/storage/feed-store.js';
import { TABLES } from '../../src/storage/table-design.js';
import {
  type Counters,
  countingRecordSink,
  countingSink,
  countS3,
  loggingObserver,
  newCounters,
  resetCounters,
  type Stage,
  timedConsumer,
} from './cost-meters.js';
import { type DynamoUsage, meterDynamo, resetUsage } from './dynamo-meter.js';
import { type ProductionShape, startProductionSite } from './production-site.js';

const DEPLOYED = InfraConfigSchema.parse({});
/** Messages per Lambda invocation, as the deployed event source mappings batch them. */
export const BATCH_SIZES: Record<Stage, number> = {
  feed: DEPLOYED.feedBatchSize,
  article: DEPLOYED.articleBatchSize,
  code: DEPLOYED.codeBatchSize,
};

export interface ScenarioOptions extends ProductionShape {
  /** How many of one host's new articles sit together in an article batch (default: all of a poll's). */
  perHost: number;
}

/** What one metered run measured. */
export interface Measured {
  name: string;
  /** Articles the measured polls brought (new feed items). */
  articles: number;
  /** Feed polls measured. */
  polls: number;
  counters: Counters;
  dynamo: DynamoUsage;
  tableNames: LocalConfig['tables'];
}

interface Harness {
  config: LocalConfig;
  clients: AwsClients;
  counters: Counters;
  dynamo: DynamoUsage;
  deps: StageDeps;
  queues: LocalQueues;
  sending: { feed: SendCoalescer; article: SendCoalescer };
  /** Article messages held back by the feed stage, to be released in the order the scenario chooses. */
  staged: ArticleMessage[];
  /** Articles whose messages were released to the article queue since the counters were last reset. */
  released: Set<string>;
  close(): Promise<void>;
}

/** The local stack with metered clients and the stages wired as in production (DynamoDB host gate included). */
async function harness(allowedHosts: string[], hostIntervalMs: number): Promise<Harness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'eventwire-cost-'));
  const stack = await startLocalStack(dataDir);
  const config: LocalConfig = { ...stack.config(allowedHosts), hostIntervalMs };
  const clients = createAwsClients(config);
  const counters = newCounters();
  countS3(clients, counters);
  const dynamo = meterDynamo(
    clients.dynamo,
    config.endpoints.dynamodb ?? '',
    new Map(TABLES.map((design) => [config.tables[design.id], design])),
    config.tables.events,
  );
  const queues = createLocalQueues();
  const staged: ArticleMessage[] = [];
  const staging: MessageSink<ArticleMessage> = { send: async (messages) => void staged.push(...messages) };
  // What a stage's records send is gathered per batch, as the Lambda handler does (src/runtime/lambda.ts).
  const sending = { feed: new SendCoalescer(), article: new SendCoalescer() };
  const deps = createStageDeps(
    config,
    clients,
    {
      feed: countingSink(queues.feed, counters),
      article: countingRecordSink(sending.feed.sink(countingSink(staging, counters)), counters),
      code: countingRecordSink(sending.article.sink(countingSink(queues.code, counters)), counters),
    },
    loggingObserver(counters),
    {
      gate: new DynamoHostGate(clients.doc, config.tables.state),
      createCoder: () => createEventCoder(),
    },
  );
  deps.coder(); // model load is a cold start, not per-article work
  return {
    config,
    clients,
    counters,
    dynamo,
    deps,
    queues,
    sending,
    staged,
    released: new Set(),
    close: async () => {
      clients.s3.destroy();
      clients.dynamo.destroy();
      await stack.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Schedules every feed and runs each stage's queue to empty, one stage after the other, in batches of the deployed
 * batch size handled as the Lambda handler does. The feed stage's article messages are released to the article
 * queue `perHost` of one host at a time, hosts taking turns.
 */
async function runRound(h: Harness, feeds: readonly FeedSpec[], perHost: number): Promise<void> {
  await scheduleDueFeeds(h.deps, feeds, { everyFeed: true });
  const signal = new AbortController().signal;
  const drain = async (stage: Stage, queue: LocalQueue<never>, consumer: Parameters<typeof timedConsumer>[1]) =>
    drainQueues([timedConsumer(stage, consumer, queue, BATCH_SIZES[stage], h.counters)], signal);
  await drain(
    'feed',
    h.queues.feed as LocalQueue<never>,
    queueConsumer(h.queues.feed, FeedMessageSchema, (m: FeedMessage) => fetchFeed(m, h.deps), 1, h.sending.feed),
  );
  const released = h.staged.splice(0);
  for (const message of released) h.released.add(message.article_id);
  await h.queues.article.send(Number.isFinite(perHost) ? interleave(released, perHost) : released);
  await drain(
    'article',
    h.queues.article as LocalQueue<never>,
    queueConsumer(
      h.queues.article,
      ArticleMessageSchema,
      (m: ArticleMessage) => fetchArticle(m, h.deps),
      1,
      h.sending.article,
    ),
  );
  await drain(
    'code',
    h.queues.code as LocalQueue<never>,
    queueConsumer(h.queues.code, CodeMessageSchema, (m: CodeMessage) => codeArticle(m, h.deps), 1),
  );
}

/** Orders article messages so that `perHost` of one host come together, hosts taking turns. */
function interleave(messages: ArticleMessage[], perHost: number): ArticleMessage[] {
  const byHost = new Map<string, ArticleMessage[]>();
  for (const message of messages) {
    const host = hostOf.get(message.article_id) ?? '';
    byHost.set(host, [...(byHost.get(host) ?? []), message]);
  }
  const chunks = [...byHost.values()].map((list) =>
    Array.from({ length: Math.ceil(list.length / perHost) }, (_, n) => list.slice(n * perHost, (n + 1) * perHost)),
  );
  const ordered: ArticleMessage[] = [];
  for (let round = 0; chunks.some((list) => list.length > round); round += 1)
    for (const list of chunks) ordered.push(...(list[round] ?? []));
  return ordered;
}

/** Host of each article the bench knows of (its id is a hash of its canonical URL). */
const hostOf = new Map<string, string>();
function rememberHost(url: string): string {
  const id = stableId([canonicalUrl(url)]);
  hostOf.set(id, new URL(url).host);
  return id;
}

/**
 * The demo's shape: every feed of the curated demo polled once, every item new, all on one host (the demo site).
 * Its hosts' interval is 0, as in local runs, so one host's 38 articles are not a lesson in politeness.
 */
export async function runDemoShape(): Promise<Measured> {
  const demo = await startDemoSite({ port: 0 });
  const h = await harness([new URL(demo.origin).host], 0);
  try {
    await runRound(h, demo.feeds, Number.POSITIVE_INFINITY);
    return measured(h, 'demo', demo.feeds.length);
  } finally {
    await h.close();
    await demo.close();
  }
}

/**
 * Production's shape: outlets on hosts of their own, feeds listing `listed` items of which `fresh` are new at each
 * poll, the deployed per-host interval. A warm-up poll (not measured) lists the fillers, which earlier polls found
 * and fetched; then each measured poll lists the same window moved on by `fresh` demo articles.
 */
export async function runProductionShape(options: ScenarioOptions): Promise<Measured> {
  const site = await startProductionSite(options);
  const h = await harness(
    site.outlets.map((outlet) => outlet.host),
    DEPLOYED.hostIntervalMs,
  );
  try {
    const feeds = site.outlets.map((outlet) => outlet.feed);
    for (const outlet of site.outlets) for (const item of outlet.items) rememberHost(item.url);
    await knowFillers(h, site.outlets);
    await runRound(h, feeds, options.perHost);
    resetCounters(h.counters);
    resetUsage(h.dynamo);
    h.released.clear();
    for (let round = 0; round < site.rounds; round += 1) {
      site.advance();
      await runRound(h, feeds, options.perHost);
    }
    return measured(h, 'production', feeds.length * site.rounds);
  } finally {
    await h.close();
    await site.close();
  }
}

/** What a run measured, from its harness. */
function measured(h: Harness, name: string, polls: number): Measured {
  return {
    name,
    articles: h.released.size,
    polls,
    counters: structuredClone(h.counters),
    dynamo: h.dynamo,
    tableNames: h.config.tables,
  };
}

/** The fillers as earlier polls left them: discovered, fetched, and not worth coding. */
async function knowFillers(
  h: Harness,
  outlets: Awaited<ReturnType<typeof startProductionSite>>['outlets'],
): Promise<void> {
  const now = new Date();
  for (const outlet of outlets) {
    for (const item of outlet.fillers) {
      const articleId = rememberHost(item.url);
      await h.deps.articles.discover(
        {
          article_id: articleId,
          url: item.url,
          canonical_url: canonicalUrl(item.url),
          feed_id: '',
          outlet: outlet.feed.name,
          title: item.title,
          feed_published: item.published,
        },
        now,
      );
      await h.deps.articles.markSkipped(articleId, 'too short to code', now);
    }
  }
}
