import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toBusEvents, toChangeEvent } from '../../../src/changes/change-events.js';
import { EventReader } from '../../../src/client/index.js';
import { DynamoArticleStore } from '../../../src/storage/article-store.js';
import { DynamoEventStore } from '../../../src/storage/event-store.js';
import { DynamoFeedStore } from '../../../src/storage/feed-store.js';
import { recordJsonSchemas } from '../../../src/storage/json-schemas.js';
import { keysNotSnakeCase, SNAKE_CASE } from '../../helpers/snake-case.js';
import { cliCommand } from '../reliability/support/cli-run.js';
import { SEEDED_RANGE, startWebFixture, type WebFixture } from '../web/seed-events.js';

// One convention for every JSON eventwire emits (the `code` command's contract): each output is read here as a
// consumer reads it, and every field name in it must be snake_case.

let fixture: WebFixture;
let reader: EventReader;
const range = ['--from', SEEDED_RANGE.from, '--to', SEEDED_RANGE.to];

const RSS = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire</title>
<link>http://127.0.0.1/</link><item><title>Talks</title><link>http://127.0.0.1/1</link>
<pubDate>Mon, 05 Oct 2026 10:00:00 GMT</pubDate></item></channel></rss>`;
const PAGE = `<html lang="en"><head><title>Ministers meet</title><link rel="canonical" href="http://127.0.0.1/a/1">
<meta property="og:site_name" content="Wire"></head><body><article><h1>Ministers meet</h1>
<p>French and German ministers met in Berlin on Monday to discuss energy prices and the winter supply of gas to
households across both countries, officials said after the talks ended late in the evening.</p></article></body></html>`;

function jsonLines(text: string): unknown[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
}

async function cli(args: string[], input?: string): Promise<string> {
  const outcome = await cliCommand(args, input === undefined ? {} : { input });
  if (outcome.code !== 0) throw new Error(`eventwire ${args.join(' ')} failed: ${outcome.stderr}`);
  return outcome.stdout;
}

beforeAll(async () => {
  fixture = await startWebFixture();
  const { stack } = fixture;
  reader = new EventReader(stack.clients.doc, stack.config.tables.events);
  const events = new DynamoEventStore(stack.clients.doc, stack.config.tables.events);
  const [first] = (await reader.events({ ...SEEDED_RANGE })).items;
  const source = { article_id: 'a-wire', url: 'http://127.0.0.1/wire/1', outlet: 'Wire', title: null, published: null };
  await events.recordArticleCoded(source, first ? [first.event_id] : [], new Date('2026-10-06T12:00:00Z'));
  await new DynamoFeedStore(stack.clients.doc, stack.config.tables.feeds).upsertFeeds(
    [{ url: 'http://127.0.0.1/wire/rss.xml', name: 'Wire', poll_minutes: 15 }],
    new Date('2026-10-06T12:00:00Z'),
  );
  await new DynamoArticleStore(stack.clients.doc, stack.config.tables.articles).discover(
    {
      article_id: 'a-wire',
      url: source.url,
      canonical_url: source.url,
      feed_id: 'f-wire',
      outlet: 'Wire',
      title: 'Talks',
      feed_published: null,
    },
    new Date('2026-10-06T12:00:00Z'),
  );
  // The CLI reuses the servers of a live process named in endpoints.json, as it does beside a running `serve`.
  await writeFile(
    join(stack.dataDir, 'endpoints.json'),
    JSON.stringify({ ...stack.stack.endpoints, pid: process.pid }),
  );
}, 60_000);
afterAll(async () => fixture.close());

describe('every JSON eventwire emits names its fields in snake_case', () => {
  it('holds for the code, extract and feed commands', async () => {
    const [coded, extracted, feedFile] = await Promise.all([
      cli(
        ['code', '--full'],
        `${JSON.stringify({ id: 1, text: 'French and German ministers met in Berlin on Monday.' })}\n`,
      ),
      cli(['extract'], `${JSON.stringify({ id: 2, url: 'http://127.0.0.1/a/1', html: PAGE })}\n`),
      writeFile(join(fixture.stack.dataDir, 'feed.xml'), RSS).then(() =>
        cli(['feed', join(fixture.stack.dataDir, 'feed.xml')]),
      ),
    ]);
    const outputs = { code: jsonLines(coded), extract: jsonLines(extracted), feed: JSON.parse(feedFile) };

    expect(outputs.code[0]).toMatchObject({ id: 1, events: [expect.objectContaining({ quad_class: 1 })] });
    expect(outputs.extract[0]).toHaveProperty('word_count');
    expect(outputs.feed).toHaveProperty('bozo_reason');
    expect(keysNotSnakeCase(outputs)).toEqual([]);
  }, 60_000);

  it('holds for events --format jsonl, export jsonl, export csv headers and feeds --jsonl', async () => {
    const dataDir = ['--data-dir', fixture.stack.dataDir];
    const jsonlFile = join(fixture.stack.dataDir, 'export.jsonl');
    const csvFile = join(fixture.stack.dataDir, 'export.csv');
    const events = jsonLines(await cli(['events', ...range, '--format', 'jsonl', ...dataDir]));
    await cli(['export', ...range, '--format', 'jsonl', '--out', jsonlFile, ...dataDir]);
    await cli(['export', ...range, '--format', 'csv', '--out', csvFile, ...dataDir]);
    const feeds = jsonLines(await cli(['feeds', '--jsonl', ...dataDir]));
    const exported = jsonLines(await readFile(jsonlFile, 'utf8'));
    const csvHeader = (await readFile(csvFile, 'utf8')).split('\n')[0]?.split(',') ?? [];

    expect(events).toHaveLength(3);
    expect(exported).toHaveLength(3);
    expect(feeds).toHaveLength(1);
    expect(keysNotSnakeCase({ events, exported, feeds })).toEqual([]);
    expect(csvHeader).toContain('quad_class');
    expect(csvHeader.filter((column) => !SNAKE_CASE.test(column))).toEqual([]);
  }, 120_000);

  it('holds for every route of the HTTP API', async () => {
    const get = async (path: string) => (await fetch(`${fixture.server.origin}/api${path}`)).json();
    const list = (await get(`/events?${new URLSearchParams(SEEDED_RANGE)}`)) as { items: { event_id: string }[] };
    const id = list.items[0]?.event_id ?? '';
    const answers = {
      list,
      one: await get(`/events/${id}`),
      mentions: await get(`/events/${id}/mentions`),
      of_article: await get('/articles/a-wire/events'),
      changes: await get('/changes?since=2026-10-06T00:00:00Z'),
      error: await get('/events?from=yesterday'),
    };

    expect(list.items).toHaveLength(3);
    expect(keysNotSnakeCase(answers)).toEqual([]);
  });

  it('holds for the typed client results', async () => {
    const results = {
      events: await reader.events({ ...SEEDED_RANGE }),
      by_actor: await reader.events({ ...SEEDED_RANGE, actor: 'RUS' }),
      changed: await reader.changedSince(new Date('2026-10-06T00:00:00Z'), { until: new Date('2026-10-07T00:00:00Z') }),
    };
    const id = results.events.items[0]?.event_id ?? '';
    const more = { one: await reader.get(id), mentions: await reader.mentions(id) };

    expect(results.changed.items.length).toBeGreaterThan(0);
    expect(keysNotSnakeCase({ ...results, ...more })).toEqual([]);
  });

  it('holds for the bus events of coded articles and of event changes', async () => {
    const scan = await fixture.stack.clients.doc.send(
      new ScanCommand({ TableName: fixture.stack.config.tables.events }),
    );
    const image = (item: Record<string, unknown>) => marshall(item, { convertClassInstanceToMap: false }) as never;
    const records = (scan.Items ?? []).flatMap((item): DynamoDBRecord[] => {
      const updated = { ...item, outlets: new Set(['Wire', 'Another']) };
      return [
        { eventName: 'INSERT', dynamodb: { NewImage: image(item) } },
        { eventName: 'MODIFY', dynamodb: { NewImage: image(updated), OldImage: image(item) } },
      ];
    });
    const changes = records.flatMap((record, position) => {
      const change = toChangeEvent(record);
      return change ? [{ position, change }] : [];
    });
    const details = toBusEvents(changes).map((event) => ({ type: event.detailType, detail: event.detail }));

    expect(new Set(details.map((detail) => detail.type))).toEqual(new Set(['Events Changed', 'Article Coded']));
    expect(keysNotSnakeCase(details)).toEqual([]);
  });

  it('holds for the published JSON Schemas', () => {
    const propertyNames = (schema: unknown): string[] => {
      if (typeof schema !== 'object' || schema === null) return [];
      return Object.entries(schema).flatMap(([key, inner]) =>
        key === 'properties' && typeof inner === 'object' && inner !== null
          ? [...Object.keys(inner), ...Object.values(inner).flatMap(propertyNames)]
          : propertyNames(inner),
      );
    };
    const names = Object.values(recordJsonSchemas()).flatMap(propertyNames);

    expect(names).toContain('quad_class');
    expect(names.filter((name) => !SNAKE_CASE.test(name))).toEqual([]);
  });
});
