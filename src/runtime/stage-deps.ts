import type { SQSClient } from '@aws-sdk/client-sqs';
import type { AppConfig } from '../config/index.js';
import { ConfigError } from '../config/index.js';
import type { AwsClients } from '../storage/clients.js';
import { FeedStore } from '../storage/feed-store.js';
import { ArticleStore } from '../storage/article-store.js';
import { EventStore } from '../storage/event-store.js';
import { BlobStore } from '../storage/blob-store.js';
import { SqsSink, type MessageSink } from '../queue/sink.js';
import type { FeedMessage, ArticleMessage, CodeMessage } from '../queue/messages.js';
import { HttpFetcher, DynamoHostGate, DynamoRobotsCache, defaultFetchPolicy, type HostGate } from '../fetch/index.js';
import { createEventCoder, type EventCoder } from '../coder/index.js';
import type { StageDeps } from '../stages/deps.js';
import type { StageObserver } from '../stages/observer.js';

export interface StageQueues {
  feed: MessageSink<FeedMessage>;
  article: MessageSink<ArticleMessage>;
  code: MessageSink<CodeMessage>;
}

/**
 * Wires the stages to their real implementations. The only differences between Lambda and the local runner are
 * the endpoints in `config`, the queues (SQS or in-process) and the observer.
 */
export function createStageDeps(config: AppConfig, clients: AwsClients, queues: StageQueues, observer: StageObserver, options: { gate?: HostGate } = {}): StageDeps {
  const fetcher = new HttpFetcher(
    defaultFetchPolicy({ userAgent: config.userAgent, allowedHosts: config.allowedHosts, minHostIntervalMs: config.hostIntervalMs }),
    { gate: options.gate ?? new DynamoHostGate(clients.doc, config.tables.state), robots: new DynamoRobotsCache(clients.doc, config.tables.state) },
  );
  let coder: EventCoder | undefined;
  return {
    feeds: new FeedStore(clients.doc, config.tables.feeds),
    articles: new ArticleStore(clients.doc, config.tables.articles),
    events: new EventStore(clients.doc, config.tables.events),
    blobs: new BlobStore(clients.s3, config.bucket),
    fetcher,
    coder: () => (coder ??= createEventCoder()),
    queues,
    observer,
    clock: () => new Date(),
  };
}

/** SQS sinks for the queues named in the config; a stage that sends to a missing queue fails at start-up. */
export function sqsQueues(config: AppConfig, sqs: SQSClient): StageQueues {
  const sink = <T>(url: string | undefined, name: string): MessageSink<T> => {
    if (!url) return { send: async () => { throw new ConfigError(`this function has no ${name} queue configured`); } };
    return new SqsSink<T>(sqs, url);
  };
  return { feed: sink(config.queues.feed, 'feed'), article: sink(config.queues.article, 'article'), code: sink(config.queues.code, 'code') };
}
