import { createEventCoder } from '../coder/index.js';
import { type AppConfig, tableName } from '../config/index.js';
import { describeError } from '../core/errors.js';
import { loadLanguageDetector } from '../extract/index.js';
import { DynamoHostGate, LocalHostGate } from '../fetch/index.js';
import { LocalQueue } from '../queue/local-queue.js';
import {
  type ArticleMessage,
  ArticleMessageSchema,
  type CodeMessage,
  CodeMessageSchema,
  type FeedMessage,
  FeedMessageSchema,
  type StageName,
} from '../queue/messages.js';
import { SendCoalescer } from '../queue/send-coalescer.js';
import { createStageDeps } from '../runtime/stage-deps.js';
import { codeArticle, fetchArticle, fetchFeed, type StageDeps, type StageObserver } from '../stages/index.js';
import { type AwsClients, createAwsClients } from '../storage/clients.js';
import { type DrainOptions, type DrainResult, drainQueues, queueConsumer } from './drain.js';

/** The three local queues, named like the deployed ones. */
export interface LocalQueues {
  feed: LocalQueue<FeedMessage>;
  article: LocalQueue<ArticleMessage>;
  code: LocalQueue<CodeMessage>;
}

/** The three queues, each giving a message up to `maxReceiveCount` receives before its dead-letter list. */
export function createLocalQueues(maxReceiveCount = 3): LocalQueues {
  return {
    feed: new LocalQueue<FeedMessage>('feed', maxReceiveCount),
    article: new LocalQueue<ArticleMessage>('article', maxReceiveCount),
    code: new LocalQueue<CodeMessage>('code', maxReceiveCount),
  };
}

export interface LocalPipeline {
  clients: AwsClients;
  queues: LocalQueues;
  deps: StageDeps;
  /** Drains every queue through its stage, as the event source mappings would. */
  drain(signal: AbortSignal, options?: DrainOptions): Promise<DrainResult>;
  close(): void;
}

/** Receives the time one message took in its stage (for the benchmark's per-stage latency). */
export type StageTiming = (stage: StageName, ms: number) => void;

/**
 * The deployed pipeline's shape on one machine: the same stage functions behind in-process SQS-shaped queues,
 * with per-stage concurrency like the mappings' maximum concurrency.
 */
export function createLocalPipeline(
  config: AppConfig,
  observer: StageObserver,
  maxReceiveCount = 3,
  timing?: StageTiming,
): LocalPipeline {
  const clients = createAwsClients(config);
  const queues = createLocalQueues(maxReceiveCount);
  // What a stage's records send to the next queue is gathered per batch, as in Lambda (src/queue/send-coalescer.ts).
  const sending = { feed: new SendCoalescer(), article: new SendCoalescer() };
  const sinks = {
    feed: queues.feed,
    article: sending.feed.sink(queues.article),
    code: sending.article.sink(queues.code),
  };
  // Slots are booked in memory (no table write per request); a host's Retry-After is kept for the next run.
  const deps = createStageDeps(config, clients, sinks, observer, {
    gate: new LocalHostGate(new DynamoHostGate(clients.doc, tableName(config, 'state'))),
    createCoder: () => createEventCoder(),
  });
  const timed =
    <T>(stage: StageName, run: (message: T) => Promise<unknown>) =>
    async (message: T): Promise<unknown> => {
      const started = performance.now();
      try {
        return await run(message);
      } finally {
        timing?.(stage, performance.now() - started);
      }
    };
  const consumers = [
    queueConsumer(
      queues.feed,
      FeedMessageSchema,
      timed('feed', (m) => fetchFeed(m, deps)),
      2,
      sending.feed,
    ),
    queueConsumer(
      queues.article,
      ArticleMessageSchema,
      timed('article', (m) => fetchArticle(m, deps)),
      4,
      sending.article,
    ),
    queueConsumer(
      queues.code,
      CodeMessageSchema,
      timed('code', (m) => codeArticle(m, deps)),
      1,
    ),
  ];
  // The fastText language-id model; without it, languages come from the pages' own declarations.
  const languageModel = loadLanguageDetector().catch((error: unknown) =>
    observer.warn('language model not loaded', { error: describeError(error).message }),
  );
  return {
    clients,
    queues,
    deps,
    drain: async (signal, options) => {
      await languageModel;
      return drainQueues(consumers, signal, options);
    },
    close: () => {
      clients.s3.destroy();
      clients.dynamo.destroy();
    },
  };
}
