import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ARTICLES_INDEXES } from './table-design.js';
import { ArticleRecordSchema, SCHEMA_VERSION, type ArticleRecord } from './records.js';
import { CorruptRecordError } from './errors.js';
import { isConditionFailure } from './feed-store.js';

/** The stage an unfinished article waits for; kept in the sparse `byStatus` index so a rerun can resume it. */
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

const byStatus = ARTICLES_INDEXES.byStatus;
const byOutlet = ARTICLES_INDEXES.byOutlet;
/** Near-duplicate search splits the 64-bit SimHash into 4 bands of 16 bits: two texts within 3 bits share a band. */
const SIMHASH_BANDS = 4;
const NEAR_DUPLICATE_BITS = 3;

/** Article records, dedup claims (content hash, SimHash bands) and per-article status in the articles table. */
export class ArticleStore {
  constructor(private readonly doc: DynamoDBDocumentClient, private readonly tableName: string) {}

  /** Records a newly discovered article once; returns the existing record when it is already known. */
  async discover(found: ArticleDiscovery, now: Date): Promise<{ created: boolean; record: ArticleRecord }> {
    const record: ArticleRecord = {
      schemaVersion: SCHEMA_VERSION, ...found, published: null, discoveredAt: now.toISOString(), language: null,
      status: 'pending', reason: null, attempts: 0, rawKey: null, textKey: null, contentHash: null, simhash: null,
      duplicateOf: null, wordCount: null, eventIds: [], updatedAt: now.toISOString(),
    };
    try {
      await this.doc.send(new PutCommand({
        TableName: this.tableName,
        Item: { ...key(found.articleId), ...record, ...pendingKeys('fetch', now), ...outletKeys(found.outlet, found.feedPublished ?? record.discoveredAt, found.articleId) },
        ConditionExpression: 'attribute_not_exists(pk)',
      }));
      return { created: true, record };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const existing = await this.get(found.articleId);
      if (!existing) throw error;
      return { created: false, record: existing };
    }
  }

  async get(articleId: string): Promise<ArticleRecord | undefined> {
    const result = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: key(articleId), ConsistentRead: true }));
    return result.Item ? parseArticle(result.Item) : undefined;
  }

  /** Text and raw page are in S3: the article now waits for coding. */
  async markStored(articleId: string, stored: StoredArticle, now: Date): Promise<void> {
    await this.update(articleId, now, { status: 'stored', reason: null, ...stored }, pendingKeys('code', now));
  }

  async markCoded(articleId: string, eventIds: string[], now: Date): Promise<void> {
    await this.update(articleId, now, { status: 'coded', reason: null, eventIds }, null);
  }

  async markDuplicate(articleId: string, duplicateOf: string, eventIds: string[], now: Date): Promise<void> {
    await this.update(articleId, now, { status: 'duplicate', reason: `same story as article ${duplicateOf}`, duplicateOf, eventIds }, null);
  }

  async markSkipped(articleId: string, reason: string, now: Date, fields: Partial<StoredArticle> = {}): Promise<void> {
    await this.update(articleId, now, { status: 'skipped', reason, ...fields }, null);
  }

  /** A permanent failure: recorded with its reason, out of the pending index; `redrive` can retry it. */
  async markFailed(articleId: string, reason: string, now: Date): Promise<void> {
    await this.update(articleId, now, { status: 'failed', reason }, null);
  }

  /** A transient failure: the article stays pending, the reason and attempt count are kept for operators. */
  async noteAttempt(articleId: string, reason: string, now: Date): Promise<void> {
    await this.doc.send(new UpdateCommand({
      TableName: this.tableName, Key: key(articleId),
      UpdateExpression: 'SET reason = :reason, attempts = attempts + :one, updatedAt = :now',
      ExpressionAttributeValues: { ':reason': reason, ':one': 1, ':now': now.toISOString() },
      ConditionExpression: 'attribute_exists(pk)',
    }));
  }

  /** Puts a failed or skipped article back in the queue of `stage` (used by redrive). */
  async reopen(articleId: string, stage: PendingStage, now: Date): Promise<void> {
    await this.update(articleId, now, { status: stage === 'fetch' ? 'pending' : 'stored', reason: null }, pendingKeys(stage, now));
  }

  /** Articles waiting for a stage, oldest first. */
  async pending(stage: PendingStage, limit = 10_000): Promise<ArticleRecord[]> {
    return this.queryIndex(byStatus.name, byStatus.partitionKey, `PENDING#${stage}`, limit);
  }

  /** Articles of one outlet, newest first. */
  async byOutlet(outlet: string, limit = 100): Promise<ArticleRecord[]> {
    return this.queryIndex(byOutlet.name, byOutlet.partitionKey, `OUTLET#${outlet}`, limit, false);
  }

  /** Claims a content hash for an article; returns the article that owns it (itself when first). */
  async claimContentHash(contentHash: string, articleId: string): Promise<string> {
    return this.claim({ pk: `HASH#${contentHash}`, sk: 'HASH' }, articleId);
  }

  /** Claims a canonical URL for an article; returns the article that owns it (itself when first). */
  async claimCanonicalUrl(canonicalId: string, articleId: string): Promise<string> {
    return this.claim({ pk: `CANONICAL#${canonicalId}`, sk: 'CANONICAL' }, articleId);
  }

  /**
   * The article that first published most of this text's paragraphs: a syndicated copy keeps the wire story's
   * paragraphs even when the outlet adds a headline, byline or credit line. Each paragraph hash has exactly one
   * owner (conditional write); this article is a copy when another single article owns at least `share` of them.
   */
  async findParagraphOwner(paragraphHashes: readonly string[], articleId: string, share = 0.6): Promise<string | null> {
    if (paragraphHashes.length < 2) return null;
    const owners = new Map<string, number>();
    for (const hash of new Set(paragraphHashes)) {
      const owner = await this.claim({ pk: `PARA#${hash}`, sk: 'PARA' }, articleId);
      if (owner !== articleId) owners.set(owner, (owners.get(owner) ?? 0) + 1);
    }
    const [best] = [...owners.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    return best && best[1] / new Set(paragraphHashes).size >= share ? best[0] : null;
  }

  /** The earliest article whose SimHash is within a few bits of this one, after registering this one. */
  async findNearDuplicate(simhash: bigint, articleId: string): Promise<string | null> {
    const bands = simhashBands(simhash);
    const candidates = new Map<string, string>();
    for (const band of bands) {
      const page = await this.doc.send(new QueryCommand({
        TableName: this.tableName, KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': band }, ConsistentRead: true,
      }));
      for (const item of page.Items ?? []) {
        if (typeof item.sk === 'string' && typeof item.simhash === 'string' && typeof item.claimedAt === 'string') {
          candidates.set(item.sk, `${item.claimedAt}|${item.simhash}`);
        }
      }
    }
    // An article keeps the time it first claimed its bands, so redelivery never makes the first copy a duplicate.
    const ownClaim = candidates.get(articleId)?.split('|')[0] ?? new Date().toISOString();
    for (const band of bands) {
      await this.doc.send(new PutCommand({
        TableName: this.tableName, Item: { pk: band, sk: articleId, simhash: simhash.toString(16), claimedAt: ownClaim },
      }));
    }
    const near = [...candidates.entries()]
      .map(([id, value]) => ({ id, claimedAt: value.split('|')[0] ?? '', bits: BigInt(`0x${value.split('|')[1] ?? '0'}`) }))
      .filter((c) => c.id !== articleId && hamming(c.bits, simhash) <= NEAR_DUPLICATE_BITS)
      .filter((c) => c.claimedAt < ownClaim || (c.claimedAt === ownClaim && c.id < articleId))
      .sort((a, b) => a.claimedAt.localeCompare(b.claimedAt) || a.id.localeCompare(b.id));
    return near[0]?.id ?? null;
  }

  private async claim(claimKey: { pk: string; sk: string }, articleId: string): Promise<string> {
    try {
      await this.doc.send(new PutCommand({
        TableName: this.tableName, Item: { ...claimKey, articleId }, ConditionExpression: 'attribute_not_exists(pk) OR articleId = :id',
        ExpressionAttributeValues: { ':id': articleId },
      }));
      return articleId;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const owner = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: claimKey, ConsistentRead: true }));
      return typeof owner.Item?.articleId === 'string' ? owner.Item.articleId : articleId;
    }
  }

  private async update(articleId: string, now: Date, fields: Record<string, unknown>, pending: Record<string, string> | null): Promise<void> {
    const values: Record<string, unknown> = { ...fields, updatedAt: now.toISOString(), ...(pending ?? {}) };
    const names: Record<string, string> = {};
    const sets = Object.keys(values).map((field, i) => {
      names[`#f${i}`] = field;
      return `#f${i} = :v${i}`;
    });
    const expressionValues = Object.fromEntries(Object.values(values).map((value, i) => [`:v${i}`, value]));
    const remove = pending ? '' : ` REMOVE #sp, #ss`;
    if (!pending) Object.assign(names, { '#sp': byStatus.partitionKey, '#ss': byStatus.sortKey });
    await this.doc.send(new UpdateCommand({
      TableName: this.tableName, Key: key(articleId),
      UpdateExpression: `SET ${sets.join(', ')}${remove}`,
      ExpressionAttributeNames: names, ExpressionAttributeValues: expressionValues,
      ConditionExpression: 'attribute_exists(pk)',
    }));
  }

  private async queryIndex(indexName: string, partitionKey: string, value: string, limit: number, forward = true): Promise<ArticleRecord[]> {
    const articles: ArticleRecord[] = [];
    let cursor: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(new QueryCommand({
        TableName: this.tableName, IndexName: indexName, KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': partitionKey }, ExpressionAttributeValues: { ':pk': value },
        ExclusiveStartKey: cursor, ScanIndexForward: forward,
      }));
      for (const item of page.Items ?? []) articles.push(parseArticle(item));
      cursor = page.LastEvaluatedKey;
    } while (cursor && articles.length < limit);
    return articles.slice(0, limit);
  }
}

function key(articleId: string): { pk: string; sk: string } {
  return { pk: `ARTICLE#${articleId}`, sk: 'ARTICLE' };
}

function pendingKeys(stage: PendingStage, now: Date): Record<string, string> {
  return { [byStatus.partitionKey]: `PENDING#${stage}`, [byStatus.sortKey]: now.toISOString() };
}

function outletKeys(outlet: string, published: string, articleId: string): Record<string, string> {
  return { [byOutlet.partitionKey]: `OUTLET#${outlet}`, [byOutlet.sortKey]: `${published}#${articleId}` };
}

function simhashBands(simhash: bigint): string[] {
  return Array.from({ length: SIMHASH_BANDS }, (_, band) => {
    const bits = (simhash >> BigInt(band * 16)) & 0xffffn;
    return `SIMHASH#${band}#${bits.toString(16).padStart(4, '0')}`;
  });
}

function hamming(a: bigint, b: bigint): number {
  let x = a ^ b;
  let count = 0;
  while (x > 0n) {
    count += Number(x & 1n);
    x >>= 1n;
  }
  return count;
}

function parseArticle(item: Record<string, unknown>): ArticleRecord {
  const parsed = ArticleRecordSchema.safeParse(item);
  if (!parsed.success) throw new CorruptRecordError(`article item ${String(item.pk)} does not match its schema`);
  return parsed.data;
}
