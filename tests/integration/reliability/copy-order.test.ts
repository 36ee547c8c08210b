import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventCoder } from '../../../src/coder/index.js';
import { type DemoSite, startDemoSite } from '../../../src/demo-site/index.js';
import { MemoryHostGate } from '../../../src/fetch/index.js';
import { drainQueues, queueConsumer } from '../../../src/local/drain.js';
import { runPipeline } from '../../../src/local/runner.js';
import { LocalQueue } from '../../../src/queue/local-queue.js';
import {
  type ArticleMessage,
  type CodeMessage,
  CodeMessageSchema,
  type FeedMessage,
  FeedMessageSchema,
} from '../../../src/queue/messages.js';
import { createStageDeps } from '../../../src/runtime/stage-deps.js';
import { codeArticle, fetchArticle, fetchFeed, scheduleDueFeeds, silentObserver } from '../../../src/stages/index.js';
import { startTestStack, type TestStack } from '../../helpers/local-stack.js';
import { countsOf, normaliser, type StoreSnapshot, takeSnapshot } from './support/store-snapshot.js';

let demo: DemoSite;
let reference: TestStack;
let oldestFirst: TestStack;
let newestFirst: TestStack;
const startedAt = new Date();

/**
 * The pipeline with every article fetched and coded to the end before the next is fetched, in publication order
 * or its reverse. Newest first, a syndicated copy is coded from its own text before its first copy turns up.
 */
async function runArticleByArticle(env: TestStack, order: 'oldest' | 'newest'): Promise<void> {
  const feedQueue = new LocalQueue<FeedMessage>('feed');
  const codeQueue = new LocalQueue<CodeMessage>('code');
  const articles: ArticleMessage[] = [];
  const deps = createStageDeps(
    env.config,
    env.clients,
    {
      feed: feedQueue,
      code: codeQueue,
      article: {
        send: async (messages) => {
          articles.push(...messages);
        },
      },
    },
    silentObserver,
    { gate: new MemoryHostGate(), createCoder: () => createEventCoder() },
  );
  const drain = (consumer: ReturnType<typeof queueConsumer>) => drainQueues([consumer], new AbortController().signal);

  await scheduleDueFeeds(deps, demo.feeds, { everyFeed: true });
  await drain(queueConsumer(feedQueue, FeedMessageSchema, (message) => fetchFeed(message, deps), 1));
  const published = new Map<string, string>();
  for (const { article_id: articleId } of articles) {
    const record = await deps.articles.get(articleId);
    published.set(articleId, `${record?.feed_published ?? ''}#${articleId}`);
  }
  const sorted = [...articles].sort((a, b) =>
    String(published.get(a.article_id)).localeCompare(String(published.get(b.article_id))),
  );
  for (const message of order === 'oldest' ? sorted : sorted.reverse()) {
    await fetchArticle(message, deps);
    await drain(queueConsumer(codeQueue, CodeMessageSchema, (next) => codeArticle(next, deps), 1));
  }
  expect(codeQueue.deadLetters).toEqual([]);
}

async function snapshot(env: TestStack): Promise<StoreSnapshot> {
  return takeSnapshot(env.clients, env.config, normaliser(startedAt, new Date()));
}

beforeAll(async () => {
  demo = await startDemoSite({ port: 0 });
  const host = new URL(demo.origin).host;
  [reference, oldestFirst, newestFirst] = await Promise.all([
    startTestStack([host]),
    startTestStack([host]),
    startTestStack([host]),
  ]);
  const result = await runPipeline({
    config: reference.config,
    feeds: demo.feeds,
    observer: silentObserver,
    dataDir: reference.dataDir,
    signal: new AbortController().signal,
  });
  result.clients.s3.destroy();
  result.clients.dynamo.destroy();
}, 60_000);
afterAll(async () => {
  await demo.close();
  await Promise.all([reference, oldestFirst, newestFirst].map((env) => env.close()));
});

describe('syndicated copies arriving in any order', () => {
  it('end with the state of an undisturbed run when articles go oldest first', async () => {
    await runArticleByArticle(oldestFirst, 'oldest');

    expect(await snapshot(oldestFirst)).toEqual(await snapshot(reference));
  }, 60_000);

  it('end with it too when each copy is coded from its own text before its first copy turns up', async () => {
    await runArticleByArticle(newestFirst, 'newest');
    const expected = await snapshot(reference);
    const actual = await snapshot(newestFirst);

    expect(countsOf(actual)).toEqual(countsOf(expected));
    expect(actual).toEqual(expected);
  }, 60_000);
});
