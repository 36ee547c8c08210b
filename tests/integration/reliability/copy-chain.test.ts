import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventCoder } from '../../../src/coder/index.js';
import { MemoryHostGate } from '../../../src/fetch/index.js';
import { drainQueues, queueConsumer } from '../../../src/local/drain.js';
import { LocalQueue } from '../../../src/queue/local-queue.js';
import { type CodeMessage, CodeMessageSchema } from '../../../src/queue/messages.js';
import { createStageDeps } from '../../../src/runtime/stage-deps.js';
import type { StageDeps } from '../../../src/stages/deps.js';
import { codeArticle, fetchArticle, silentObserver } from '../../../src/stages/index.js';
import { startTestStack, type TestStack } from '../../helpers/local-stack.js';

const STORY = [
  'French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin on Monday to discuss energy prices and the war in Ukraine.',
  'The two leaders agreed to coordinate their gas purchases over the winter and to press the European Commission for a common price cap.',
  'Polish Prime Minister Donald Tusk criticised the plan on Tuesday, saying it ignored the needs of countries in the east of the union.',
  'Officials in Brussels said a proposal would be presented to energy ministers at a meeting in Luxembourg later this month.',
];
// The middle copy adds a paragraph the wire original does not have; the last copy reprints the middle one.
const ADDED =
  'Russia accused Ukraine on Sunday of shelling the border city of Belgorod, killing two civilians and wounding eleven others.';

/** Three copies of one story, published an hour apart: the earliest is the first copy of the other two. */
const PAGES = {
  wire: { published: '2026-11-02T08:00:00Z', outlet: 'Wire', paragraphs: STORY },
  middle: { published: '2026-11-02T09:00:00Z', outlet: 'Middle', paragraphs: [...STORY, ADDED] },
  reprint: { published: '2026-11-02T10:00:00Z', outlet: 'Reprint', paragraphs: [...STORY, ADDED] },
} as const;
type Page = keyof typeof PAGES;

function html(page: Page): string {
  const { published, paragraphs } = PAGES[page];
  return `<!doctype html><html lang="en"><head><title>Leaders agree on winter gas</title>
<meta property="article:published_time" content="${published}"></head>
<body><article><h1>Leaders agree on winter gas</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article></body></html>`;
}

let server: Server;
let origin: string;
const stacks: TestStack[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const page = request.url?.slice(1) as Page;
    if (!(page in PAGES)) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html(page));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await Promise.all(stacks.map((stack) => stack.close()));
});

/** Fetches and codes the three copies one at a time, in the given order; returns events and article outcomes. */
async function runInOrder(order: readonly Page[]): Promise<{ events: unknown[]; articles: unknown[] }> {
  const env = await startTestStack([new URL(origin).host]);
  stacks.push(env);
  const codeQueue = new LocalQueue<CodeMessage>('code');
  const deps: StageDeps = createStageDeps(
    env.config,
    env.clients,
    { feed: { send: async () => undefined }, article: { send: async () => undefined }, code: codeQueue },
    silentObserver,
    { gate: new MemoryHostGate(), createCoder: () => createEventCoder() },
  );
  const now = new Date('2026-11-02T12:00:00Z');
  for (const page of order) {
    await deps.articles.discover(
      {
        article_id: page,
        url: `${origin}/${page}`,
        canonical_url: `${origin}/${page}`,
        feed_id: 'f',
        outlet: PAGES[page].outlet,
        title: null,
        feed_published: PAGES[page].published,
      },
      now,
    );
    await fetchArticle({ article_id: page }, deps);
    await drainQueues(
      [queueConsumer(codeQueue, CodeMessageSchema, (message) => codeArticle(message, deps), 1)],
      new AbortController().signal,
    );
  }
  expect(codeQueue.deadLetters).toEqual([]);
  const scan = async (table: string) => (await env.clients.doc.send(new ScanCommand({ TableName: table }))).Items ?? [];
  const byKey = (a: Record<string, unknown>, b: Record<string, unknown>) =>
    `${a.pk}${a.sk}`.localeCompare(`${b.pk}${b.sk}`);
  const events = (await scan(env.config.tables.events))
    .filter((item) => item.kind === 'event' || item.kind === 'mention')
    .sort(byKey)
    .map(({ first_seen: _f, last_seen: _l, updated_at: _u, recorded_at: _r, ...item }) => item);
  const articles = (await scan(env.config.tables.articles))
    .filter((item) => item.sk === 'ARTICLE')
    .sort(byKey)
    .map((item) => ({ article_id: item.article_id, status: item.status, event_ids: item.event_ids }));
  return { events, articles };
}

describe('a copy linked to a copy that is later outranked', () => {
  it('ends with the events of the true first copy, as when the copies arrive in publication order', async () => {
    const inOrder = await runInOrder(['wire', 'middle', 'reprint']);
    const middleFirst = await runInOrder(['middle', 'reprint', 'wire']);

    expect(inOrder.articles).toEqual([
      { article_id: 'middle', status: 'duplicate', event_ids: expect.any(Array) },
      { article_id: 'reprint', status: 'duplicate', event_ids: expect.any(Array) },
      { article_id: 'wire', status: 'coded', event_ids: expect.any(Array) },
    ]);
    expect(middleFirst.articles).toEqual(inOrder.articles);
    expect(middleFirst.events).toEqual(inOrder.events);
  }, 60_000);
});

describe('a fetch message delivered again after its article was stored', () => {
  it('hands the article to the code stage again, since the first delivery may have died before doing so', async () => {
    const env = await startTestStack([new URL(origin).host]);
    stacks.push(env);
    const sent: CodeMessage[] = [];
    const deps = createStageDeps(
      env.config,
      env.clients,
      {
        feed: { send: async () => undefined },
        article: { send: async () => undefined },
        code: {
          send: async (messages) => {
            sent.push(...messages);
          },
        },
      },
      silentObserver,
      { gate: new MemoryHostGate() },
    );
    await deps.articles.discover(
      {
        article_id: 'wire',
        url: `${origin}/wire`,
        canonical_url: `${origin}/wire`,
        feed_id: 'f',
        outlet: 'Wire',
        title: null,
        feed_published: PAGES.wire.published,
      },
      new Date(),
    );

    const outcomes = [
      await fetchArticle({ article_id: 'wire' }, deps),
      await fetchArticle({ article_id: 'wire' }, deps),
    ];

    expect(outcomes).toEqual(['stored', 'already-done']);
    expect(sent).toEqual([{ article_id: 'wire' }, { article_id: 'wire' }]);
  });
});
