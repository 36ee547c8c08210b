import { createEventCoder } from '../../../../src/coder/index.js';
import type { AppConfig } from '../../../../src/config/index.js';
import { seededRandom } from '../../../../src/core/random.js';
import { MemoryHostGate } from '../../../../src/fetch/index.js';
import { drainQueues, queueConsumer } from '../../../../src/local/drain.js';
import { createLocalQueues } from '../../../../src/local/local-pipeline.js';
import type { LocalQueue } from '../../../../src/queue/local-queue.js';
import { ArticleMessageSchema, CodeMessageSchema, FeedMessageSchema } from '../../../../src/queue/messages.js';
import type { MessageSink } from '../../../../src/queue/sink.js';
import { createStageDeps } from '../../../../src/runtime/stage-deps.js';
import {
  codeArticle,
  fetchArticle,
  fetchFeed,
  scheduleDueFeeds,
  silentObserver,
} from '../../../../src/stages/index.js';
import type { AwsClients } from '../../../../src/storage/clients.js';
import type { FeedSpec } from '../../../../src/storage/feed-store.js';
import type { TestStack } from '../../../helpers/local-stack.js';

export { seededRandom } from '../../../../src/core/random.js';

/**
 * At-least-once delivery made worse: every message is delivered 1, 2 or 5 times, each copy after its own
 * random delay, so copies of different messages arrive interleaved in any order.
 */
class RedeliveringSink<T> implements MessageSink<T> {
  pending = 0;
  delivered = 0;

  constructor(
    private readonly queue: LocalQueue<T>,
    private readonly random: () => number,
    private readonly direct = false,
  ) {}

  async send(messages: readonly T[]): Promise<void> {
    if (this.direct) {
      this.delivered += messages.length;
      return this.queue.send(messages);
    }
    for (const message of messages) {
      const copies = [1, 2, 5][Math.floor(this.random() * 3)] ?? 1;
      for (let copy = 0; copy < copies; copy += 1) {
        this.pending += 1;
        setTimeout(
          () => {
            this.pending -= 1;
            this.delivered += 1;
            void this.queue.send([message]);
          },
          Math.floor(this.random() * 40),
        );
      }
    }
  }
}

/** Runs the whole pipeline like the local runner, but through redelivering queues; returns the deliveries made. */
export async function runWithRedelivery(env: TestStack, feeds: readonly FeedSpec[], seed: number): Promise<number> {
  return runStages(env.config, env.clients, feeds, seededRandom(seed));
}

/**
 * The local runner's schedule-and-drain loop on the given clients (so a test can instrument them); with `random`,
 * every message is redelivered 1, 2 or 5 times in shuffled order. Throws when anything is dead-lettered.
 */
export async function runStages(
  config: AppConfig,
  clients: AwsClients,
  feeds: readonly FeedSpec[],
  random?: () => number,
): Promise<number> {
  const queues = createLocalQueues();
  const once = (): number => 0;
  const sinks = {
    feed: new RedeliveringSink(queues.feed, random ?? once, random === undefined),
    article: new RedeliveringSink(queues.article, random ?? once, random === undefined),
    code: new RedeliveringSink(queues.code, random ?? once, random === undefined),
  };
  const deps = createStageDeps(config, clients, sinks, silentObserver, {
    gate: new MemoryHostGate(),
    createCoder: () => createEventCoder(),
  });
  await scheduleDueFeeds(deps, feeds, { everyFeed: true });
  const consumers = [
    queueConsumer(queues.feed, FeedMessageSchema, (m) => fetchFeed(m, deps), 2),
    queueConsumer(queues.article, ArticleMessageSchema, (m) => fetchArticle(m, deps), 4),
    queueConsumer(queues.code, CodeMessageSchema, (m) => codeArticle(m, deps), 1),
  ];
  const inFlight = (): number => sinks.feed.pending + sinks.article.pending + sinks.code.pending;
  do {
    await drainQueues(consumers, new AbortController().signal);
    if (inFlight() > 0) await new Promise((resolve) => setTimeout(resolve, 50));
  } while (inFlight() > 0 || queues.feed.depth + queues.article.depth + queues.code.depth > 0);
  const dead = queues.feed.deadLetters.length + queues.article.deadLetters.length + queues.code.deadLetters.length;
  if (dead > 0)
    throw new Error(
      `redelivery run dead-lettered ${dead} messages: ${JSON.stringify(queues.code.deadLetters.concat(queues.article.deadLetters).slice(0, 2))}`,
    );
  return sinks.feed.delivered + sinks.article.delivered + sinks.code.delivered;
}
