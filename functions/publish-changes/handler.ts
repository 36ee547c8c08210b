import { Logger } from '@aws-lambda-powertools/logger';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { publishChanges } from '../../src/changes/publish.js';
import { ConfigError, ENV } from '../../src/config/index.js';

const logger = new Logger({ serviceName: 'publish-changes' });
const busName = process.env[ENV.eventBusName];
if (!busName) throw new ConfigError(`missing required environment variable ${ENV.eventBusName}`);
const bus = new EventBridgeClient({});

/** Events table stream -> EventBridge bus ("Event Created", "Event Updated", "Article Coded"). */
export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const failed = await publishChanges(event.Records, bus, busName ?? '');
  if (failed.length > 0)
    logger.warn('publishing failed, the stream retries from the first failed record', { sequence: failed[0] });
  return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
}
