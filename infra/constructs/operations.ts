import { ArnFormat, Duration, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, type IMetric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { pascalCase } from '../naming.js';
import type { EventwireFunction } from './eventwire-function.js';

export interface OperationsProps {
  /** Subscribed to the alarm topic when non-empty. */
  readonly alarmEmail: string;
  readonly queueAgeAlarmSeconds: number;
  readonly functions: readonly EventwireFunction[];
  /** Stage queues: alarm when their oldest message is too old. */
  readonly queues: readonly { readonly name: string; readonly queue: Queue }[];
  /** Dead-letter queues: alarm on the first message. */
  readonly deadLetterQueues: readonly { readonly name: string; readonly queue: Queue }[];
  /** Stream consumer whose iterator age is watched (publish-changes). */
  readonly streamConsumer: EventwireFunction;
  /** Functions also alarmed when an invocation nears its timeout. @default none */
  readonly nearTimeout?: readonly EventwireFunction[];
  /** State machines: alarm on a failed or timed-out execution, and on failed items of their map. @default none */
  readonly workflows?: readonly WatchedWorkflow[];
  readonly removalPolicy: RemovalPolicy;
}

/** A state machine watched by the alarms, with the items of its Distributed Map. */
export interface WatchedWorkflow {
  /** Names its alarms. */
  readonly name: string;
  readonly stateMachine: IStateMachine;
  /** Items of the map whose child execution failed (after the retries inside it). */
  readonly failedItems: IMetric;
}

/** Share of its timeout past which an invocation's duration alarms: at 80% a function is about to be cut off. */
export const NEAR_TIMEOUT_SHARE = 0.8;

/** The duration (ms) past which a function's invocation alarms as near its timeout. */
export function nearTimeoutMs(f: EventwireFunction): number {
  return f.timeout.toMilliseconds() * NEAR_TIMEOUT_SHARE;
}

/**
 * Alarms on everything that needs a human: a message in any dead-letter queue, a stage queue falling
 * behind, any function error or throttle, a lagging events stream, and where given an invocation near its
 * timeout and a failed workflow execution or map item. All notify one encrypted SNS topic.
 */
export class Operations extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: OperationsProps) {
    super(scope, id);
    this.topic = this.createTopic(props.removalPolicy);
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));

    for (const { name, queue } of props.deadLetterQueues) {
      this.alarm(
        `${name}DeadLetters`,
        queue.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', period: Duration.minutes(1) }),
        0,
        `Messages reached the ${name} dead-letter queue`,
      );
    }
    for (const { name, queue } of props.queues) {
      this.alarm(
        `${name}Age`,
        queue.metricApproximateAgeOfOldestMessage({ statistic: 'Maximum', period: Duration.minutes(5) }),
        props.queueAgeAlarmSeconds,
        `The oldest message in the ${name} queue is older than ${props.queueAgeAlarmSeconds} s`,
      );
    }
    for (const f of props.functions) {
      const period = Duration.minutes(5);
      this.alarm(
        `${f.spec.id}Errors`,
        f.fn.metricErrors({ statistic: 'Sum', period }),
        0,
        `${f.spec.id} invocations failed`,
      );
      this.alarm(
        `${f.spec.id}Throttles`,
        f.fn.metricThrottles({ statistic: 'Sum', period }),
        0,
        `${f.spec.id} invocations were throttled`,
      );
    }
    for (const f of props.nearTimeout ?? []) {
      this.alarm(
        `${f.spec.id}NearTimeout`,
        f.fn.metricDuration({ statistic: 'Maximum', period: Duration.minutes(5) }),
        nearTimeoutMs(f),
        `A ${f.spec.id} invocation ran past ${NEAR_TIMEOUT_SHARE * 100}% of its ${f.spec.timeoutSeconds} s timeout`,
      );
    }
    for (const w of props.workflows ?? []) this.watchWorkflow(w);
    const iteratorAge = props.streamConsumer.fn.metric('IteratorAge', {
      statistic: 'Maximum',
      period: Duration.minutes(5),
    });
    this.alarm(
      'EventsStreamLag',
      iteratorAge,
      props.queueAgeAlarmSeconds * 1000,
      'Event changes wait too long before reaching the bus',
    );
  }

  private watchWorkflow({ name, stateMachine, failedItems }: WatchedWorkflow): void {
    const period = Duration.minutes(5);
    this.alarm(
      `${name}ExecutionsFailed`,
      stateMachine.metricFailed({ statistic: 'Sum', period }),
      0,
      `A ${name} execution failed`,
    );
    this.alarm(
      `${name}ExecutionsTimedOut`,
      stateMachine.metricTimedOut({ statistic: 'Sum', period }),
      0,
      `A ${name} execution timed out`,
    );
    this.alarm(
      `${name}ItemsFailed`,
      failedItems,
      0,
      `Items of the ${name} map failed after their retries (the execution goes on within its tolerated share)`,
    );
  }

  /**
   * The topic is encrypted with its own rotating key: CloudWatch cannot publish to a topic under the AWS
   * managed SNS key, whose policy cannot be extended. CloudWatch may use key and topic only for this account's alarms.
   */
  private createTopic(removalPolicy: RemovalPolicy): Topic {
    const stack = Stack.of(this);
    const key = new Key(this, 'AlarmTopicKey', {
      enableKeyRotation: true,
      description: 'eventwire alarm topic',
      removalPolicy,
    });
    const topic = new Topic(this, 'AlarmTopic', { displayName: 'eventwire alarms', masterKey: key, enforceSSL: true });
    const cloudwatch = new ServicePrincipal('cloudwatch.amazonaws.com');
    const conditions = {
      StringEquals: { 'aws:SourceAccount': stack.account },
      ArnLike: {
        'aws:SourceArn': stack.formatArn({
          service: 'cloudwatch',
          resource: 'alarm',
          resourceName: '*',
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      },
    };
    key.addToResourcePolicy(
      new PolicyStatement({
        principals: [cloudwatch],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions,
      }),
    );
    topic.addToResourcePolicy(
      new PolicyStatement({
        principals: [cloudwatch],
        actions: ['sns:Publish'],
        resources: [topic.topicArn],
        conditions,
      }),
    );
    return topic;
  }

  private alarm(id: string, metric: IMetric, threshold: number, description: string): void {
    const alarm = new Alarm(this, pascalCase(id), {
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}
