import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { EVENTS_INDEXES } from '../src/storage/table-design.js';
import type { InfraConfig } from './config.js';
import { Backfill } from './constructs/backfill.js';
import { DataStore } from './constructs/data-store.js';
import { Downstream } from './constructs/downstream.js';
import { Operations } from './constructs/operations.js';
import { Pipeline } from './constructs/pipeline.js';
import { PipelineDashboard } from './constructs/pipeline-dashboard.js';
import { ReadApi } from './constructs/read-api.js';
import type { LoadedFeedList } from './feed-list.js';

export interface EventwireStackProps extends StackProps {
  readonly config: InfraConfig;
  readonly feedList: LoadedFeedList;
}

/** The whole deployment: storage, the ingest pipeline, downstream publishing, the read API and operations. */
export class EventwireStack extends Stack {
  readonly store: DataStore;
  readonly pipeline: Pipeline;
  readonly downstream: Downstream;
  readonly readApi: ReadApi;
  readonly operations: Operations;
  /** The archive backfill, with context `backfill=true`. */
  readonly backfill: Backfill | null;

  constructor(scope: Construct, id: string, props: EventwireStackProps) {
    super(scope, id, props);
    const { config } = props;
    const removalPolicy = config.destroyOnRemoval ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
    const logs = { logRetention: config.logRetentionDays as RetentionDays, logLevel: config.logLevel, removalPolicy };

    this.store = new DataStore(this, 'Store', config);
    this.pipeline = new Pipeline(this, 'Pipeline', { config, store: this.store, feedList: props.feedList, ...logs });
    this.downstream = new Downstream(this, 'Downstream', {
      eventBusName: config.eventBusName,
      readOnlyPolicyName: config.readOnlyPolicyName,
      eventsTable: this.store.tables.events,
      articlesTable: this.store.tables.articles,
      bucket: this.store.bucket,
      publishBatchSize: config.publishBatchSize,
      retryAttempts: config.maxReceiveCount,
      ...logs,
    });
    this.readApi = new ReadApi(this, 'ReadApi', {
      eventsTable: this.store.tables.events,
      articlesTable: this.store.tables.articles,
      rateLimit: config.apiRateLimit,
      burstLimit: config.apiBurstLimit,
      createCloudWatchRole: config.apiGatewayCloudWatchRole,
      ...logs,
    });

    this.backfill = config.backfill
      ? new Backfill(this, 'Backfill', {
          config,
          store: this.store,
          codeQueue: this.pipeline.queues.code,
          logRetention: logs.logRetention,
          removalPolicy,
        })
      : null;

    const functions = [...Object.values(this.pipeline.functions), this.downstream.publisher, this.readApi.handler];
    const backfillFunctions = this.backfill?.functions ?? [];
    const stageQueues = Object.entries(this.pipeline.queues).map(([name, q]) => ({
      name,
      queue: q.queue,
      deadLetterQueue: q.deadLetterQueue,
    }));
    this.operations = new Operations(this, 'Operations', {
      alarmEmail: config.alarmEmail,
      queueAgeAlarmSeconds: config.queueAgeAlarmSeconds,
      functions: [...functions, ...backfillFunctions],
      queues: stageQueues,
      deadLetterQueues: [
        ...stageQueues.map((q) => ({ name: q.name, queue: q.deadLetterQueue })),
        { name: 'events-stream', queue: this.downstream.failedChanges },
      ],
      streamConsumer: this.downstream.publisher,
      // The worker stops taking records with 5 of its 15 minutes left: running on towards the timeout is a fault.
      nearTimeout: backfillFunctions,
      workflows: this.backfill
        ? [
            {
              name: 'backfill',
              stateMachine: this.backfill.stateMachine,
              failedItems: this.backfill.metricRanges('ExecutionsFailed', { period: Duration.minutes(5) }),
            },
          ]
        : [],
      removalPolicy,
    });
    new PipelineDashboard(this, 'Dashboard', {
      functions,
      queues: stageQueues,
      ...(this.backfill ? { backfill: this.backfill } : {}),
    });
    this.addOutputs();
  }

  private addOutputs(): void {
    const events = this.store.tables.events;
    const out = (id: string, value: string, description: string) => new CfnOutput(this, id, { value, description });
    out('EventBusName', this.downstream.bus.eventBusName, 'EventBridge bus receiving Article Coded / Events Changed');
    out('EventBusArn', this.downstream.bus.eventBusArn, 'ARN of the eventwire bus');
    out('EventsTableName', events.tableName, 'DynamoDB table of coded events');
    out('EventsTableArn', events.tableArn, 'ARN of the events table');
    out(
      'EventsIndexNames',
      Object.values(EVENTS_INDEXES)
        .map((i) => i.name)
        .join(','),
      'Global secondary indexes of the events table',
    );
    out('ArticlesTableName', this.store.tables.articles.tableName, 'DynamoDB table of articles');
    out('BucketName', this.store.bucket.bucketName, 'S3 bucket: raw/ pages, text/ article text, coded/ coded articles');
    out('ApiUrl', this.readApi.api.url, 'Read-only API (SigV4, AWS_IAM)');
    out('ReadOnlyPolicyArn', this.downstream.readOnlyPolicy.managedPolicyArn, 'Managed policy for downstream readers');
    out('FeedListParameterName', this.pipeline.feedListParameter.parameterName, 'SSM parameter holding the feed list');
    out('AlarmTopicArn', this.operations.topic.topicArn, 'SNS topic of all alarms');
    if (this.backfill) {
      out(
        'BackfillStateMachineArn',
        this.backfill.stateMachine.stateMachineArn,
        'Archive backfill: npx eventwire backfill --s3 s3://bucket/prefix/ --from D --to D',
      );
      out('BackfillResultsBucketName', this.backfill.resultsBucket.bucketName, 'Backfill plans and per-range results');
    }
  }
}
