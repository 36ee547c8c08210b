import type { Duration } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { IStringParameter } from 'aws-cdk-lib/aws-ssm';
import { ENV } from '../../src/config/env-names.js';
import { TABLES } from '../../src/storage/table-design.js';
import { acknowledge, wildcardArnFinding } from '../nag.js';
import type { TableId } from './data-store.js';
import type { EventwireFunction } from './eventwire-function.js';
import type { QueueId } from './stage-queue.js';

/*
 * Each helper grants a permission AND sets the environment variable that names the resource, so a function
 * can never hold a permission it has no name for, or a name it has no permission for. Where the grant needs
 * a wildcard below a named resource (index/*, prefix/*), the helper acknowledges that cdk-nag finding here,
 * next to the grant that causes it.
 */

/** How a function uses a table. Query-only and read access never include Scan. */
export type TableAccess = 'query' | 'read' | 'readWrite';

const READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
const TABLE_ACTIONS: Readonly<Record<TableAccess, readonly string[]>> = {
  query: ['dynamodb:Query'],
  read: READ_ACTIONS,
  // Transactions need no action of their own: they are authorised per item as Put/Update/Delete/ConditionCheck.
  readWrite: [
    ...READ_ACTIONS,
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:BatchWriteItem',
    'dynamodb:ConditionCheckItem',
  ],
};

/** Grants `access` on the table and its indexes; sets EVENTWIRE_<ID>_TABLE. */
export function useTable(fn: EventwireFunction, id: TableId, table: Table, access: TableAccess): void {
  table.grant(fn.fn, ...TABLE_ACTIONS[access]);
  fn.fn.addEnvironment(ENV[`${id}Table`], table.tableName);
  if (TABLES.some((t) => t.id === id && t.indexes.length > 0)) {
    acknowledge(
      fn.role,
      wildcardArnFinding(table, '/index/*'),
      `Access to the ${id} table includes its own global secondary indexes (table-arn/index/*), nothing wider.`,
    );
  }
}

/** Object access by key prefix (e.g. `text/`); sets EVENTWIRE_BUCKET. */
export interface BucketAccess {
  readonly read?: readonly string[];
  readonly write?: readonly string[];
}

/**
 * Grants GetObject / PutObject under the given prefixes, and ListBucket so that a missing key reads as
 * 404 NoSuchKey rather than 403; sets EVENTWIRE_BUCKET.
 */
export function useBucket(fn: EventwireFunction, bucket: Bucket, access: BucketAccess): void {
  const objects = (prefixes: readonly string[]) => prefixes.map((p) => bucket.arnForObjects(`${p}*`));
  for (const prefix of new Set([...(access.read ?? []), ...(access.write ?? [])])) {
    acknowledge(
      fn.role,
      wildcardArnFinding(bucket, `/${prefix}*`),
      `Objects are addressed by key under ${prefix}; the wildcard is the key below that one prefix.`,
    );
  }
  if (access.read?.length) {
    fn.fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: objects(access.read) }));
  }
  if (access.write?.length) {
    fn.fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:PutObject'], resources: objects(access.write) }));
  }
  fn.fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }));
  fn.fn.addEnvironment(ENV.bucket, bucket.bucketName);
}

/** Grants SendMessage on a stage queue; sets EVENTWIRE_<ID>_QUEUE_URL. */
export function sendsTo(fn: EventwireFunction, id: QueueId, queue: Queue): void {
  queue.grantSendMessages(fn.fn);
  fn.fn.addEnvironment(ENV[`${id}QueueUrl`], queue.queueUrl);
}

/** Event source mapping settings of a queue consumer. */
export interface ConsumeOptions {
  readonly batchSize: number;
  readonly maxBatchingWindow: Duration;
  /** Upper bound of concurrent invocations for this queue (2..1000). */
  readonly maxConcurrency: number;
}

/** Subscribes the function to a queue, reporting partial batch failures so only failed messages retry. */
export function consumes(fn: EventwireFunction, queue: Queue, options: ConsumeOptions): void {
  fn.fn.addEventSource(
    new SqsEventSource(queue, {
      batchSize: options.batchSize,
      maxBatchingWindow: options.maxBatchingWindow,
      maxConcurrency: options.maxConcurrency,
      reportBatchItemFailures: true,
    }),
  );
}

/** Grants read of the feed list parameter; sets EVENTWIRE_FEED_LIST_PARAMETER. */
export function readsFeedList(fn: EventwireFunction, parameter: IStringParameter): void {
  parameter.grantRead(fn.fn);
  fn.fn.addEnvironment(ENV.feedListParameter, parameter.parameterName);
}

/** Grants PutEvents on the bus; sets EVENTWIRE_EVENT_BUS_NAME. */
export function publishesTo(fn: EventwireFunction, bus: IEventBus): void {
  bus.grantPutEventsTo(fn.fn);
  fn.fn.addEnvironment(ENV.eventBusName, bus.eventBusName);
}

/** Settings of the fetchers' politeness, passed as environment variables. */
export function fetchSettings(fn: EventwireFunction, settings: { userAgent: string; hostIntervalMs: number }): void {
  if (settings.userAgent) fn.fn.addEnvironment(ENV.userAgent, settings.userAgent);
  fn.fn.addEnvironment(ENV.hostIntervalMs, String(settings.hostIntervalMs));
}
