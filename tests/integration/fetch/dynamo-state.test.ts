import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import dynalite from 'dynalite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoHostGate, DynamoRobotsCache } from '../../../src/fetch/index.js';

const TABLE = 'fetch-test-state';

describe('fetch state on a local DynamoDB (dynalite)', () => {
  let server: Server;
  let client: DynamoDBClient;
  let doc: DynamoDBDocumentClient;

  beforeAll(async () => {
    server = dynalite({ createTableMs: 0 });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    client = new DynamoDBClient({
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    doc = DynamoDBDocumentClient.from(client);
    await client.send(
      new CreateTableCommand({
        TableName: TABLE,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
      }),
    );
  });

  afterAll(async () => {
    client.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('gives concurrent workers on separate gates one slot each, an interval apart, never the same one', async () => {
    const workers = [new DynamoHostGate(doc, TABLE), new DynamoHostGate(doc, TABLE), new DynamoHostGate(doc, TABLE)];
    const intervalMs = 40;
    const startedAt = Date.now();

    const slots = await Promise.all(
      Array.from({ length: 6 }, (_, n) => workers[n % workers.length]?.book('busy.example', intervalMs)),
    );

    const times = slots.map((slot) => slot?.at ?? 0).sort((a, b) => a - b);
    expect(times.slice(1).every((at, i) => at - (times[i] ?? 0) >= intervalMs)).toBe(true);
    const item = await doc.send(new GetCommand({ TableName: TABLE, Key: { pk: 'HOST#busy.example', sk: 'gate' } }));
    const nextAllowedAt = Number(item.Item?.nextAllowedAt);
    expect(nextAllowedAt - startedAt).toBeGreaterThanOrEqual(6 * intervalMs);
    expect(item.Item?.expiresAt).toBeGreaterThan(startedAt / 1000);
  });

  it('round-trips robots.txt text and the "no robots.txt" answer', async () => {
    const cache = new DynamoRobotsCache(doc, TABLE);

    await cache.put('with.example', 'User-agent: *\nDisallow: /drafts/', 600);
    await cache.put('without.example', null, 600);

    expect(await cache.get('with.example')).toBe('User-agent: *\nDisallow: /drafts/');
    expect(await cache.get('without.example')).toBeNull();
    expect(await cache.get('unknown.example')).toBeUndefined();
  });
});
