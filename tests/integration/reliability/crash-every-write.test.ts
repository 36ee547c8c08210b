import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventCoder } from '../../../src/coder/index.js';
import { type DemoSite, startDemoSite } from '../../../src/demo-site/index.js';
import { MemoryHostGate } from '../../../src/fetch/index.js';
import type { ArticleMessage, CodeMessage, FeedMessage } from '../../../src/queue/messages.js';
import { createStageDeps } from '../../../src/runtime/stage-deps.js';
import type { StageDeps } from '../../../src/stages/deps.js';
import { codeArticle, fetchArticle, fetchFeed, scheduleDueFeeds, silentObserver } from '../../../src/stages/index.js';
import type { AwsClients } from '../../../src/storage/clients.js';
import { withStackAt } from '../../helpers/local-stack.js';
import { dieAtWrite } from './support/die-at-write.js';
import { normaliser, type StoreSnapshot, takeSnapshot } from './support/store-snapshot.js';

/**
 * Each case stops one stage at its n-th write to S3 or DynamoDB, for every n, as a killed process would (that
 * write and every request after it fail), then delivers the message again: the tables and the bucket must end
 * exactly as after one undisturbed delivery.
 */
const coder = createEventCoder();
const startedAt = new Date();
let demo: DemoSite;
const folders: string[] = [];

/** A message waiting for its stage. */
type Work = { stage: 'article'; message: ArticleMessage } | { stage: 'code'; message: CodeMessage };

/** Stage dependencies on `clients` whose queues append what a stage sends to `work`. */
function depsFor(
  clients: AwsClients,
  config: Parameters<typeof createStageDeps>[0],
  work: Work[],
  feeds: FeedMessage[] = [],
): StageDeps {
  const queues = {
    feed: {
      send: async (messages: readonly FeedMessage[]) => {
        feeds.push(...messages);
      },
    },
    article: {
      send: async (messages: readonly ArticleMessage[]) => {
        work.push(...messages.map((message) => ({ stage: 'article' as const, message })));
      },
    },
    code: {
      send: async (messages: readonly CodeMessage[]) => {
        work.push(...messages.map((message) => ({ stage: 'code' as const, message })));
      },
    },
  };
  return createStageDeps(config, clients, queues, silentObserver, {
    gate: new MemoryHostGate(),
    createCoder: () => coder,
  });
}

/** Deliveries of one message before it would be dead-lettered, as the queues are configured. */
const ATTEMPTS = 3;

/**
 * Delivers `work` in order, and what each delivery sends after it, until nothing is left; a delivery that fails
 * goes to the back of the queue, as SQS redelivers it after its visibility timeout. Once `dead()` (the process was
 * killed) it stops and returns what the queues still hold, the failed message first.
 */
async function drain(deps: StageDeps, work: Work[], dead: () => boolean = () => false): Promise<Work[]> {
  const failures = new Map<Work, number>();
  while (work.length > 0) {
    const next = work[0] as Work;
    try {
      if (next.stage === 'article') await fetchArticle(next.message, deps);
      else await codeArticle(next.message, deps);
      work.shift();
    } catch (error) {
      if (dead()) return [...work];
      const failed = (failures.get(next) ?? 0) + 1;
      if (failed >= ATTEMPTS) throw error;
      failures.set(next, failed);
      work.push(work.shift() as Work);
    }
  }
  return [];
}

/** Opens the local servers on a copy of `folder`, runs `use`, closes them. */
async function onCopyOf<T>(
  folder: string,
  use: (clients: AwsClients, config: Parameters<typeof createStageDeps>[0]) => Promise<T>,
): Promise<{ dir: string; result: T }> {
  const dir = await mkdtemp(join(tmpdir(), 'eventwire-write-crash-'));
  folders.push(dir);
  await cp(folder, dir, { recursive: true });
  return { dir, result: await withStackAt(dir, use, [new URL(demo.origin).host]) };
}

/** Delivers `work` and all that follows from it on a copy of `folder`. */
async function deliveredOn(folder: string, work: Work[]): Promise<string> {
  const run = await onCopyOf(folder, async (clients, config) => {
    const queue = [...work];
    await drain(depsFor(clients, config, queue), queue);
  });
  return run.dir;
}

async function snapshotOf(dir: string): Promise<StoreSnapshot> {
  return withStackAt(dir, (clients, config) => takeSnapshot(clients, config, normaliser(startedAt, new Date())));
}

/**
 * For every write that delivering `root` (and what it sends on) makes on a copy of `base`: dies there, then delivers
 * what the queues hold on the same data, and compares with an undisturbed delivery. Returns the number of writes.
 */
async function everyWriteCrash(base: string, root: Work): Promise<number> {
  const undisturbed = await onCopyOf(base, async (clients, config) => {
    const seen = dieAtWrite(clients, null);
    const queue = [root];
    expect(await drain(depsFor(clients, config, queue), queue)).toEqual([]);
    return seen.writes;
  });
  const writes = undisturbed.result;
  const expected = await snapshotOf(undisturbed.dir);
  for (let at = 1; at <= writes; at += 1) {
    const crashed = await onCopyOf(base, async (clients, config) => {
      const seen = dieAtWrite(clients, at);
      const queue = [root];
      return drain(depsFor(clients, config, queue), queue, () => seen.dead);
    });
    expect(crashed.result.length, `killed at write ${at} of ${writes}: nothing left to redeliver`).toBeGreaterThan(0);
    const again = await deliveredOn(crashed.dir, crashed.result);
    expect(await snapshotOf(again), `killed at write ${at} of ${writes}`).toEqual(expected);
    await Promise.all([crashed.dir, again].map((dir) => rm(dir, { recursive: true, force: true })));
  }
  await rm(undisturbed.dir, { recursive: true, force: true });
  return writes;
}

let polled: string;
let fetched: string;
let copyId: string;
let originalId: string;

beforeAll(async () => {
  demo = await startDemoSite({ port: 0 });
  const empty = await mkdtemp(join(tmpdir(), 'eventwire-write-crash-base-'));
  folders.push(empty);
  // Every feed polled, no article fetched yet.
  const poll = await onCopyOf(empty, async (clients, config) => {
    const feedMessages: FeedMessage[] = [];
    const work: Work[] = [];
    const deps = depsFor(clients, config, work, feedMessages);
    await scheduleDueFeeds(deps, demo.feeds, { everyFeed: true });
    for (const message of feedMessages) await fetchFeed(message, deps);
    return work.filter((item) => item.stage === 'article');
  });
  polled = poll.dir;
  const articles = poll.result;
  // Every article fetched, in feed order (a syndicated copy after its first copy), nothing coded yet.
  const fetchAll = await onCopyOf(polled, async (clients, config) => {
    const deps = depsFor(clients, config, []);
    for (const item of articles) await fetchArticle(item.message as ArticleMessage, deps);
    const found = await Promise.all(articles.map((item) => deps.articles.get(item.message.article_id)));
    return found.find((article) => article?.duplicate_of);
  });
  fetched = fetchAll.dir;
  copyId = fetchAll.result?.article_id ?? '';
  originalId = fetchAll.result?.duplicate_of ?? '';
  expect(copyId).not.toBe('');
}, 120_000);

afterAll(async () => {
  await demo.close();
  await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
});

const article = (articleId: string): Work => ({ stage: 'article', message: { article_id: articleId } });
const code = (articleId: string): Work => ({ stage: 'code', message: { article_id: articleId } });

describe('a stage killed at any one of its writes, then given what its queues hold again', () => {
  it('fetch-article: a syndicated copy ends stored as a copy of its first copy', async () => {
    const base = await deliveredOn(polled, [article(originalId)]);
    expect(await everyWriteCrash(base, article(copyId))).toBeGreaterThanOrEqual(4);
  }, 300_000);

  it('code-events: an article ends coded with its events and mentions', async () => {
    expect(await everyWriteCrash(fetched, code(originalId))).toBeGreaterThanOrEqual(10);
  }, 300_000);

  it('code-events: a syndicated copy ends linked to the events of its coded first copy', async () => {
    const base = await deliveredOn(fetched, [code(originalId)]);
    expect(await everyWriteCrash(base, code(copyId))).toBeGreaterThanOrEqual(4);
  }, 300_000);

  it('fetch-article: a first copy that turns up after its copy was coded takes its place, and the copy its events', async () => {
    const base = await deliveredOn(polled, [article(copyId), code(copyId)]);
    expect(await everyWriteCrash(base, article(originalId))).toBeGreaterThanOrEqual(10);
  }, 600_000);
});
