import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tableName, type AppConfig } from '../config/index.js';
import { HttpFetcher, DynamoHostGate, DynamoRobotsCache, defaultFetchPolicy, type HostGate } from '../fetch/index.js';

/** The production fetcher with our policy; robots.txt cache and (by default) the host gate live in the state table. */
export function createFetcher(config: AppConfig, doc: DynamoDBDocumentClient, gate?: HostGate): HttpFetcher {
  return new HttpFetcher(
    defaultFetchPolicy({ userAgent: config.userAgent, allowedHosts: config.allowedHosts, minHostIntervalMs: config.hostIntervalMs }),
    { gate: gate ?? new DynamoHostGate(doc, tableName(config, 'state')), robots: new DynamoRobotsCache(doc, tableName(config, 'state')) },
  );
}
