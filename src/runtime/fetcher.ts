import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type AppConfig, tableName } from '../config/index.js';
import { DynamoHostGate, DynamoRobotsCache, defaultFetchPolicy, type HostGate, HttpFetcher } from '../fetch/index.js';

/** The production fetcher with our policy; robots.txt cache and (by default) the host gate live in the state table. */
export function createFetcher(config: AppConfig, doc: DynamoDBDocumentClient, gate?: HostGate): HttpFetcher {
  return new HttpFetcher(
    defaultFetchPolicy({
      userAgent: config.userAgent,
      allowedHosts: config.allowedHosts,
      minHostIntervalMs: config.hostIntervalMs,
    }),
    {
      gate: gate ?? new DynamoHostGate(doc, tableName(config, 'state')),
      robots: new DynamoRobotsCache(doc, tableName(config, 'state')),
    },
  );
}
