import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { ManagedPolicy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { FUNCTION_SPECS } from '../functions.js';
import { acknowledge, STAR_RESOURCE_FINDING, wildcardArnFinding } from '../nag.js';
import { BUCKET_PREFIXES } from './data-store.js';
import { EventwireFunction } from './eventwire-function.js';
import { publishesTo } from './grants.js';

/**
 * Item kinds of the events table whose changes publish-changes turns into bus events (src/changes); a test
 * checks this list against `toChangeEvent`.
 */
export const PUBLISHED_KINDS = ['event', 'article-coded'] as const;

export interface DownstreamProps {
  readonly eventBusName: string;
  readonly readOnlyPolicyName: string;
  readonly eventsTable: Table;
  readonly articlesTable: Table;
  readonly bucket: Bucket;
  readonly publishBatchSize: number;
  /** Delivery attempts of a stream batch before its records go to the failure queue. */
  readonly retryAttempts: number;
  readonly logRetention: RetentionDays;
  readonly logLevel: string;
  readonly removalPolicy: RemovalPolicy;
}

/**
 * What downstream services use: the custom bus fed from the events table stream by publish-changes, and a
 * managed policy for read-only access to events, articles and article text.
 */
export class Downstream extends Construct {
  readonly bus: EventBus;
  readonly publisher: EventwireFunction;
  /** Stream batches that failed every attempt (their shard positions, for replay). */
  readonly failedChanges: Queue;
  readonly readOnlyPolicy: ManagedPolicy;

  constructor(scope: Construct, id: string, props: DownstreamProps) {
    super(scope, id);
    this.bus = new EventBus(this, 'Bus', {
      eventBusName: props.eventBusName,
      description: 'eventwire: coded political events',
    });
    this.failedChanges = new Queue(this, 'FailedChanges', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(
      this.failedChanges,
      'AwsSolutions-SQS3',
      'This queue is the on-failure destination of the events stream consumer, i.e. itself a dead-letter queue.',
    );
    this.publisher = new EventwireFunction(this, 'PublishChanges', {
      spec: FUNCTION_SPECS['publish-changes'],
      logRetention: props.logRetention,
      logLevel: props.logLevel,
      removalPolicy: props.removalPolicy,
    });
    this.publisher.fn.addEventSource(
      new DynamoEventSource(props.eventsTable, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: props.publishBatchSize,
        maxBatchingWindow: Duration.seconds(5),
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        retryAttempts: props.retryAttempts,
        maxRecordAge: Duration.days(1),
        onFailure: new SqsDlq(this.failedChanges),
        // Mentions are most of the table's writes and are never published: filter them out before Lambda.
        filters: [
          FilterCriteria.filter({ dynamodb: { NewImage: { kind: { S: FilterRule.or(...PUBLISHED_KINDS) } } } }),
        ],
      }),
    );
    publishesTo(this.publisher, this.bus);
    acknowledge(
      this.publisher.role,
      STAR_RESOURCE_FINDING,
      'X-Ray actions and dynamodb:ListStreams (added by the stream event source) support no resource-level permissions.',
    );
    this.readOnlyPolicy = this.createReadOnlyPolicy(props);
  }

  private createReadOnlyPolicy(props: DownstreamProps): ManagedPolicy {
    const tables = [props.eventsTable, props.articlesTable];
    const policy = new ManagedPolicy(this, 'EventwireEventsReadOnly', {
      managedPolicyName: props.readOnlyPolicyName,
      description: 'Read-only access to eventwire events, articles and article text',
      statements: [
        new PolicyStatement({
          sid: 'ReadEventsAndArticles',
          actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
          resources: tables.flatMap((t) => [t.tableArn, `${t.tableArn}/index/*`]),
        }),
        new PolicyStatement({
          sid: 'ReadArticleText',
          actions: ['s3:GetObject'],
          resources: [props.bucket.arnForObjects(`${BUCKET_PREFIXES.text}*`)],
        }),
      ],
    });
    const reason = 'Read-only access to the indexes of these two tables and to keys under text/; nothing wider.';
    for (const t of tables) acknowledge(policy, wildcardArnFinding(t, '/index/*'), reason);
    acknowledge(policy, wildcardArnFinding(props.bucket, `/${BUCKET_PREFIXES.text}*`), reason);
    return policy;
  }
}
