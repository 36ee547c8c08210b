import type { EventCoder } from '../coder/index.js';
import type { AppConfig } from '../config/index.js';
import { bucketName, ConfigError, tableName } from '../config/index.js';
import type { HostGate } from '../fetch/index.js';
import type { ArticleMessage, CodeMessage, FeedMessage } from '../queue/messages.js';
import type { MessageSink } from '../queue/sink.js';
import type { StageDeps } from '../stages/deps.js';
import type { StageObserver } from '../stages/observer.js';
import { ArticleStore } from '../storage/article-store.js';
import { BlobStore } from '../storage/blob-store.js';
import type { AwsClients } from '../storage/clients.js';
import { EventStore } from '../storage/event-store.js';
import { FeedStore } from '../storage/feed-store.js';
import { createFetcher } from './fetcher.js';

export interface StageQueues {
  feed: MessageSink<FeedMessage>;
  article: MessageSink<ArticleMessage>;
  code: MessageSink<CodeMessage>;
}

export interface StageDepsOptions {
  /** Per-host politeness; default: the DynamoDB gate in the state table, shared by all Lambdas. */
  gate?: HostGate;
  /** Only the code stage passes one: importing the coder pulls the NLP model into a bundle. */
  createCoder?: () => EventCoder;
}

/**
 * Wires the stages to their real implementations. The only differences between Lambda and the local runner are
 * the endpoints in `config`, the queues (SQS or in-process) and the observer. Every dependency is created on
 * first use, so a function is only configured with (and only granted) the resources its stage touches.
 */
export function createStageDeps(
  config: AppConfig,
  clients: AwsClients,
  queues: StageQueues,
  observer: StageObserver,
  options: StageDepsOptions = {},
): StageDeps {
  const once = <T>(create: () => T): (() => T) => {
    let value: T | undefined;
    return () => (value ??= create());
  };
  const feeds = once(() => new FeedStore(clients.doc, tableName(config, 'feeds')));
  const articles = once(() => new ArticleStore(clients.doc, tableName(config, 'articles')));
  const events = once(() => new EventStore(clients.doc, tableName(config, 'events')));
  const blobs = once(() => new BlobStore(clients.s3, bucketName(config)));
  const fetcher = once(() => createFetcher(config, clients.doc, options.gate));
  const coder = once(() => {
    if (!options.createCoder) throw new ConfigError('this function has no event coder: only the code stage loads one');
    return options.createCoder();
  });
  return {
    get feeds() {
      return feeds();
    },
    get articles() {
      return articles();
    },
    get events() {
      return events();
    },
    get blobs() {
      return blobs();
    },
    get fetcher() {
      return fetcher();
    },
    coder,
    queues,
    observer,
    clock: () => new Date(),
  };
}
