import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { stableId } from '../core/ids.js';
import { CorruptRecordError } from './errors.js';
import { type FeedRecord, FeedRecordSchema, SCHEMA_VERSION } from './records.js';
import { FEEDS_INDEXES } from './table-design.js';

/** A feed the user wants polled: from the feed list file or SSM parameter. */
export interface FeedSpec {
  url: string;
  name?: string | undefined;
  pollMinutes?: number | undefined;
}

/** What one poll of a feed produced, written back as the feed's state and health. */
export interface PollOutcome {
  status: 'fetched' | 'not-modified' | 'failed';
  at: Date;
  etag?: string | null;
  lastModified?: string | null;
  items?: number;
  bytes?: number;
  error?: string | null;
  /** When to poll next; the caller applies backoff after failures. */
  nextPollAt: Date;
}

const DUE_PARTITION = 'FEEDS';
const FEED_SK = 'FEED';
const byDue = FEEDS_INDEXES.byDue;

export function feedIdOf(url: string): string {
  return stableId([url], 16);
}

/** Feed list, poll schedule, conditional-GET validators and health, in the feeds table. */
export class FeedStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Adds new feeds (due at once) and updates name/interval of known ones, keeping their state. */
  async upsertFeeds(specs: readonly FeedSpec[], now: Date): Promise<number> {
    let added = 0;
    for (const spec of specs) {
      const feedId = feedIdOf(spec.url);
      const name = spec.name ?? new URL(spec.url).host;
      const pollMinutes = spec.pollMinutes ?? 15;
      const existing = await this.get(feedId);
      if (existing) {
        if (existing.name !== name || existing.pollMinutes !== pollMinutes) {
          await this.doc.send(
            new UpdateCommand({
              TableName: this.tableName,
              Key: key(feedId),
              UpdateExpression: 'SET #name = :name, pollMinutes = :poll',
              ExpressionAttributeNames: { '#name': 'name' },
              ExpressionAttributeValues: { ':name': name, ':poll': pollMinutes },
            }),
          );
        }
        continue;
      }
      const record: FeedRecord = {
        schemaVersion: SCHEMA_VERSION,
        feedId,
        url: spec.url,
        name,
        pollMinutes,
        nextPollAt: now.toISOString(),
        etag: null,
        lastModified: null,
        health: {
          lastStatus: null,
          lastFetchedAt: null,
          lastError: null,
          consecutiveFailures: 0,
          polls: 0,
          notModified: 0,
          itemsLastPoll: 0,
          bytesLastPoll: 0,
        },
      };
      await this.doc
        .send(
          new PutCommand({
            TableName: this.tableName,
            Item: {
              ...key(feedId),
              ...record,
              [byDue.partitionKey]: DUE_PARTITION,
              [byDue.sortKey]: record.nextPollAt,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        )
        .then(
          () => {
            added += 1;
          },
          (error: unknown) => {
            if (!isConditionFailure(error)) throw error;
          },
        );
    }
    return added;
  }

  async get(feedId: string): Promise<FeedRecord | undefined> {
    const result = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: key(feedId), ConsistentRead: true }),
    );
    return result.Item ? parseFeed(result.Item) : undefined;
  }

  /**
   * Every feed, oldest due first. A consistent Scan of the table, not the byDue index, on purpose: the local stack
   * (dynalite) writes an item's index entries apart from the item, so a process killed mid-update can leave a feed
   * out of the index, and a local run listing through it would never poll that feed again.
   */
  async list(): Promise<FeedRecord[]> {
    const feeds: FeedRecord[] = [];
    let cursor: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(
        new ScanCommand({
          TableName: this.tableName,
          ConsistentRead: true,
          ExclusiveStartKey: cursor,
          FilterExpression: 'sk = :sk',
          ExpressionAttributeValues: { ':sk': FEED_SK },
        }),
      );
      for (const item of page.Items ?? []) feeds.push(parseFeed(item));
      cursor = page.LastEvaluatedKey;
    } while (cursor);
    return feeds.sort((a, b) => a.nextPollAt.localeCompare(b.nextPollAt) || a.feedId.localeCompare(b.feedId));
  }

  /** Feeds whose next poll time has come, oldest first (the scheduled Lambda's query; AWS keeps the index whole). */
  async dueFeeds(now: Date, limit = 500): Promise<FeedRecord[]> {
    return this.queryDue(now.toISOString(), limit);
  }

  /** Pushes a due feed's next poll time forward while its message is in flight, so a schedule tick does not send it twice. */
  async lease(feedId: string, until: Date): Promise<void> {
    await this.setNextPoll(feedId, until);
  }

  async recordPoll(feedId: string, outcome: PollOutcome): Promise<void> {
    const failed = outcome.status === 'failed';
    const next = outcome.nextPollAt.toISOString();
    const validators = outcome.status === 'fetched' ? ', etag = :etag, lastModified = :lastModified' : '';
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: key(feedId),
        UpdateExpression: `SET nextPollAt = :next, #dueSk = :next, health.lastStatus = :status, health.lastFetchedAt = :at, health.lastError = :error, health.consecutiveFailures = ${failed ? 'health.consecutiveFailures + :one' : ':zero'}, health.polls = health.polls + :one, health.notModified = health.notModified + :nm, health.itemsLastPoll = :items, health.bytesLastPoll = :bytes${validators}`,
        ExpressionAttributeNames: { '#dueSk': byDue.sortKey },
        ExpressionAttributeValues: {
          ':next': next,
          ':status': outcome.status,
          ':at': outcome.at.toISOString(),
          ':error': outcome.error ?? null,
          ':one': 1,
          ...(failed ? {} : { ':zero': 0 }),
          ':nm': outcome.status === 'not-modified' ? 1 : 0,
          ':items': outcome.items ?? 0,
          ':bytes': outcome.bytes ?? 0,
          ...(outcome.status === 'fetched'
            ? { ':etag': outcome.etag ?? null, ':lastModified': outcome.lastModified ?? null }
            : {}),
        },
        ConditionExpression: 'attribute_exists(pk)',
      }),
    );
  }

  private async setNextPoll(feedId: string, at: Date): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: key(feedId),
        UpdateExpression: 'SET nextPollAt = :next, #dueSk = :next',
        ExpressionAttributeNames: { '#dueSk': byDue.sortKey },
        ExpressionAttributeValues: { ':next': at.toISOString() },
        ConditionExpression: 'attribute_exists(pk)',
      }),
    );
  }

  private async queryDue(until: string, limit: number): Promise<FeedRecord[]> {
    const feeds: FeedRecord[] = [];
    let cursor: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: byDue.name,
          KeyConditionExpression: '#pk = :pk AND #sk <= :until',
          ExpressionAttributeNames: { '#pk': byDue.partitionKey, '#sk': byDue.sortKey },
          ExpressionAttributeValues: { ':pk': DUE_PARTITION, ':until': until },
          ExclusiveStartKey: cursor,
        }),
      );
      for (const item of page.Items ?? []) feeds.push(parseFeed(item));
      cursor = page.LastEvaluatedKey;
    } while (cursor && feeds.length < limit);
    return feeds.slice(0, limit);
  }
}

function key(feedId: string): { pk: string; sk: string } {
  return { pk: `FEED#${feedId}`, sk: FEED_SK };
}

function parseFeed(item: Record<string, unknown>): FeedRecord {
  const parsed = FeedRecordSchema.safeParse(item);
  if (!parsed.success) throw new CorruptRecordError(`feed item ${String(item.pk)} does not match its schema`);
  return parsed.data;
}

export function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}
