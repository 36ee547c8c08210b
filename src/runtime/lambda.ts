import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { z } from 'zod';
import { loadConfigFromEnv, type AppConfig, type EnvName } from '../config/index.js';
import { describeError } from '../core/errors.js';
import { createAwsClients, type AwsClients } from '../storage/clients.js';
import { handleSqsBatch } from '../queue/sqs-batch.js';
import type { StageDeps } from '../stages/deps.js';
import type { StageObserver } from '../stages/observer.js';
import { createStageDeps, sqsQueues, type StageDepsOptions } from './stage-deps.js';

/** Everything a function creates once per cold start: config, clients, Powertools, stage dependencies. */
export interface LambdaRuntime {
  readonly config: AppConfig;
  readonly clients: AwsClients;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly tracer: Tracer;
  readonly deps: StageDeps;
}

/**
 * Cold-start setup of one function. `required` names the environment variables this function cannot run
 * without; a missing one stops the cold start with its name.
 */
export function createLambdaRuntime(serviceName: string, required: readonly EnvName[], options: Pick<StageDepsOptions, 'createCoder'> = {}): LambdaRuntime {
  const logger = new Logger({ serviceName });
  const metrics = new Metrics({ serviceName, namespace: 'eventwire' });
  const tracer = new Tracer({ serviceName });
  const config = loadConfigFromEnv(required);
  const clients = createAwsClients(config);
  tracer.captureAWSv3Client(clients.s3);
  tracer.captureAWSv3Client(clients.dynamo);
  const sqs = tracer.captureAWSv3Client(new SQSClient({ region: config.region }));
  const deps = createStageDeps(config, clients, sqsQueues(config, sqs), powertoolsObserver(logger, metrics), options);
  return { config, clients, logger, metrics, tracer, deps };
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
 * failures, one log line per failed record with its typed reason (never the raw error), metrics flushed.
 */
export function sqsStageHandler<T>(runtime: LambdaRuntime, schema: z.ZodType<T>, stage: (message: T, deps: StageDeps) => Promise<unknown>) {
  return async (event: SQSEvent): Promise<SQSBatchResponse> => {
    runtime.logger.appendKeys({ batchSize: event.Records.length });
    try {
      return await handleSqsBatch(event, schema, (message) => stage(message, runtime.deps).then(() => undefined), {
        failed: (record: SQSRecord, error: unknown) => runtime.logger.error('record failed', {
          messageId: record.messageId, receiveCount: record.attributes.ApproximateReceiveCount, error: describeError(error),
        }),
      });
    } finally {
      runtime.metrics.publishStoredMetrics();
    }
  };
}
