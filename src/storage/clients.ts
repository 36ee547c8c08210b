import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AppConfig } from '../config/index.js';

export interface AwsClients {
  readonly s3: S3Client;
  readonly dynamo: DynamoDBClient;
  readonly doc: DynamoDBDocumentClient;
}

/** Lets the caller wrap a client once, before use (the Lambda tracer captures it for X-Ray). */
export type Instrument = <T extends object>(client: T) => T;
const asIs: Instrument = (client) => client;

function common(config: AppConfig) {
  // Adaptive retries: throttling and 5xx answers are retried with backoff and jitter, up to 6 attempts.
  return {
    region: config.region,
    maxAttempts: 6,
    retryMode: 'adaptive' as const,
    ...(config.credentials ? { credentials: config.credentials } : {}),
  };
}

/** The real AWS SDK v3 S3 client; locally the same client reaches s3rver through its endpoint. */
export function createS3Client(config: AppConfig, instrument: Instrument = asIs): S3Client {
  return instrument(
    new S3Client({
      ...common(config),
      ...(config.endpoints.s3 ? { endpoint: config.endpoints.s3, forcePathStyle: true } : {}),
      // s3rver cannot verify the SDK's default CRC32 checksums; AWS accepts both settings.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    }),
  );
}

/** The DynamoDB client and its document client (plain JS values in and out). */
export function createDynamoClients(
  config: AppConfig,
  instrument: Instrument = asIs,
): { dynamo: DynamoDBClient; doc: DynamoDBDocumentClient } {
  const dynamo = instrument(
    new DynamoDBClient({
      ...common(config),
      ...(config.endpoints.dynamodb ? { endpoint: config.endpoints.dynamodb } : {}),
    }),
  );
  const doc = DynamoDBDocumentClient.from(dynamo, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return { dynamo, doc };
}

/** Both clients, for the local runner and tools that touch every resource. */
export function createAwsClients(config: AppConfig): AwsClients {
  return { s3: createS3Client(config), ...createDynamoClients(config) };
}
