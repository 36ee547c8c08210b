import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { batchGetItems } from './batch-get.js';
import { CopyClaims } from './copy-claims.js';
import { ArticleBusyError, CorruptRecordError } from './errors.js';
import { isConditionFailure } from './feed-store.js';
import { type ArticleRecord, ArticleRecordSchema, SCHEMA_VERSION } from './records.js';
import { setClause } from './set-clause.js';
import { ARTICLES_INDEXES } from './table-design.js';

/** The stage an unfinished article waits for: `pending` articles wait to be fetched, `stored` ones to be coded. */
export type PendingStage = 'fetch' | 'code';

export interface ArticleDiscovery {
  articleId: string;
  url: string;
  canonicalUrl: string;
  feedId: string;
  outlet: string;
  title: string | null;
  feedPublished: string | null;
}

export interface StoredArticle {
  canonicalUrl: string;
  title: string | null;
  published: string | null;
  language: string | null;
  rawKey: string;
  textKey: string;
  contentHash: string;
  simhash: string;
  wordCount: number;
  duplicateOf: string | null;
}

const byOutlet = ARTICLES_INDEXES.byOutlet;

interface UpdateCondition {
  expression: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
}

/** Article records, dedup claims (content hash, SimHash bands) and per-article status in the articles table. */
export class ArticleStore {
  /** Which copy of a syndicated story came first. */
  readonly copies: CopyClaims;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {
    this.copies = new CopyClaims(doc, tableName);
  }

  /** Records a newly discovered article once; returns the existing record when it is already known. */
  async discover(found: ArticleDiscovery, now: Date): Promise<{ created: boolean; record: ArticleRecord }> {
    const record: ArticleRecord = {
      schemaVersion: SCHEMA_VERSION,
      ...found,
      published: null,
      discoveredAt: now.toISOString(),
      language: null,
      status: 'pending',
      reason: null,
      attempts: 0,
      rawKey: null,
      textKey: null,
      contentHash: null,
      simhash: null,
      duplicateOf: null,
      wordCount: null,
      eventIds: [],
      updatedAt: now.toISOString(),
    };
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...key(found.articleId),
            ...record,
            ...outletKeys(found.outlet, found.feedPublished ?? record.discoveredAt, found.articleId),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return { created: true, record };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const existing = await this.get(found.articleId);
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

  /**
   * Text and raw page are in S3: the article now waits for coding. False when it is no longer pending (another
   * delivery of the same message stored it first): only one delivery counts it and hands it on.
   */
  async markStored(articleId: string, stored: StoredArticle, now: Date): Promise<boolean> {
    // A first copy found meanwhile (demoteToCopy) must survive: duplicateOf is only ever set, never cleared.
    const { duplicateOf, ...fields } = stored;
    return this.updateIfPending(articleId, now, {
      status: 'stored',
      reason: null,
      ...fields,
      ...(duplicateOf ? { duplicateOf } : {}),
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
        { status: 'coded', reason: null, eventIds },
        {
          expression: 'attribute_type(duplicateOf, :nullType) AND #status = :stored',
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

  /**
   * An earlier copy of this article's story turned up: it becomes a copy of that one. A pending article is linked
   * once fetched; one stored, coded, or linked to a copy now outranked goes (back) to `stored` with its new first
   * copy, for the code stage to link it (`needsCoding`). `copies` are the articles linked to this one so far: they
   * were linked to the wrong first copy and must be demoted too.
   */
  async demoteToCopy(
    articleId: string,
    firstCopy: string,
    now: Date,
  ): Promise<{ needsCoding: boolean; copies: string[]; demoted: boolean }> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const found = await this.doc.send(
        new GetCommand({ TableName: this.tableName, Key: key(articleId), ConsistentRead: true }),
      );
      if (!found.Item) return { needsCoding: false, copies: [], demoted: false };
      const article = parseArticle(found.Item);
      const copies = found.Item.copies instanceof Set ? [...found.Item.copies].map(String).sort() : [];
      if (!['pending', 'stored', 'coded', 'duplicate'].includes(article.status))
        return { needsCoding: false, copies, demoted: false };
      // Demoted before (this is a retry): whether its code message went out is unknown, so one more goes.
      if (article.duplicateOf === firstCopy && article.status !== 'coded')
        return { needsCoding: article.status === 'stored', copies, demoted: false };
      const status = article.status === 'pending' ? 'pending' : 'stored';
      try {
        // Conditional on the status read: when a stage moved the article on meanwhile, it is read again.
        await this.update(
          articleId,
          now,
          { status, duplicateOf: firstCopy, ...(status === 'stored' ? { reason: null } : {}) },
          {
            expression: '#status = :read',
            names: { '#status': 'status' },
            values: { ':read': article.status },
          },
        );
        // A stored article still has its own code message coming; a coded or linked one needs a new one.
        return { needsCoding: article.status === 'coded' || article.status === 'duplicate', copies, demoted: true };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }
    throw new ArticleBusyError(`article ${articleId} changed status three times while being demoted to a copy`);
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
      duplicateOf,
      eventIds,
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
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: key(articleId),
        UpdateExpression: 'SET reason = :reason, attempts = attempts + :one, updatedAt = :now',
        ExpressionAttributeValues: { ':reason': reason, ':one': 1, ':now': now.toISOString() },
        ConditionExpression: 'attribute_exists(pk)',
      }),
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
    let cursor: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(
        new ScanCommand({
          TableName: this.tableName,
          ConsistentRead: true,
          ExclusiveStartKey: cursor,
          FilterExpression: 'sk = :sk AND #status = :status',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':sk': 'ARTICLE', ':status': stage === 'fetch' ? 'pending' : 'stored' },
        }),
      );
      for (const item of page.Items ?? []) articles.push(parseArticle(item));
      cursor = page.LastEvaluatedKey;
    } while (cursor);
    return articles.sort(
      (a, b) => a.discoveredAt.localeCompare(b.discoveredAt) || a.articleId.localeCompare(b.articleId),
    );
  }

  /** Articles of one outlet, newest first. */
  async byOutlet(outlet: string, limit = 100): Promise<ArticleRecord[]> {
    return this.queryIndex(byOutlet.name, byOutlet.partitionKey, `OUTLET#${outlet}`, limit, false);
  }

  private async update(
    articleId: string,
    now: Date,
    fields: Record<string, unknown>,
    condition?: UpdateCondition,
  ): Promise<void> {
    const set = setClause({ ...fields, updatedAt: now.toISOString() }, 'f');
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: key(articleId),
        UpdateExpression: `SET ${set.assignments.join(', ')}`,
        ExpressionAttributeNames: { ...set.names, ...condition?.names },
        ExpressionAttributeValues: { ...set.values, ...condition?.values },
        ConditionExpression: condition ? `attribute_exists(pk) AND ${condition.expression}` : 'attribute_exists(pk)',
      }),
    );
  }

  private async queryIndex(
    indexName: string,
    partitionKey: string,
    value: string,
    limit: number,
    forward = true,
  ): Promise<ArticleRecord[]> {
    const articles: ArticleRecord[] = [];
    let cursor: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: indexName,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': partitionKey },
          ExpressionAttributeValues: { ':pk': value },
          ExclusiveStartKey: cursor,
          ScanIndexForward: forward,
        }),
      );
      const keys = (page.Items ?? []).map((item) => ({ pk: String(item.pk), sk: String(item.sk) }));
      // The index holds keys only (status updates then cost it nothing): whole records come by key.
      for (const item of await batchGetItems(this.doc, this.tableName, keys)) articles.push(parseArticle(item));
      cursor = page.LastEvaluatedKey;
    } while (cursor && articles.length < limit);
    return articles.slice(0, limit);
  }
}

function key(articleId: string): { pk: string; sk: string } {
  return { pk: `ARTICLE#${articleId}`, sk: 'ARTICLE' };
}

function outletKeys(outlet: string, published: string, articleId: string): Record<string, string> {
  return { [byOutlet.partitionKey]: `OUTLET#${outlet}`, [byOutlet.sortKey]: `${published}#${articleId}` };
}

function parseArticle(item: Record<string, unknown>): ArticleRecord {
  const parsed = ArticleRecordSchema.safeParse(item);
  if (!parsed.success) throw new CorruptRecordError(`article item ${String(item.pk)} does not match its schema`);
  return parsed.data;
}
