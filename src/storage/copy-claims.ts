import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from './record-upgrade.js';

/** Who asks to own a claim, and the rank that decides between askers (lower wins; see src/copies/policy.ts). */
export interface ClaimAsker {
  articleId: string;
  rank: string;
}

/** A claim after asking for it: who owns it now, and who held it before this asker took it. */
export interface ClaimOutcome {
  owner: string;
  previous: string[];
}

/** The claims of copy detection: each owned by the best-ranked article that asked for it. */
export interface CopyClaimStore {
  /** Takes the claim when it is free or held by a later-ranked asker; its owner and earlier holders. */
  claim(key: string, asker: ClaimAsker): Promise<ClaimOutcome>;
  /** Forgets the earlier owners of claims taken, once they have been demoted to copies. */
  settle(asker: ClaimAsker, keys: readonly string[]): Promise<void>;
}

/**
 * The claims of copy detection in the articles table: one item per claim key (canonical URL, whole-text hash,
 * paragraph), owned by the best-ranked article that asked for it. Only stores: which claims an article takes and
 * what owning them means is src/copies/'s.
 */
export class DynamoCopyClaims implements CopyClaimStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * Takes the claim when it is free or held by a later-ranked article; returns its owner and the articles that
   * held it before. Those stay in the claim's `owners` until `settle`: a retry after a crash between taking the
   * claims and demoting their earlier owners still learns whom to demote.
   */
  async claim(key: string, asker: ClaimAsker): Promise<ClaimOutcome> {
    try {
      const result = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: key, sk: 'CLAIM' },
          UpdateExpression: 'SET article_id = :article, #rank = :rank ADD owners :me',
          ConditionExpression: 'attribute_not_exists(pk) OR #rank >= :rank',
          ExpressionAttributeNames: { '#rank': 'rank' },
          ExpressionAttributeValues: {
            ':article': asker.articleId,
            ':rank': asker.rank,
            ':me': new Set([asker.articleId]),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      const owners = result.Attributes?.owners;
      return {
        owner: asker.articleId,
        previous:
          owners instanceof Set
            ? [...owners]
                .map(String)
                .filter((id) => id !== asker.articleId)
                .sort()
            : [],
      };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const held = await this.doc.send(
        new GetCommand({ TableName: this.tableName, Key: { pk: key, sk: 'CLAIM' }, ConsistentRead: true }),
      );
      // Claims taken before schema version 2 name their owner `articleId`.
      const owner = held.Item?.article_id ?? held.Item?.articleId;
      return { owner: typeof owner === 'string' ? owner : asker.articleId, previous: [] };
    }
  }

  /** Forgets the earlier owners of claims taken, once they have been demoted to copies. */
  async settle(asker: ClaimAsker, keys: readonly string[]): Promise<void> {
    for (const key of keys) {
      await this.doc
        .send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: { pk: key, sk: 'CLAIM' },
            UpdateExpression: 'SET owners = :me',
            ConditionExpression: 'article_id = :article',
            ExpressionAttributeValues: { ':me': new Set([asker.articleId]), ':article': asker.articleId },
          }),
        )
        .catch((error: unknown) => {
          if (!isConditionFailure(error)) throw error;
        });
    }
  }
}
