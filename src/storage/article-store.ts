import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  paginateScan,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { batchGetItems } from './batch-get.js';
import { type CopyClaimStore, DynamoCopyClaims } from './copy-claims.js';
import { CorruptRecordError } from './errors.js';
import { currentShape, isConditionFailure, type StoredItemRef, writeCurrent } from './record-upgrade.js';
import {
  type ArticleRecord,
  ArticleRecordSchema,
  type ArticleStatus,
  ArticleStatusSchema,
  SCHEMA_VERSION,
} from './records.js';
import { setClause } from './set-clause.js';

/** The stage an unfinished article waits for: `pending` articles wait to be fetched, `stored` ones to be coded. */
export type PendingStage = 'fetch' | 'code';

/** An article as a feed lists it. */
export type ArticleDiscovery = Pick<
  ArticleRecord,
  'article_id' | 'url' | 'canonical_url' | 'feed_id' | 'outlet' | 'title' | 'feed_published'
>;

/** What fetching an article adds to its record. */
export interface StoredArticle {
  canonical_url: string;
  title: string | null;
  published: string | null;
  language: string | null;
  raw_key: string;
  text_key: string;
  content_hash: string;
  word_count: number;
  duplicate_of: string | null;
}

interface UpdateCondition {
  expression: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
}

/** Article records and their status, the copies linked to each, and the claims of copy detection. */
export interface ArticleStore {
  /** The claims of copy detection, beside the articles. */
  readonly copies: CopyClaimStore;
  /** Records a newly discovered article once; returns the existing record when it is already known. */
  discover(found: ArticleDiscovery, now: Date): Promise<{ created: boolean; record: ArticleRecord }>;
  get(articleId: string): Promise<ArticleRecord | undefined>;
  /** The status of each of these articles that exists (eventually consistent: a check, not a decision). */
  statuses(articleIds: readonly string[]): Promise<Map<string, ArticleStatus>>;
  /**
   * Text and raw page are in S3: the article now waits for coding. A first copy noted meanwhile stays. False when
   * it is no longer pending (another delivery stored it first): only one delivery counts it and hands it on.
   */
  markStored(articleId: string, stored: StoredArticle, now: Date): Promise<boolean>;
  /** Records the article as coded, unless it was made a copy while being coded or another delivery coded it first. */
  markCoded(articleId: string, eventIds: string[], now: Date): Promise<boolean>;
  markDuplicate(articleId: string, duplicateOf: string, eventIds: string[], now: Date): Promise<void>;
  /** Stored but not to be coded, with the reason; false when another delivery got there first (see markStored). */
  markSkipped(articleId: string, reason: string, now: Date, fields?: Partial<StoredArticle>): Promise<boolean>;
  /** A permanent failure, recorded with its reason; `redrive` can retry it. */
  markFailed(articleId: string, reason: string, now: Date): Promise<void>;
  /** A transient failure: the article stays pending, the reason and attempt count are kept for operators. */
  noteAttempt(articleId: string, reason: string, now: Date): Promise<void>;
  /** Puts a failed or skipped article back in the queue of `stage` (used by redrive). */
  reopen(articleId: string, stage: PendingStage, now: Date): Promise<void>;
  /** Articles waiting for a stage, for the local runner to resume after an interruption. */
  pending(stage: PendingStage): Promise<ArticleRecord[]>;
  /** The article with the copies linked to it so far, read consistently. */
  getWithCopies(articleId: string): Promise<{ article: ArticleRecord; copies: string[] } | undefined>;
  /** Makes the article a copy of `firstCopy` with a status, if its status is still the one read (else false). */
  markCopyOf(
    articleId: string,
    firstCopy: string,
    change: { status: ArticleStatus; read: ArticleStatus },
    now: Date,
  ): Promise<boolean>;
  /** Notes on the first copy that `copy` was linked to it. */
  addCopy(firstCopy: string, copy: string): Promise<void>;
  /** Forgets copies once they have been demoted along with the article. */
  forgetCopies(articleId: string, copies: readonly string[]): Promise<void>;
}

/** ArticleStore in the articles table. */
export class DynamoArticleStore implements ArticleStore {
  readonly copies: CopyClaimStore;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {
    this.copies = new DynamoCopyClaims(doc, tableName);
  }

  /** Records a newly discovered article once; returns the existing record when it is already known. */
  async discover(found: ArticleDiscovery, now: Date): Promise<{ created: boolean; record: ArticleRecord }> {
    const record = newArticleRecord(found, now);
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...key(found.article_id), ...record },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return { created: true, record };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const existing = await this.get(found.article_id);
      if (!existing) throw error;
      return { created: false, record: existing };
    }
  }

  async get(articleId: string): Promise<ArticleRecord | undefined> {
    const result = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: key(articleId), ConsistentRead: true }),
    );
    return result.Item ? parseArticle(result.Item) : undefined;
  }

  async statuses(articleIds: readonly string[]): Promise<Map<string, ArticleStatus>> {
    const items = await batchGetItems(
      this.doc,
      this.tableName,
      articleIds.map((articleId) => key(articleId)),
      { projection: ['pk', 'sk', 'article_id', 'articleId', '#status'], names: { '#status': 'status' } },
    );
    const statuses = new Map<string, ArticleStatus>();
    for (const item of items) {
      const status = ArticleStatusSchema.safeParse(item.status);
      // Articles stored before schema version 2 name their id `articleId`.
      const id = item.article_id ?? item.articleId;
      if (status.success && typeof id === 'string') statuses.set(id, status.data);
    }
    return statuses;
  }

  /**
   * Text and raw page are in S3: the article now waits for coding. False when it is no longer pending (another
   * delivery of the same message stored it first): only one delivery counts it and hands it on.
   */
  async markStored(articleId: string, stored: StoredArticle, now: Date): Promise<boolean> {
    // A first copy found meanwhile (markCopyOf) must survive: duplicate_of is only ever set, never cleared.
    const { duplicate_of, ...fields } = stored;
    return this.updateIfPending(articleId, now, {
      status: 'stored',
      reason: null,
      ...fields,
      ...(duplicate_of ? { duplicate_of } : {}),
    });
  }

  /**
   * Records the article as coded, unless an earlier copy turned up while it was being coded, or another delivery
   * coded it first (then false).
   */
  async markCoded(articleId: string, eventIds: string[], now: Date): Promise<boolean> {
    try {
      await this.update(
        articleId,
        now,
        { status: 'coded', reason: null, event_ids: eventIds },
        {
          expression: 'attribute_type(duplicate_of, :nullType) AND #status = :stored',
          names: { '#status': 'status' },
          values: { ':nullType': 'NULL', ':stored': 'stored' },
        },
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** The article with the copies linked to it so far (see addCopy), read consistently. */
  async getWithCopies(articleId: string): Promise<{ article: ArticleRecord; copies: string[] } | undefined> {
    const found = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: key(articleId), ConsistentRead: true }),
    );
    if (!found.Item) return undefined;
    const copies = found.Item.copies instanceof Set ? [...found.Item.copies].map(String).sort() : [];
    return { article: parseArticle(found.Item), copies };
  }

  /**
   * Makes the article a copy of `firstCopy` with `status`, provided its status is still `read` (false when a stage
   * moved it on meanwhile). A stored article's earlier reason is cleared.
   */
  async markCopyOf(
    articleId: string,
    firstCopy: string,
    change: { status: ArticleStatus; read: ArticleStatus },
    now: Date,
  ): Promise<boolean> {
    try {
      await this.update(
        articleId,
        now,
        { status: change.status, duplicate_of: firstCopy, ...(change.status === 'stored' ? { reason: null } : {}) },
        { expression: '#status = :read', names: { '#status': 'status' }, values: { ':read': change.read } },
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** Notes on the first copy that `copy` was linked to it, so that demoting the first copy demotes the copy too. */
  async addCopy(firstCopy: string, copy: string): Promise<void> {
    await this.editCopies(firstCopy, 'ADD', [copy]);
  }

  /** Forgets copies once they have been demoted along with this article. */
  async forgetCopies(articleId: string, copies: readonly string[]): Promise<void> {
    if (copies.length > 0) await this.editCopies(articleId, 'DELETE', copies);
  }

  private async editCopies(articleId: string, action: 'ADD' | 'DELETE', copies: readonly string[]): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: key(articleId),
        UpdateExpression: `${action} copies :copies`,
        ExpressionAttributeValues: { ':copies': new Set(copies) },
        ConditionExpression: 'attribute_exists(pk)',
      }),
    );
  }

  async markDuplicate(articleId: string, duplicateOf: string, eventIds: string[], now: Date): Promise<void> {
    await this.update(articleId, now, {
      status: 'duplicate',
      reason: `same story as article ${duplicateOf}`,
      duplicate_of: duplicateOf,
      event_ids: eventIds,
    });
  }

  /** Stored but not to be coded, with the reason; false when another delivery got there first (see markStored). */
  async markSkipped(
    articleId: string,
    reason: string,
    now: Date,
    fields: Partial<StoredArticle> = {},
  ): Promise<boolean> {
    return this.updateIfPending(articleId, now, { status: 'skipped', reason, ...fields });
  }

  private async updateIfPending(articleId: string, now: Date, fields: Record<string, unknown>): Promise<boolean> {
    try {
      await this.update(articleId, now, fields, {
        expression: '#status = :pending',
        names: { '#status': 'status' },
        values: { ':pending': 'pending' },
      });
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** A permanent failure, recorded with its reason; `redrive` can retry it. */
  async markFailed(articleId: string, reason: string, now: Date): Promise<void> {
    await this.update(articleId, now, { status: 'failed', reason });
  }

  /** A transient failure: the article stays pending, the reason and attempt count are kept for operators. */
  async noteAttempt(articleId: string, reason: string, now: Date): Promise<void> {
    await writeCurrent(this.ref(articleId), () =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key(articleId),
          UpdateExpression: 'SET reason = :reason, attempts = attempts + :one, updated_at = :now',
          ExpressionAttributeValues: { ':reason': reason, ':one': 1, ':now': now.toISOString() },
          ConditionExpression: 'attribute_exists(schema_version)',
        }),
      ),
    );
  }

  /** Puts a failed or skipped article back in the queue of `stage` (used by redrive). */
  async reopen(articleId: string, stage: PendingStage, now: Date): Promise<void> {
    await this.update(articleId, now, { status: stage === 'fetch' ? 'pending' : 'stored', reason: null });
  }

  /**
   * Articles waiting for a stage, for the local runner to resume after an interruption. A Scan on purpose: it is
   * used only on the local stack, where an interrupted process may leave an index entry unwritten (dynalite's
   * index writes are not atomic with the item); in AWS the queues themselves hold unfinished work.
   */
  async pending(stage: PendingStage): Promise<ArticleRecord[]> {
    const articles: ArticleRecord[] = [];
    const pages = paginateScan(
      { client: this.doc },
      {
        TableName: this.tableName,
        ConsistentRead: true,
        FilterExpression: 'sk = :sk AND #status = :status',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':sk': 'ARTICLE', ':status': stage === 'fetch' ? 'pending' : 'stored' },
      },
    );
    for await (const page of pages) for (const item of page.Items ?? []) articles.push(parseArticle(item));
    return articles.sort(
      (a, b) => a.discovered_at.localeCompare(b.discovered_at) || a.article_id.localeCompare(b.article_id),
    );
  }

  private async update(
    articleId: string,
    now: Date,
    fields: Record<string, unknown>,
    condition?: UpdateCondition,
  ): Promise<void> {
    const set = setClause({ ...fields, updated_at: now.toISOString() }, 'f');
    const current = 'attribute_exists(schema_version)';
    await writeCurrent(this.ref(articleId), () =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key(articleId),
          UpdateExpression: `SET ${set.assignments.join(', ')}`,
          ExpressionAttributeNames: { ...set.names, ...condition?.names },
          ExpressionAttributeValues: { ...set.values, ...condition?.values },
          ConditionExpression: condition ? `${current} AND ${condition.expression}` : current,
        }),
      ),
    );
  }

  /** The stored article an update refers to: one of an earlier schema version is upgraded before it changes. */
  private ref(articleId: string): StoredItemRef {
    return { doc: this.doc, tableName: this.tableName, key: key(articleId), schema: ArticleRecordSchema };
  }
}

function key(articleId: string): { pk: string; sk: string } {
  return { pk: `ARTICLE#${articleId}`, sk: 'ARTICLE' };
}

/** An article as a feed first lists it: pending, nothing fetched yet. */
export function newArticleRecord(found: ArticleDiscovery, now: Date): ArticleRecord {
  return {
    schema_version: SCHEMA_VERSION,
    ...found,
    published: null,
    discovered_at: now.toISOString(),
    language: null,
    status: 'pending',
    reason: null,
    attempts: 0,
    raw_key: null,
    text_key: null,
    content_hash: null,
    duplicate_of: null,
    word_count: null,
    event_ids: [],
    updated_at: now.toISOString(),
  };
}

function parseArticle(item: Record<string, unknown>): ArticleRecord {
  const parsed = ArticleRecordSchema.safeParse(currentShape(item, ArticleRecordSchema));
  if (!parsed.success) throw new CorruptRecordError(`article item ${String(item.pk)} does not match its schema`);
  return parsed.data;
}
