import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from './record-upgrade.js';

/** An article asking to own a claim; the lower rank (earlier publication, then smaller id) wins. */
export interface Claimant {
  articleId: string;
  /** `<published ISO time or 9999>#<articleId>`: comparing strings compares publication times first. */
  rank: string;
}

export interface CopyVerdict {
  /** The article this one copies, or null when it is the first copy. */
  firstCopy: string | null;
  /** Articles that held claims before this (earlier-ranked) one arrived: they are copies of it. */
  displaced: string[];
  /** The claims taken from them, to `settle` once they are demoted. */
  taken: string[];
}

/** Fewest distinct paragraphs a text needs to be judged by its paragraphs rather than its whole-text hash. */
const MIN_PARAGRAPHS = 2;

export function claimantOf(articleId: string, published: string | null): Claimant {
  return { articleId, rank: `${published ?? '9999-12-31T23:59:59Z'}#${articleId}` };
}

/**
 * Which copy of a story is the first one, decided by rank rather than by arrival, so the outcome is the same
 * whatever order (or how many times) the copies are processed. Claims live in the articles table: one item per
 * canonical URL, content hash and substantial paragraph, owned by the best-ranked article that claimed it.
 */
export class CopyClaims {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * Claims the canonical URL (when it differs from the feed's) and the paragraphs (the content hash when there
   * are too few). The article copies another when that article owns its canonical URL or text, or at least
   * `share` of its paragraphs.
   */
  async judge(
    claimant: Claimant,
    claims: { canonicalId: string | null; contentHash: string; paragraphs: readonly string[] },
    share = 0.6,
  ): Promise<CopyVerdict> {
    const displaced = new Set<string>();
    const taken: string[] = [];
    const distinct = [...new Set(claims.paragraphs)];
    // A text is judged by its paragraphs or, when it has too few, by its whole-text hash, never both: identical
    // texts share every sampled paragraph anyway, and each claim is a write.
    const paragraphs = distinct.length >= MIN_PARAGRAPHS ? distinct : [];
    const exact = [
      ...(claims.canonicalId ? [`CANONICAL#${claims.canonicalId}`] : []),
      ...(paragraphs.length === 0 ? [`HASH#${claims.contentHash}`] : []),
    ];
    for (const pk of exact) {
      const { owner, previous } = await this.claim(pk, claimant);
      if (owner !== claimant.articleId) return { firstCopy: owner, displaced: [], taken: [] };
      if (previous.length > 0) taken.push(pk);
      for (const id of previous) displaced.add(id);
    }
    const owners = new Map<string, number>();
    for (const hash of paragraphs) {
      const { owner, previous } = await this.claim(`PARA#${hash}`, claimant);
      if (owner !== claimant.articleId) owners.set(owner, (owners.get(owner) ?? 0) + 1);
      if (previous.length > 0) taken.push(`PARA#${hash}`);
      for (const id of previous) displaced.add(id);
    }
    const [best] = [...owners.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (paragraphs.length > 0 && best && best[1] / paragraphs.length >= share)
      return { firstCopy: best[0], displaced: [], taken: [] };
    return { firstCopy: null, displaced: [...displaced], taken };
  }

  /** Forgets the earlier owners of claims taken (judge's `taken`), once they have been demoted to copies. */
  async settle(claimant: Claimant, taken: readonly string[]): Promise<void> {
    for (const pk of taken) {
      await this.doc
        .send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: { pk, sk: 'CLAIM' },
            UpdateExpression: 'SET owners = :me',
            ConditionExpression: 'article_id = :article',
            ExpressionAttributeValues: { ':me': new Set([claimant.articleId]), ':article': claimant.articleId },
          }),
        )
        .catch((error: unknown) => {
          if (!isConditionFailure(error)) throw error;
        });
    }
  }

  /**
   * Takes the claim when it is free or held by a later-ranked article; returns its owner and the articles that
   * held it before. Those stay in the claim's `owners` until `settle`: a retry after a crash between taking the
   * claims and demoting their earlier owners still learns whom to demote.
   */
  private async claim(pk: string, claimant: Claimant): Promise<{ owner: string; previous: string[] }> {
    try {
      const result = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk, sk: 'CLAIM' },
          UpdateExpression: 'SET article_id = :article, #rank = :rank ADD owners :me',
          ConditionExpression: 'attribute_not_exists(pk) OR #rank >= :rank',
          ExpressionAttributeNames: { '#rank': 'rank' },
          ExpressionAttributeValues: {
            ':article': claimant.articleId,
            ':rank': claimant.rank,
            ':me': new Set([claimant.articleId]),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      const owners = result.Attributes?.owners;
      return {
        owner: claimant.articleId,
        previous:
          owners instanceof Set
            ? [...owners]
                .map(String)
                .filter((id) => id !== claimant.articleId)
                .sort()
            : [],
      };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const held = await this.doc.send(
        new GetCommand({ TableName: this.tableName, Key: { pk, sk: 'CLAIM' }, ConsistentRead: true }),
      );
      // Claims taken before schema version 2 name their owner `articleId`.
      const owner = held.Item?.article_id ?? held.Item?.articleId;
      return { owner: typeof owner === 'string' ? owner : claimant.articleId, previous: [] };
    }
  }
}
