import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AppConfig } from '../config/index.js';

export interface AwsClients {
  readonly s3: S3Client;
  readonly dynamo: DynamoDBClient;
  readonly doc: DynamoDBDocumentClient;
}

/**
 * The real AWS SDK v3 clients; locally the same clients reach the embedded servers through endpoints.
 * Retries use the SDK's adaptive mode: throttling and 5xx are retried with backoff and jitter.
 */
export function createAwsClients(config: AppConfig): AwsClients {
  const common = {
    region: config.region,
    maxAttempts: 6,
    retryMode: 'adaptive' as const,
    ...(config.credentials ? { credentials: config.credentials } : {}),
  };
  const s3 = new S3Client({
    ...common,
    ...(config.endpoints.s3 ? { endpoint: config.endpoints.s3, forcePathStyle: true } : {}),
    // s3rver cannot verify the SDK's default CRC32 checksums; AWS accepts both settings.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const dynamo = new DynamoDBClient({ ...common, ...(config.endpoints.dynamodb ? { endpoint: config.endpoints.dynamodb } : {}) });
  const doc = DynamoDBDocumentClient.from(dynamo, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return { s3, dynamo, doc };
}
