import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { z } from 'zod';
import { type AppConfig, type EnvName, loadConfigFromEnv } from '../config/index.js';
import { describeError } from '../core/errors.js';
import type { Deferrer } from '../queue/deferral.js';
import { SendCoalescer } from '../queue/send-coalescer.js';
import { type MessageSink, SqsDeferrer, sqsSink } from '../queue/sink.js';
import { handleSqsBatch } from '../queue/sqs-batch.js';
import type { StageObserver } from '../stages/observer.js';
import { createDynamoClients, createS3Client, type Instrument } from '../storage/clients.js';
import type { BucketPlatform, StagePlatform } from './platform.js';

/** What a function creates once per cold start; its stage's composition root (src/runtime/roots/) builds the rest. */
export interface LambdaRuntime {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly tracer: Tracer;
  readonly observer: StageObserver;
  /** Captures an AWS SDK client for X-Ray tracing. */
  readonly traced: Instrument;
  /** Gathers the messages the records of one batch send to the next queue into shared requests. */
  readonly coalescer: SendCoalescer;
}

/**
 * Cold-start setup of one function. `required` names the environment variables this function cannot run
 * without; a missing one stops the cold start with its name.
 */
export function createLambdaRuntime(serviceName: string, required: readonly EnvName[]): LambdaRuntime {
  const logger = new Logger({ serviceName });
  const metrics = new Metrics({ serviceName, namespace: 'eventwire' });
  const tracer = new Tracer({ serviceName });
  const config = loadConfigFromEnv(required);
  return {
    config,
    logger,
    metrics,
    tracer,
    observer: powertoolsObserver(logger, metrics),
    traced: (client) => tracer.captureAWSv3Client(client),
    coalescer: new SendCoalescer(),
  };
}

/** The stage platform of this function: its configuration, one traced DynamoDB client, its observer and clock. */
export function lambdaPlatform(runtime: LambdaRuntime): StagePlatform {
  return {
    config: runtime.config,
    doc: createDynamoClients(runtime.config, runtime.traced).doc,
    observer: runtime.observer,
    clock: () => new Date(),
  };
}

/** The platform of a function whose stage also uses the bucket: a traced S3 client besides. */
export function lambdaBucketPlatform(runtime: LambdaRuntime): BucketPlatform {
  return { ...lambdaPlatform(runtime), s3: createS3Client(runtime.config, runtime.traced) };
}

/**
 * The SQS queue of the next stage, named in the configuration, on a traced client. What the records of one batch
 * send goes out together (10 messages a request), not one request per record.
 */
export function lambdaQueue<T>(runtime: LambdaRuntime, queue: keyof AppConfig['queues']): MessageSink<T> {
  const sqs = runtime.traced(new SQSClient({ region: runtime.config.region }));
  return runtime.coalescer.sink(sqsSink<T>(sqs, runtime.config.queues[queue], queue));
}

export function powertoolsObserver(logger: Logger, metrics: Metrics): StageObserver {
  return {
    info: (message, fields) => logger.info(message, fields ?? {}),
    warn: (message, fields) => logger.warn(message, fields ?? {}),
    count: (metric, value = 1) => metrics.addMetric(metric, MetricUnit.Count, value),
  };
}

/**
 * The SQS handler shared by the queue-driven functions: per-record parsing and stage call, partial batch
 * failures, one log line per failed record with its typed reason (never the raw error), metrics flushed. A record
 * the stage defers is sent again to the function's own queue with a delay and acknowledged (see deferral.ts); the
 * function is granted SendMessage on that queue, whose URL is among its configured queues.
 */
export function sqsStageHandler<T>(
  runtime: LambdaRuntime,
  schema: z.ZodType<T>,
  stage: (message: T) => Promise<unknown>,
) {
  const deferrers = new Map<string, Deferrer | null>();
  let sqs: SQSClient | undefined;
  const deferrerFor = (sourceArn: string | undefined): Deferrer | null => {
    const key = sourceArn ?? '';
    if (!deferrers.has(key)) {
      const url = ownQueueUrl(runtime.config, key);
      if (!url) runtime.logger.warn('no URL for the source queue: deferred records are retried instead', { sourceArn });
      sqs ??= runtime.traced(new SQSClient({ region: runtime.config.region }));
      deferrers.set(key, url ? new SqsDeferrer(sqs, url) : null);
    }
    return deferrers.get(key) ?? null;
  };
  return async (event: SQSEvent): Promise<SQSBatchResponse> => {
    runtime.logger.appendKeys({ batch_size: event.Records.length });
    try {
      return await handleSqsBatch(
        event,
        schema,
        async (message) => {
          await stage(message);
        },
        {
          failed: (record: SQSRecord, error: unknown) =>
            runtime.logger.error('record failed', {
              message_id: record.messageId,
              receive_count: record.attributes.ApproximateReceiveCount,
              error: describeError(error),
            }),
          deferred: (record: SQSRecord, notBefore: Date, reason: string) => {
            runtime.logger.info('record deferred', { message_id: record.messageId, not_before: notBefore, reason });
            runtime.observer.count('MessagesDeferred');
          },
        },
        deferrerFor(event.Records[0]?.eventSourceARN) ?? undefined,
        runtime.coalescer,
      );
    } finally {
      runtime.metrics.publishStoredMetrics();
    }
  };
}

/** The configured URL of the queue a record came from (`arn:aws:sqs:region:account:name` -> `.../account/name`). */
export function ownQueueUrl(config: AppConfig, sourceArn: string): string | undefined {
  const [, , , , account, name] = sourceArn.split(':');
  if (!account || !name) return undefined;
  return Object.values(config.queues).find((url) => url?.endsWith(`/${account}/${name}`));
}
