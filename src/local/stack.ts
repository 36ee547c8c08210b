import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  ListTablesCommand,
  type Projection,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, HeadBucketCommand } from '@aws-sdk/client-s3';
import dynalite from 'dynalite';
import S3rver from 's3rver';
import type { LocalConfig } from '../config/index.js';
import { localConfig } from '../config/index.js';
import { rebuildCalendar } from '../storage/calendar.js';
import { type AwsClients, createAwsClients } from '../storage/clients.js';
import { type IndexDesign, projectionOf, TABLE_KEYS, TABLES, type TableDesign } from '../storage/table-design.js';
import { removeInterruptedObjects } from './s3rver-repair.js';

/** Where the stack logs objects its start-up repair removed, for the next pipeline run to restore. */
export function lostObjectsFileOf(dataDir: string): string {
  return join(dataDir, 'lost-objects.txt');
}

export interface LocalStack {
  readonly dataDir: string;
  readonly endpoints: { s3: string; dynamodb: string };
  config(allowedHosts?: string[]): LocalConfig;
  close(): Promise<void>;
}

/**
 * Starts the S3-compatible (s3rver) and DynamoDB-compatible (dynalite) servers on 127.0.0.1, keeping their
 * data under `dataDir` so that a second run sees the first run's data, and creates the bucket and tables.
 */
export async function startLocalStack(dataDir: string): Promise<LocalStack> {
  await mkdir(join(dataDir, 's3'), { recursive: true });
  await mkdir(join(dataDir, 'dynamodb'), { recursive: true });
  await removeInterruptedObjects(join(dataDir, 's3'), lostObjectsFileOf(dataDir));
  const s3rver = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: join(dataDir, 's3') });
  const s3Address = await s3rver.run();
  const dynamo = dynalite({ path: join(dataDir, 'dynamodb'), createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => dynamo.listen(0, '127.0.0.1', () => resolve()));
  const dynamoPort = (dynamo.address() as AddressInfo).port;
  const endpoints = { s3: `http://127.0.0.1:${s3Address.port}`, dynamodb: `http://127.0.0.1:${dynamoPort}` };
  const base = localConfig(endpoints, []);
  const clients = createAwsClients(base);
  await ensureResources(base, clients);
  // Data folders outlive code versions: one written before the events table kept its calendar gets one now.
  await rebuildCalendar(clients.doc, base.tables.events);
  return {
    dataDir,
    endpoints,
    config: (allowedHosts = []) => ({ ...base, allowedHosts }),
    close: async () => {
      clients.s3.destroy();
      clients.dynamo.destroy();
      await s3rver.close();
      await new Promise<void>((resolve) => dynamo.close(() => resolve()));
    },
  };
}

/** Creates the bucket and tables when missing, from the same table design the CDK app deploys. */
export async function ensureResources(config: LocalConfig, clients: AwsClients): Promise<void> {
  // Only a 404 means "missing": any other failure must surface, not turn into a misleading BucketAlreadyExists.
  const bucketExists = await clients.s3.send(new HeadBucketCommand({ Bucket: config.bucket })).then(
    () => true,
    (error: unknown) => {
      if (error instanceof Error && (error.name === 'NotFound' || error.name === 'NoSuchBucket')) return false;
      throw error;
    },
  );
  if (!bucketExists) await clients.s3.send(new CreateBucketCommand({ Bucket: config.bucket }));
  const existing = new Set((await clients.dynamo.send(new ListTablesCommand({}))).TableNames ?? []);
  for (const design of TABLES) {
    const name = config.tables[design.id];
    if (!existing.has(name)) await clients.dynamo.send(new CreateTableCommand(createTableInput(name, design)));
  }
}

function createTableInput(name: string, design: TableDesign): CreateTableCommandInput {
  const attributes = new Set<string>([TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey]);
  for (const index of design.indexes) attributes.add(index.partitionKey).add(index.sortKey);
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attributes].map((attribute) => ({ AttributeName: attribute, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
    ],
    ...(design.indexes.length > 0
      ? {
          GlobalSecondaryIndexes: design.indexes.map((index) => ({
            IndexName: index.name,
            KeySchema: [
              { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
              { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
            ],
            Projection: sdkProjection(index),
          })),
        }
      : {}),
  };
}

function sdkProjection(index: IndexDesign): Projection {
  const { type, attributes } = projectionOf(index);
  return type === 'INCLUDE' ? { ProjectionType: type, NonKeyAttributes: attributes } : { ProjectionType: type };
}
