import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { StorageError } from './errors.js';

export interface ItemKey {
  pk: string;
  sk: string;
}

/** DynamoDB's limit of keys per BatchGetItem request. */
const KEYS_PER_REQUEST = 100;
const MAX_ROUNDS = 8;

/**
 * The items for `keys`, in the order of `keys` (missing items are left out); with `only`, just those attributes
 * (`pk` and `sk` among them, by which the items are matched to their keys). Indexes project only what their
 * queries filter on, so readers fetch whole items here; unprocessed keys are retried with backoff. Ours rather than
 * lib-dynamodb's paginatedBatchGet, which asks again at once and without end (AWS advises backing off on
 * UnprocessedKeys) and leaves splitting at 100 keys to the caller.
 */
export async function batchGetItems(
  doc: DynamoDBDocumentClient,
  tableName: string,
  keys: readonly ItemKey[],
  only?: { projection: readonly string[]; names?: Record<string, string> },
): Promise<Record<string, unknown>[]> {
  const projection = only
    ? {
        ProjectionExpression: only.projection.join(', '),
        ...(only.names ? { ExpressionAttributeNames: only.names } : {}),
      }
    : {};
  const found = new Map<string, Record<string, unknown>>();
  const id = (key: { pk?: unknown; sk?: unknown }): string => `${String(key.pk)}\u0000${String(key.sk)}`;
  const unique = [...new Map(keys.map((key) => [id(key), { pk: key.pk, sk: key.sk }])).values()];
  for (let start = 0; start < unique.length; start += KEYS_PER_REQUEST) {
    let pending: Record<string, unknown>[] = unique.slice(start, start + KEYS_PER_REQUEST);
    for (let round = 0; pending.length > 0; round += 1) {
      if (round === MAX_ROUNDS)
        throw new StorageError(`BatchGetItem left ${pending.length} keys unprocessed after ${MAX_ROUNDS} rounds`);
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** round * Math.random()));
      const result = await doc.send(
        new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ...projection } } }),
      );
      for (const item of result.Responses?.[tableName] ?? []) found.set(id(item), item);
      pending = result.UnprocessedKeys?.[tableName]?.Keys ?? [];
    }
  }
  return keys.flatMap((key) => {
    const item = found.get(id(key));
    return item ? [item] : [];
  });
}
