import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { handleApiRequest } from '../../src/api/router.js';
import { createLambdaRuntime } from '../../src/runtime/lambda.js';
import { API_ENV, apiReader } from '../../src/runtime/roots/api.js';
import { createDynamoClients } from '../../src/storage/clients.js';

const runtime = createLambdaRuntime('api', API_ENV);
const reader = apiReader(runtime.config, createDynamoClients(runtime.config, runtime.traced).doc);

/** API Gateway (IAM auth) -> read-only events API. */
export async function handler(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  const query = Object.fromEntries(Object.entries(event.queryStringParameters ?? {}));
  const response = await handleApiRequest({ method: event.httpMethod, path: event.path, query }, reader);
  if (response.status >= 500) runtime.logger.error('api request failed', { path: event.path, status: response.status });
  return {
    statusCode: response.status,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(response.body),
  };
}
