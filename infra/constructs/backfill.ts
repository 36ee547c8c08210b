import { type CfnElement, Duration, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import {
  Choice,
  Condition,
  DefinitionBody,
  DistributedMap,
  Errors,
  JsonPath,
  LogLevel,
  Pass,
  ResultWriterV2,
  S3JsonItemReader,
  StateMachine,
  StateMachineType,
  Succeed,
  TaskInput,
  Timeout,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { BACKFILL_ENV } from '../../src/backfill/env.js';
import type { InfraConfig } from '../config.js';
import { BACKFILL_FUNCTION_SPECS, type BackfillFunctionId } from '../functions.js';
import { acknowledge, STAR_RESOURCE_FINDING, wildcardArnFinding } from '../nag.js';
import { pascalCase } from '../naming.js';
import { BUCKET_PREFIXES, type DataStore } from './data-store.js';
import { EventwireFunction } from './eventwire-function.js';
import { sendsTo, useBucket, useTable } from './grants.js';
import type { StageQueue } from './stage-queue.js';

export interface BackfillProps {
  readonly config: InfraConfig;
  readonly store: DataStore;
  /** The pipeline's code queue: coding that must wait longer than a worker invocation goes on in code-events. */
  readonly codeQueue: StageQueue;
  readonly logRetention: RetentionDays;
  readonly removalPolicy: RemovalPolicy;
}

/** Where plans and per-range results go in the results bucket. */
const PLANS = 'plans/';
const RESULTS = 'results/';

/**
 * The archive backfill (context `backfill=true`): a Standard state machine that plans byte ranges of the WARC
 * files under an S3 prefix (backfill-plan), then runs one child workflow per range on a Distributed Map with
 * bounded concurrency. A child invokes backfill-worker, which takes the range's records through the same
 * fetch-article and code-events stage code as the live pipeline, into the same tables and bucket; an invocation
 * that runs short of time returns the rest of its range and the child invokes it again. Failed invocations are
 * retried, a range that keeps failing is reported in the results, and the run fails only past the tolerated share.
 * Each range's result is written to the results bucket by the map's ResultWriter.
 */
export class Backfill extends Construct {
  readonly stateMachine: StateMachine;
  readonly resultsBucket: Bucket;
  readonly plan: EventwireFunction;
  readonly worker: EventwireFunction;

  constructor(scope: Construct, id: string, props: BackfillProps) {
    super(scope, id);
    const { config, store } = props;
    this.resultsBucket = new Bucket(this, 'Results', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: store.accessLogBucket,
      serverAccessLogsPrefix: 'backfill-results/',
      removalPolicy: props.removalPolicy,
      autoDeleteObjects: config.destroyOnRemoval,
      lifecycleRules: [{ id: 'expire-backfill-results', expiration: Duration.days(90) }],
    });
    const fn = (fid: BackfillFunctionId, memoryMb?: number) =>
      new EventwireFunction(this, pascalCase(fid), {
        spec: BACKFILL_FUNCTION_SPECS[fid],
        ...(memoryMb ? { memoryMb } : {}),
        logRetention: props.logRetention,
        logLevel: config.logLevel,
        removalPolicy: props.removalPolicy,
      });
    this.plan = fn('backfill-plan');
    this.worker = fn('backfill-worker', config.backfillWorkerMemoryMb);
    this.grantPlan(config);
    this.grantWorker(config, store, props.codeQueue);
    this.stateMachine = this.buildStateMachine(config, props);
  }

  /** Lists the allowed source prefix only; writes plans only. */
  private grantPlan(config: InfraConfig): void {
    const plan = this.plan;
    plan.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [sourceBucketArn(this, config)],
        conditions: { StringLike: { 's3:prefix': [`${config.backfillSourcePrefix}*`] } },
      }),
    );
    plan.fn.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:PutObject'], resources: [this.resultsBucket.arnForObjects(`${PLANS}*`)] }),
    );
    acknowledge(
      plan.role,
      wildcardArnFinding(this.resultsBucket, `/${PLANS}*`),
      'Plans are written under their own key prefix of the backfill results bucket; the wildcard is the key below it.',
    );
    plan.fn.addEnvironment(BACKFILL_ENV.resultsBucket, this.resultsBucket.bucketName);
    plan.fn.addEnvironment(BACKFILL_ENV.source, `${config.backfillSourceBucket}/${config.backfillSourcePrefix}`);
    plan.fn.addEnvironment(BACKFILL_ENV.rangeBytes, String(config.backfillRangeMb * 1024 * 1024));
  }

  /** The grants of fetch-article and code-events together (it runs both stages), and reading the archives. */
  private grantWorker(config: InfraConfig, store: DataStore, codeQueue: StageQueue): void {
    const worker = this.worker;
    useTable(worker, 'articles', store.tables.articles, 'readWrite');
    useTable(worker, 'events', store.tables.events, 'readWrite');
    useBucket(worker, store.bucket, {
      read: [BUCKET_PREFIXES.text, BUCKET_PREFIXES.coded],
      write: [BUCKET_PREFIXES.raw, BUCKET_PREFIXES.text, BUCKET_PREFIXES.coded],
    });
    sendsTo(worker, 'code', codeQueue.queue);
    const archives = `${sourceBucketArn(this, config)}/${config.backfillSourcePrefix}*`;
    worker.fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [archives] }));
    acknowledge(
      worker.role,
      `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${config.backfillSourceBucket}/${config.backfillSourcePrefix}*]`,
      'The worker reads WARC files by key under the one archive prefix this deployment is configured to backfill from.',
    );
  }

  private buildStateMachine(config: InfraConfig, props: BackfillProps): StateMachine {
    const job = new Pass(this, 'Job', { parameters: { 'job.$': '$' } });
    const plan = new LambdaInvoke(this, 'Plan', {
      lambdaFunction: this.plan.fn,
      payload: TaskInput.fromObject({ job: JsonPath.objectAt('$.job'), execution: JsonPath.executionName }),
      payloadResponseOnly: true,
      resultPath: '$.plan',
    });
    const work = new LambdaInvoke(this, 'Work', {
      lambdaFunction: this.worker.fn,
      payloadResponseOnly: true,
      taskTimeout: Timeout.duration(Duration.seconds(BACKFILL_FUNCTION_SPECS['backfill-worker'].timeoutSeconds + 60)),
    });
    // A failed invocation goes again from where the range stands (each record is done once, whatever reruns it).
    work.addRetry({ errors: [Errors.ALL], interval: Duration.seconds(30), maxAttempts: 2, backoffRate: 2 });
    const child = work.next(
      new Choice(this, 'RangeDone?')
        .when(Condition.booleanEquals('$.done', true), new Succeed(this, 'RangeDone'))
        .otherwise(work),
    );
    const ranges = new DistributedMap(this, 'Ranges', {
      itemReader: new S3JsonItemReader({ bucket: this.resultsBucket, key: JsonPath.stringAt('$.plan.key') }),
      itemSelector: { 'job.$': '$.job', 'range.$': '$$.Map.Item.Value' },
      maxConcurrency: config.backfillConcurrency,
      toleratedFailurePercentage: config.backfillToleratedFailurePercent,
      resultWriterV2: new ResultWriterV2({ bucket: this.resultsBucket, prefix: RESULTS }),
      mapExecutionType: StateMachineType.STANDARD,
      label: 'Ranges',
      resultPath: '$.results',
    });
    ranges.itemProcessor(child);
    const logGroup = new LogGroup(this, 'Logs', { retention: props.logRetention, removalPolicy: props.removalPolicy });
    const machine = new StateMachine(this, 'StateMachine', {
      stateMachineName: `${Stack.of(this).stackName}-backfill`,
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromChainable(job.next(plan).next(ranges)),
      tracingEnabled: true,
      logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: false },
    });
    this.acknowledgeMachineGrants(machine);
    return machine;
  }

  /** The wildcards of the grants CDK gives the state machine for its tasks, map, logs and tracing, with why. */
  private acknowledgeMachineGrants(machine: StateMachine): void {
    for (const f of [this.plan, this.worker])
      acknowledge(
        machine,
        wildcardArnFinding(f.fn, ':*'),
        'LambdaInvoke grants invoking this one function and its versions and aliases (function-arn:*), nothing wider.',
      );
    const results = Stack.of(this).getLogicalId(this.resultsBucket.node.defaultChild as CfnElement);
    acknowledge(
      machine,
      `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::<${results}>/*]`,
      'The Distributed Map reads its plan from and writes range results to the backfill results bucket only, by key.',
    );
    const self = Stack.of(this).getLogicalId(machine.node.defaultChild as CfnElement);
    const executions = `arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:{"Fn::Select":[6,{"Fn::Split":[":",{"Ref":"${self}"}]}]}`;
    for (const suffix of [':*', '/Ranges:*'])
      acknowledge(
        machine,
        `AwsSolutions-IAM5[Resource::${executions}${suffix}]`,
        'A Distributed Map starts, describes and stops child executions of its own state machine only (their names are generated).',
      );
    acknowledge(
      machine,
      STAR_RESOURCE_FINDING,
      'X-Ray tracing and CloudWatch Logs delivery of a state machine need actions that support no resource-level permissions.',
    );
  }
}

function sourceBucketArn(scope: Construct, config: InfraConfig): string {
  return `arn:${Stack.of(scope).partition}:s3:::${config.backfillSourceBucket}`;
}
