import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  ProvisionedThroughputExceededException,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { DynamoHostGate, DynamoRobotsCache } from '../../../src/fetch/index.js';

const TABLE = 'eventwire-state';
const NOW = 1_700_000_000_000;
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
const dynamo = mockClient(doc);
const clock = (): number => NOW;
const conflict = (): ConditionalCheckFailedException =>
  new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });

describe('DynamoHostGate', () => {
  beforeEach(() => dynamo.reset());

  it('books the first slot of an unseen host with a create-only condition', async () => {
    dynamo.on(GetCommand).resolves({});
    dynamo.on(UpdateCommand).resolves({});
    const gate = new DynamoHostGate(doc, TABLE, clock);

    await gate.book('news.example', 2000);

    const update = dynamo.commandCalls(UpdateCommand)[0]?.args[0].input;
    expect(update).toMatchObject({
      TableName: TABLE,
      Key: { pk: 'HOST#news.example', sk: 'gate' },
      ConditionExpression: 'attribute_not_exists(nextAllowedAt)',
      ExpressionAttributeValues: { ':next': NOW + 2000 },
    });
  });

  it('books after a stale slot only if nobody changed it since it was read', async () => {
    dynamo.on(GetCommand).resolves({ Item: { pk: 'HOST#news.example', sk: 'gate', nextAllowedAt: NOW - 10 } });
    dynamo.on(UpdateCommand).resolves({});
    const gate = new DynamoHostGate(doc, TABLE, clock);

    await gate.book('news.example', 2000);

    const update = dynamo.commandCalls(UpdateCommand)[0]?.args[0].input;
    expect(update?.ConditionExpression).toBe('nextAllowedAt = :seen');
    expect(update?.ExpressionAttributeValues).toMatchObject({ ':seen': NOW - 10, ':next': NOW + 2000 });
    expect(update?.ExpressionAttributeValues?.[':expires']).toBeGreaterThan(NOW / 1000);
  });

  it('re-reads and books the later slot when another worker wins the race', async () => {
    dynamo
      .on(GetCommand)
      .resolvesOnce({})
      .resolves({ Item: { nextAllowedAt: NOW + 20 } });
    dynamo.on(UpdateCommand).rejectsOnce(conflict()).resolves({});
    const gate = new DynamoHostGate(doc, TABLE, clock);

    const slot = await gate.book('news.example', 1000);

    expect(slot).toEqual({ host: 'news.example', at: NOW + 20 });
    const updates = dynamo.commandCalls(UpdateCommand).map((call) => call.args[0].input.ExpressionAttributeValues);
    expect(updates).toEqual([
      expect.objectContaining({ ':next': NOW + 1000 }),
      expect.objectContaining({ ':seen': NOW + 20, ':next': NOW + 1020 }),
    ]);
  });

  it('books a later slot and returns it at once instead of waiting for it', async () => {
    dynamo.on(GetCommand).resolves({ Item: { nextAllowedAt: NOW + 60_000 } });
    dynamo.on(UpdateCommand).resolves({});
    const gate = new DynamoHostGate(doc, TABLE, clock);

    const slot = await gate.book('news.example', 1000);

    expect(slot).toEqual({ host: 'news.example', at: NOW + 60_000 });
    expect(dynamo.commandCalls(UpdateCommand)[0]?.args[0].input.ExpressionAttributeValues).toMatchObject({
      ':seen': NOW + 60_000,
      ':next': NOW + 61_000,
    });
  });

  it('records a Retry-After as the host’s next allowed time, unless a later one is booked', async () => {
    dynamo
      .on(GetCommand)
      .resolvesOnce({ Item: { nextAllowedAt: NOW + 1000 } })
      .resolves({ Item: { nextAllowedAt: NOW + 500_000 } });
    dynamo.on(UpdateCommand).resolves({});
    const gate = new DynamoHostGate(doc, TABLE, clock);

    await gate.block('news.example', NOW + 120_000);
    await gate.block('news.example', NOW + 120_000);

    const updates = dynamo.commandCalls(UpdateCommand).map((call) => call.args[0].input.ExpressionAttributeValues);
    expect(updates).toEqual([expect.objectContaining({ ':seen': NOW + 1000, ':next': NOW + 120_000 })]);
  });

  it('passes other DynamoDB failures through to the caller', async () => {
    dynamo.on(GetCommand).resolves({});
    dynamo
      .on(UpdateCommand)
      .rejects(new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} }));
    const gate = new DynamoHostGate(doc, TABLE, clock);

    const outcome = gate.book('news.example', 1000);

    await expect(outcome).rejects.toBeInstanceOf(ProvisionedThroughputExceededException);
  });
});

describe('DynamoRobotsCache', () => {
  beforeEach(() => dynamo.reset());

  it('stores robots.txt under ROBOTS#<host> with an epoch-seconds expiry', async () => {
    dynamo.on(PutCommand).resolves({});
    const cache = new DynamoRobotsCache(doc, TABLE, clock);

    await cache.put('news.example:8080', 'User-agent: *\nDisallow:', 3600);

    expect(dynamo.commandCalls(PutCommand)[0]?.args[0].input).toEqual({
      TableName: TABLE,
      Item: {
        pk: 'ROBOTS#news.example:8080',
        sk: 'robots',
        robotsTxt: 'User-agent: *\nDisallow:',
        expiresAt: NOW / 1000 + 3600,
      },
    });
  });

  it('stores "no robots.txt" as an item without text', async () => {
    dynamo.on(PutCommand).resolves({});
    const cache = new DynamoRobotsCache(doc, TABLE, clock);

    await cache.put('news.example', null, 60);

    expect(dynamo.commandCalls(PutCommand)[0]?.args[0].input.Item).not.toHaveProperty('robotsTxt');
  });

  it('reads back text, null for "no robots.txt", and undefined when absent or expired', async () => {
    dynamo
      .on(GetCommand)
      .resolvesOnce({ Item: { robotsTxt: 'User-agent: *', expiresAt: NOW / 1000 + 10 } })
      .resolvesOnce({ Item: { expiresAt: NOW / 1000 + 10 } })
      .resolvesOnce({})
      .resolvesOnce({ Item: { robotsTxt: 'stale', expiresAt: NOW / 1000 - 10 } });
    const cache = new DynamoRobotsCache(doc, TABLE, clock);

    const answers = [await cache.get('h'), await cache.get('h'), await cache.get('h'), await cache.get('h')];

    expect(answers).toEqual(['User-agent: *', null, undefined, undefined]);
    expect(dynamo.commandCalls(GetCommand)[0]?.args[0].input.Key).toEqual({ pk: 'ROBOTS#h', sk: 'robots' });
  });
});
