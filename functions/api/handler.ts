import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { handleApiRequest } from '../../src/api/router.js';
import { EventReader } from '../../src/client/index.js';
import { ENV, loadConfigFromEnv, tableName } from '../../src/config/index.js';
import { createDynamoClients } from '../../src/storage/clients.js';

const logger = new Logger({ serviceName: 'api' });
const config = loadConfigFromEnv([ENV.eventsTable]);
const reader = new EventReader(createDynamoClients(config).doc, tableName(config, 'events'));

/** API Gateway (IAM auth) -> read-only events API. */
export async function handler(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  const query = Object.fromEntries(Object.entries(event.queryStringParameters ?? {}));
  const response = await handleApiRequest({ method: event.httpMethod, path: event.path, query }, reader);
  if (response.status >= 500) logger.error('api request failed', { path: event.path, status: response.status });
  return {
    statusCode: response.status,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(response.body),
  };
}
