import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** The queues between stages: feed (schedule -> fetch-feed), article (-> fetch-article), code (-> code-events). */
export type QueueId = 'feed' | 'article' | 'code';

export interface StageQueueProps {
  /** Timeout of the consuming function. */
  readonly consumerTimeout: Duration;
  /** Batching window of the consumer's event source mapping. */
  readonly maxBatchingWindow: Duration;
  /** Receives before a message moves to the dead-letter queue. */
  readonly maxReceiveCount: number;
}

/** Messages wait this long in a stage queue; its DLQ keeps them longer so nothing expires before triage. */
const QUEUE_RETENTION = Duration.days(4);
const DLQ_RETENTION = Duration.days(14);

/**
 * A stage queue with its dead-letter queue: SQS-managed encryption, TLS-only, and a visibility timeout of
 * six times the consumer's timeout plus its batching window (AWS guidance for Lambda event sources), so a
 * message is not redelivered while a slow invocation still holds it.
 */
export class StageQueue extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: StageQueueProps) {
    super(scope, id);
    this.deadLetterQueue = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: DLQ_RETENTION,
    });
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: QUEUE_RETENTION,
      visibilityTimeout: visibilityTimeoutFor(props.consumerTimeout, props.maxBatchingWindow),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: props.maxReceiveCount },
    });
  }
}

/** Six times the consumer's timeout plus the batching window. */
export function visibilityTimeoutFor(consumerTimeout: Duration, maxBatchingWindow: Duration): Duration {
  return Duration.seconds(consumerTimeout.toSeconds() * 6 + maxBatchingWindow.toSeconds());
}
