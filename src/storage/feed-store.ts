import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  paginateQuery,
  paginateScan,
  QueryCommand,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { stableId } from '../core/ids.js';
import { CorruptRecordError } from './errors.js';
import { KnownItems } from './known-items.js';
import { currentShape, isConditionFailure, type StoredItemRef, writeCurrent } from './record-upgrade.js';
import { type FeedRecord, FeedRecordSchema, SCHEMA_VERSION } from './records.js';
import { FEEDS_INDEXES } from './table-design.js';

/** A feed the user wants polled: from the feed list file or SSM parameter. */
export interface FeedSpec {
  url: string;
  name?: string | undefined;
  poll_minutes?: number | undefined;
  /** The interval's name in feed lists written before the snake_case names. */
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
  /**
   * When to poll next; the caller applies backoff after failures. Absent: the next poll time stays as the lease
   * set it (the feed's next regular poll), and the feed's place in the due index does not move.
   */
  nextPollAt?: Date;
}

const DUE_PARTITION = 'FEEDS';
const FEED_SK = 'FEED';
/** Sort key of the item beside each feed's that holds what it listed (KnownItems). */
const KNOWN_SK = 'KNOWN';
const byDue = FEEDS_INDEXES.byDue;

export function feedIdOf(url: string): string {
  return stableId([url], 16);
}

/** The feed list, each feed's poll schedule, conditional-GET validators and health. */
export interface FeedStore {
  /** Adds new feeds (due at once) and updates name/interval of known ones, keeping their state. */
  upsertFeeds(specs: readonly FeedSpec[], now: Date): Promise<number>;
  get(feedId: string): Promise<FeedRecord | undefined>;
  /** The feed and the items it listed before (what a poll needs), in one read. */
  getForPoll(feedId: string): Promise<{ feed: FeedRecord; known: KnownItems } | undefined>;
  /** Stores what the feed listed; written by a poll whose items or checks changed it. */
  saveKnown(feedId: string, known: KnownItems): Promise<void>;
  /** Every feed, oldest due first. */
  list(): Promise<FeedRecord[]>;
  /** Feeds whose next poll time has come, oldest first. */
  dueFeeds(now: Date, limit?: number): Promise<FeedRecord[]>;
  /** Sets a due feed's next poll time while its message is in flight (its next regular poll). */
  lease(feedId: string, until: Date): Promise<void>;
  recordPoll(feedId: string, outcome: PollOutcome): Promise<void>;
}

/** FeedStore in the feeds table. */
export class DynamoFeedStore implements FeedStore {
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
      const pollMinutes = spec.poll_minutes ?? spec.pollMinutes ?? 15;
      const existing = await this.get(feedId);
      if (existing) {
        if (existing.name !== name || existing.poll_minutes !== pollMinutes) {
          await this.updateCurrent(feedId, {
            UpdateExpression: 'SET #name = :name, poll_minutes = :poll',
            ExpressionAttributeNames: { '#name': 'name' },
            ExpressionAttributeValues: { ':name': name, ':poll': pollMinutes },
          });
        }
        continue;
      }
      const record = newFeedRecord({ feed_id: feedId, url: spec.url, name, poll_minutes: pollMinutes }, now);
      await this.doc
        .send(
          new PutCommand({
            TableName: this.tableName,
            Item: {
              ...key(feedId),
              ...record,
              [byDue.partitionKey]: DUE_PARTITION,
              [byDue.sortKey]: record.next_poll_at,
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

  /** The feed and its known items, in one consistent Query of the feed's partition. */
  async getForPoll(feedId: string): Promise<{ feed: FeedRecord; known: KnownItems } | undefined> {
    const result = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': key(feedId).pk },
        ConsistentRead: true,
      }),
    );
    const items = result.Items ?? [];
    const feed = items.find((item) => item.sk === FEED_SK);
    if (!feed) return undefined;
    return { feed: parseFeed(feed), known: KnownItems.from(items.find((item) => item.sk === KNOWN_SK)) };
  }

  async saveKnown(feedId: string, known: KnownItems): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          pk: key(feedId).pk,
          sk: KNOWN_SK,
          kind: 'feed-known',
          schema_version: SCHEMA_VERSION,
          ...known.toAttributes(),
        },
      }),
    );
  }

  /**
   * Every feed, oldest due first. A consistent Scan of the table, not the byDue index, on purpose: the local stack
   * (dynalite) writes an item's index entries apart from the item, so a process killed mid-update can leave a feed
   * out of the index, and a local run listing through it would never poll that feed again.
   */
  async list(): Promise<FeedRecord[]> {
    const feeds: FeedRecord[] = [];
    const pages = paginateScan(
      { client: this.doc },
      {
        TableName: this.tableName,
        ConsistentRead: true,
        FilterExpression: 'sk = :sk',
        ExpressionAttributeValues: { ':sk': FEED_SK },
      },
    );
    for await (const page of pages) for (const item of page.Items ?? []) feeds.push(parseFeed(item));
    return feeds.sort((a, b) => a.next_poll_at.localeCompare(b.next_poll_at) || a.feed_id.localeCompare(b.feed_id));
  }

  /** Feeds whose next poll time has come, oldest first (the scheduled Lambda's query; AWS keeps the index whole). */
  async dueFeeds(now: Date, limit = 500): Promise<FeedRecord[]> {
    return this.queryDue(now.toISOString(), limit);
  }

  /**
   * Sets a due feed's next poll time while its message is in flight, so a schedule tick does not send it twice.
   * The lease is the feed's next regular poll: a successful poll leaves it, and the feed does not move in the due
   * index twice per poll.
   */
  async lease(feedId: string, until: Date): Promise<void> {
    await this.setNextPoll(feedId, until);
  }

  async recordPoll(feedId: string, outcome: PollOutcome): Promise<void> {
    const failed = outcome.status === 'failed';
    const next = outcome.nextPollAt?.toISOString();
    const validators = outcome.status === 'fetched' ? ', etag = :etag, last_modified = :lastModified' : '';
    const schedule = next ? 'next_poll_at = :next, #dueSk = :next, ' : '';
    await this.updateCurrent(feedId, {
      UpdateExpression: `SET ${schedule}health.last_status = :status, health.last_fetched_at = :at, health.last_error = :error, health.consecutive_failures = ${failed ? 'health.consecutive_failures + :one' : ':zero'}, health.polls = health.polls + :one, health.not_modified = health.not_modified + :nm, health.items_last_poll = :items, health.bytes_last_poll = :bytes${validators}`,
      ...(next ? { ExpressionAttributeNames: { '#dueSk': byDue.sortKey } } : {}),
      ExpressionAttributeValues: {
        ...(next ? { ':next': next } : {}),
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
    });
  }

  private async setNextPoll(feedId: string, at: Date): Promise<void> {
    await this.updateCurrent(feedId, {
      UpdateExpression: 'SET next_poll_at = :next, #dueSk = :next',
      ExpressionAttributeNames: { '#dueSk': byDue.sortKey },
      ExpressionAttributeValues: { ':next': at.toISOString() },
    });
  }

  /** An update of an existing feed, which first upgrades a feed stored under an earlier schema version. */
  private async updateCurrent(
    feedId: string,
    update: Pick<UpdateCommandInput, 'UpdateExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'>,
  ): Promise<void> {
    const ref: StoredItemRef = { doc: this.doc, tableName: this.tableName, key: key(feedId), schema: FeedRecordSchema };
    await writeCurrent(ref, () =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key(feedId),
          ...update,
          ConditionExpression: 'attribute_exists(schema_version)',
        }),
      ),
    );
  }

  private async queryDue(until: string, limit: number): Promise<FeedRecord[]> {
    const feeds: FeedRecord[] = [];
    const pages = paginateQuery(
      { client: this.doc },
      {
        TableName: this.tableName,
        IndexName: byDue.name,
        KeyConditionExpression: '#pk = :pk AND #sk <= :until',
        ExpressionAttributeNames: { '#pk': byDue.partitionKey, '#sk': byDue.sortKey },
        ExpressionAttributeValues: { ':pk': DUE_PARTITION, ':until': until },
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) feeds.push(parseFeed(item));
      if (feeds.length >= limit) break;
    }
    return feeds.slice(0, limit);
  }
}

function key(feedId: string): { pk: string; sk: string } {
  return { pk: `FEED#${feedId}`, sk: FEED_SK };
}

/** A feed as first recorded: due at once, never polled. */
export function newFeedRecord(
  feed: Pick<FeedRecord, 'feed_id' | 'url' | 'name' | 'poll_minutes'>,
  now: Date,
): FeedRecord {
  return {
    schema_version: SCHEMA_VERSION,
    ...feed,
    next_poll_at: now.toISOString(),
    etag: null,
    last_modified: null,
    health: {
      last_status: null,
      last_fetched_at: null,
      last_error: null,
      consecutive_failures: 0,
      polls: 0,
      not_modified: 0,
      items_last_poll: 0,
      bytes_last_poll: 0,
    },
  };
}

function parseFeed(item: Record<string, unknown>): FeedRecord {
  const parsed = FeedRecordSchema.safeParse(currentShape(item, FeedRecordSchema));
  if (!parsed.success) throw new CorruptRecordError(`feed item ${String(item.pk)} does not match its schema`);
  return parsed.data;
}
