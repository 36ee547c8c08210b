import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { EventReader } from '../../client/index.js';
import { type AppConfig, ENV, type EnvName, tableName } from '../../config/index.js';

/** What the read API cannot start without; the CDK app grants the events table and sets its variable together. */
export const API_ENV: readonly EnvName[] = [ENV.eventsTable];

/** The composition root of the read API, for its Lambda handler and the local commands and server. */
export function apiReader(config: AppConfig, doc: DynamoDBDocumentClient): EventReader {
  return new EventReader(doc, tableName(config, 'events'));
}
