import { GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toChangeEvent } from '../../../src/changes/change-events.js';
import { EventReader } from '../../../src/client/index.js';
import { ArticleMessageSchema, FeedMessageSchema } from '../../../src/queue/messages.js';
import { DynamoArticleStore } from '../../../src/storage/article-store.js';
import { DynamoEventStore, type EventStore } from '../../../src/storage/event-store.js';
import { DynamoFeedStore } from '../../../src/storage/feed-store.js';
import { codedEvent } from '../../helpers/coded-event.js';
import { startTestStack, type TestStack } from '../../helpers/local-stack.js';

// Items exactly as schema version 1 wrote them: record fields in camelCase, table-design attributes as today.
const legacyFeed = {
  pk: 'FEED#f-old',
  sk: 'FEED',
  schemaVersion: 1,
  feedId: 'f-old',
  url: 'http://127.0.0.1/old/rss.xml',
  name: 'Old Wire',
  pollMinutes: 30,
  nextPollAt: '2026-10-06T11:00:00.000Z',
  etag: '"v1"',
  lastModified: null,
  health: {
    lastStatus: 'fetched',
    lastFetchedAt: '2026-10-06T10:30:00.000Z',
    lastError: null,
    consecutiveFailures: 0,
    polls: 7,
    notModified: 2,
    itemsLastPoll: 12,
    bytesLastPoll: 4096,
  },
  byDuePk: 'FEEDS',
  byDueSk: '2026-10-06T11:00:00.000Z',
};

const legacyArticle = {
  pk: 'ARTICLE#a-old',
  sk: 'ARTICLE',
  schemaVersion: 1,
  articleId: 'a-old',
  url: 'http://127.0.0.1/old/1',
  canonicalUrl: 'http://127.0.0.1/old/1',
  feedId: 'f-old',
  outlet: 'Old Wire',
  title: 'Ministers meet',
  feedPublished: '2026-10-05T08:00:00.000Z',
  published: null,
  discoveredAt: '2026-10-05T09:00:00.000Z',
  language: null,
  status: 'pending',
  reason: null,
  attempts: 0,
  rawKey: null,
  textKey: null,
  contentHash: null,
  duplicateOf: null,
  wordCount: null,
  eventIds: [],
  updatedAt: '2026-10-05T09:00:00.000Z',
};

const talks = codedEvent();
const oldRecordedAt = '2026-10-05T09:30:00.000Z';

let env: TestStack;
let events: EventStore;
let reader: EventReader;
let eventId: string;

/** The item as version 1 wrote it: every snake_case name in camelCase, version 1. */
function asLegacy(item: Record<string, unknown>): Record<string, unknown> {
  const camel = (name: string) => name.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
  return { ...Object.fromEntries(Object.entries(item).map(([name, value]) => [camel(name), value])), schemaVersion: 1 };
}

/** Records one report the way version 2 does, then rewrites every item it wrote in version 1's shape. */
async function seedLegacyEvent(): Promise<void> {
  const source = { article_id: 'a-old', url: legacyArticle.url, outlet: 'Old Wire', title: null, published: null };
  [eventId = ''] = (await events.recordMentions(source, [talks], '2026-10-05', new Date(oldRecordedAt))).eventIds;
  await events.recordArticleCoded(source, [eventId], new Date(oldRecordedAt));
  const table = env.config.tables.events;
  const scan = await env.clients.doc.send(new ScanCommand({ TableName: table }));
  for (const item of scan.Items ?? []) {
    await env.clients.doc.send(new PutCommand({ TableName: table, Item: asLegacy(item) }));
  }
}

beforeAll(async () => {
  env = await startTestStack();
  events = new DynamoEventStore(env.clients.doc, env.config.tables.events);
  reader = new EventReader(env.clients.doc, env.config.tables.events);
  await env.clients.doc.send(new PutCommand({ TableName: env.config.tables.feeds, Item: legacyFeed }));
  await env.clients.doc.send(new PutCommand({ TableName: env.config.tables.articles, Item: legacyArticle }));
  await seedLegacyEvent();
});
afterAll(async () => env.close());

describe('items stored under schema version 1 (camelCase)', () => {
  it('reads an old feed as a current record and upgrades it before recording a poll', async () => {
    const feeds = new DynamoFeedStore(env.clients.doc, env.config.tables.feeds);

    const read = await feeds.get('f-old');
    await feeds.recordPoll('f-old', {
      status: 'not-modified',
      at: new Date('2026-10-06T11:05:00.000Z'),
      nextPollAt: new Date('2026-10-06T11:35:00.000Z'),
    });
    const stored = (
      await env.clients.doc.send(
        new GetCommand({ TableName: env.config.tables.feeds, Key: { pk: 'FEED#f-old', sk: 'FEED' } }),
      )
    ).Item;

    expect(read).toMatchObject({ feed_id: 'f-old', poll_minutes: 30, health: { polls: 7, not_modified: 2 } });
    expect(await feeds.get('f-old')).toMatchObject({
      schema_version: 2,
      next_poll_at: '2026-10-06T11:35:00.000Z',
      etag: '"v1"',
      health: { polls: 8, not_modified: 3, items_last_poll: 0, last_status: 'not-modified' },
    });
    expect(Object.keys(stored ?? {}).sort()).toEqual(
      ['pk', 'sk', 'byDuePk', 'byDueSk', ...Object.keys(read ?? {})].sort(),
    );
  });

  it('reads an old article as a current record and upgrades it before changing its status', async () => {
    const articles = new DynamoArticleStore(env.clients.doc, env.config.tables.articles);

    const read = await articles.get('a-old');
    await articles.markFailed('a-old', 'FetchError: HTTP 404', new Date('2026-10-06T12:00:00.000Z'));

    expect(read).toMatchObject({ article_id: 'a-old', feed_published: '2026-10-05T08:00:00.000Z', status: 'pending' });
    expect(await articles.get('a-old')).toMatchObject({
      schema_version: 2,
      article_id: 'a-old',
      discovered_at: '2026-10-05T09:00:00.000Z',
      status: 'failed',
      reason: 'FetchError: HTTP 404',
    });
  });

  it('reads an old event, its mentions and its coded article through the client', async () => {
    const event = await reader.get(eventId);
    const listed = await reader.events({ from: '2026-10-01', to: '2026-10-31' });
    const mentions = await reader.mentions(eventId);

    expect(event).toMatchObject({
      schema_version: 2,
      event_id: eventId,
      quad_class: 1,
      num_mentions: 1,
      first_seen: oldRecordedAt,
    });
    expect(listed.items.map((item) => item.event_id)).toEqual([eventId]);
    expect(mentions.items).toEqual([expect.objectContaining({ article_id: 'a-old', sentence_index: 0 })]);
    expect(await reader.eventsOfArticle('a-old')).toEqual([eventId]);
  });

  it('merges a new report into an old event, keeping its first sighting, and publishes snake_case details', async () => {
    const before = (
      await env.clients.doc.send(
        new GetCommand({ TableName: env.config.tables.events, Key: { pk: `EVENT#${eventId}`, sk: 'EVENT' } }),
      )
    ).Item;
    const paper = { article_id: 'a-new', url: 'http://127.0.0.1/new/1', outlet: 'Paper', title: null, published: null };

    await events.recordMentions(paper, [talks], '2026-10-05', new Date('2026-10-06T12:00:00.000Z'));
    const after = (
      await env.clients.doc.send(
        new GetCommand({ TableName: env.config.tables.events, Key: { pk: `EVENT#${eventId}`, sk: 'EVENT' } }),
      )
    ).Item;
    const change = toChangeEvent({
      eventName: 'MODIFY',
      dynamodb: {
        NewImage: marshall(after ?? {}, { convertClassInstanceToMap: false }) as never,
        OldImage: marshall(before ?? {}, { convertClassInstanceToMap: false }) as never,
      },
    } satisfies DynamoDBRecord);

    expect(await reader.get(eventId)).toMatchObject({ num_mentions: 2, num_sources: 2, first_seen: oldRecordedAt });
    expect(after).not.toHaveProperty('schemaVersion');
    expect(after).not.toHaveProperty('quadClass');
    expect(change?.detail).toMatchObject({ event_id: eventId, num_mentions: 2, previous: { num_mentions: 1 } });
  });

  it('reads queue messages written with camelCase ids', () => {
    expect(ArticleMessageSchema.parse({ articleId: 'a-old' })).toEqual({ article_id: 'a-old' });
    expect(FeedMessageSchema.parse({ feedId: 'f-old' })).toEqual({ feed_id: 'f-old' });
  });
});
