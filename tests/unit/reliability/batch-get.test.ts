import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { batchGetItems } from '../../../src/storage/batch-get.js';
import { StorageError } from '../../../src/storage/errors.js';

const TABLE = 'eventwire-events';
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
const dynamo = mockClient(doc);
const key = (n: number) => ({ pk: `EVENT#${n}`, sk: 'EVENT' });
const item = (n: number) => ({ ...key(n), type: 'CONSULT' });
const requested = (call: number): { pk: string; sk: string }[] =>
  (dynamo.commandCalls(BatchGetCommand)[call]?.args[0].input.RequestItems?.[TABLE]?.Keys ?? []) as {
    pk: string;
    sk: string;
  }[];

describe('batchGetItems', () => {
  beforeEach(() => dynamo.reset());
  afterEach(() => vi.useRealTimers());

  it('asks again for the keys DynamoDB left unprocessed and returns every item in the order asked', async () => {
    dynamo
      .on(BatchGetCommand)
      .resolvesOnce({ Responses: { [TABLE]: [item(3)] }, UnprocessedKeys: { [TABLE]: { Keys: [key(1)] } } })
      .resolvesOnce({ Responses: { [TABLE]: [item(1)] } });

    const items = await batchGetItems(doc, TABLE, [key(1), key(2), key(3), key(1)]);

    expect(items.map((i) => i.pk)).toEqual(['EVENT#1', 'EVENT#3', 'EVENT#1']);
    expect(requested(0)).toEqual([key(1), key(2), key(3)]);
    expect(requested(1)).toEqual([key(1)]);
  });

  it('splits more than 100 keys into requests of at most 100', async () => {
    dynamo.on(BatchGetCommand).callsFake((input: { RequestItems: Record<string, { Keys: { pk: string }[] }> }) => ({
      Responses: { [TABLE]: (input.RequestItems[TABLE]?.Keys ?? []).map((k) => ({ ...k, type: 'AID' })) },
    }));

    const items = await batchGetItems(
      doc,
      TABLE,
      Array.from({ length: 250 }, (_, n) => key(n)),
    );

    expect(items).toHaveLength(250);
    expect([0, 1, 2].map((call) => requested(call).length)).toEqual([100, 100, 50]);
  });

  it('fails with a StorageError naming the keys left when DynamoDB keeps leaving them unprocessed', async () => {
    dynamo
      .on(BatchGetCommand)
      .resolves({ Responses: { [TABLE]: [] }, UnprocessedKeys: { [TABLE]: { Keys: [key(7)] } } });

    vi.useFakeTimers();

    const failure = expect(batchGetItems(doc, TABLE, [key(7)])).rejects.toThrow(
      new StorageError('BatchGetItem left 1 keys unprocessed after 8 rounds'),
    );
    await vi.runAllTimersAsync();
    await failure;
    expect(dynamo.commandCalls(BatchGetCommand)).toHaveLength(8);
  });
});
