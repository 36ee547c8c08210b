import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventReader } from '../../../src/client/index.js';
import { bucketName } from '../../../src/config/index.js';
import type { DemoSite } from '../../../src/demo-site/index.js';
import { ProgressObserver } from '../../../src/local/progress.js';
import { runPipeline } from '../../../src/local/runner.js';
import { TABLE_DESIGN_ATTRIBUTES } from '../../../src/storage/table-design.js';
import { startDemoStack, type TestStack } from '../../helpers/local-stack.js';
import { keysNotSnakeCase } from '../../helpers/snake-case.js';

let env: TestStack;
let demo: DemoSite;

function quietObserver(): ProgressObserver {
  const sink = { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream;
  return new ProgressObserver(sink);
}

async function run(pollAll = false): Promise<ProgressObserver> {
  const observer = quietObserver();
  await runPipeline({
    config: env.config,
    feeds: demo.feeds,
    observer,
    dataDir: env.dataDir,
    signal: new AbortController().signal,
    pollAll,
  });
  return observer;
}

async function eventTable(): Promise<Array<Record<string, unknown>>> {
  const scan = await env.clients.doc.send(new ScanCommand({ TableName: env.config.tables.events }));
  return (scan.Items ?? [])
    .map(({ updated_at, last_seen, ...rest }) => rest)
    .sort((a, b) => `${a.pk}${a.sk}`.localeCompare(`${b.pk}${b.sk}`));
}

let stop: () => Promise<void>;

beforeAll(async () => {
  ({ demo, env, close: stop } = await startDemoStack());
}, 60_000);
afterAll(async () => stop());

describe('a local pipeline run against the demo news site', () => {
  let first: ProgressObserver;
  let eventsAfterFirst: Array<Record<string, unknown>>;

  it('fetches every feed, stores and codes the articles, and writes events', async () => {
    first = await run();
    eventsAfterFirst = await eventTable();

    expect(first.get('FeedsFetched')).toBe(demo.feeds.length);
    expect(first.get('ArticlesStored') + first.get('ArticlesSkipped')).toBeGreaterThanOrEqual(30);
    expect(first.get('EventsWritten')).toBeGreaterThanOrEqual(30);
    expect(first.get('ArticlesFailed')).toBe(0);
  }, 120_000);

  it('links the syndicated wire story to its first copy instead of coding it twice', async () => {
    const scan = await env.clients.doc.send(new ScanCommand({ TableName: env.config.tables.articles }));
    const copies = (scan.Items ?? []).filter((item) => item.status === 'duplicate');

    expect(copies.length).toBeGreaterThanOrEqual(1);
    expect(copies.every((item) => typeof item.duplicate_of === 'string')).toBe(true);
  });

  it('records why the paywall stub and the non-English articles were not coded', async () => {
    const scan = await env.clients.doc.send(new ScanCommand({ TableName: env.config.tables.articles }));
    const reasons = (scan.Items ?? []).filter((item) => item.status === 'skipped').map((item) => String(item.reason));

    expect(reasons.some((reason) => reason.startsWith('paywall'))).toBe(true);
    expect(reasons.some((reason) => reason.startsWith('language fr'))).toBe(true);
  });

  it('merges reports of the syndicated story into events counted from two outlets', async () => {
    const reader = new EventReader(env.clients.doc, env.config.tables.events);
    const events = await reader.events({ from: '2026-09-01', to: '2026-12-31', limit: 1000 });

    expect(events.items.some((event) => event.num_sources === 2 && event.num_articles === 2)).toBe(true);
  });

  it('merges one happening reported in their own words by two outlets into one event with both mentions', async () => {
    const reader = new EventReader(env.clients.doc, env.config.tables.events);
    const scan = await env.clients.doc.send(new ScanCommand({ TableName: env.config.tables.articles }));
    const copyOf = new Map(
      (scan.Items ?? [])
        .filter((item) => item.sk === 'ARTICLE')
        .map((item) => [String(item.article_id), item.duplicate_of as string | null]),
    );
    const events = (await reader.events({ from: '2026-09-01', to: '2026-12-31', limit: 1000 })).items.filter(
      (event) => event.num_sources >= 2,
    );

    const independent = [];
    for (const event of events) {
      const articles = [...new Set((await reader.mentions(event.event_id)).items.map((mention) => mention.article_id))];
      const [a = '', b = ''] = articles;
      if (articles.length === 2 && copyOf.get(a) !== b && copyOf.get(b) !== a) independent.push(event);
    }

    expect(independent.length).toBeGreaterThanOrEqual(1);
    expect(independent.every((event) => event.num_articles === 2 && event.num_mentions >= 2)).toBe(true);
  });

  it('names every field of what it stores in snake_case: table items (but the table design) and S3 objects', async () => {
    const misnamed: string[] = [];
    for (const table of [env.config.tables.feeds, env.config.tables.articles, env.config.tables.events]) {
      const scan = await env.clients.doc.send(new ScanCommand({ TableName: table }));
      misnamed.push(...keysNotSnakeCase(scan.Items ?? [], TABLE_DESIGN_ATTRIBUTES, table));
    }
    const bucket = bucketName(env.config);
    const listing = await env.clients.s3.send(new ListObjectsV2Command({ Bucket: bucket }));
    const jsonKeys = (listing.Contents ?? []).map((object) => object.Key ?? '').filter((key) => key.endsWith('.json'));
    for (const key of jsonKeys) {
      const object = await env.clients.s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      misnamed.push(
        ...keysNotSnakeCase(JSON.parse((await object.Body?.transformToString()) ?? 'null'), new Set(), key),
      );
    }

    expect(jsonKeys.some((key) => key.startsWith('text/'))).toBe(true);
    expect(jsonKeys.some((key) => key.startsWith('coded/'))).toBe(true);
    expect(misnamed).toEqual([]);
  });

  it('polls no feed on a second run soon after: none is due before its own interval', async () => {
    const second = await run();

    expect(second.get('FeedsFetched') + second.get('FeedsNotModified') + second.get('FeedsFailed')).toBe(0);
    expect(await eventTable()).toEqual(eventsAfterFirst);
  }, 60_000);

  it('is incremental when every feed is polled again: feeds answer 304 and nothing is stored, coded or counted again', async () => {
    const third = await run(true);

    expect(third.get('FeedsNotModified')).toBe(demo.feeds.length);
    expect(third.get('ArticlesStored') + third.get('ArticlesCoded') + third.get('EventsWritten')).toBe(0);
    expect(await eventTable()).toEqual(eventsAfterFirst);
  }, 60_000);
});
