import { afterAll, beforeAll, beforeEach } from 'vitest';
import {
  defaultFetchPolicy,
  type FetcherDeps,
  type FetchPolicy,
  HttpFetcher,
  MemoryHostGate,
  MemoryRobotsCache,
} from '../../../src/fetch/index.js';
import { MisbehavingServer } from './misbehaving-server.js';

/** Starts one misbehaving server for the file and resets its robots.txt and hit log before each test. */
export function useMisbehavingServer(): MisbehavingServer {
  const server = new MisbehavingServer();
  beforeAll(() => server.start());
  afterAll(() => server.close());
  beforeEach(() => {
    server.hits.length = 0;
    server.robotsTxt = null;
    server.robotsStatus = 200;
    server.bombMembersWritten = 0;
  });
  return server;
}

/** A fetcher allowed to reach the server, with short limits so fault tests finish quickly. */
export function fetcherFor(
  server: MisbehavingServer,
  overrides: Partial<FetchPolicy> = {},
  deps: FetcherDeps = {},
): HttpFetcher {
  const policy = defaultFetchPolicy({
    allowedHosts: [server.host],
    timeoutMs: 1500,
    maxBytes: 256 * 1024,
    maxRedirects: 3,
    minHostIntervalMs: 0,
    ...overrides,
  });
  return new HttpFetcher(policy, { gate: new MemoryHostGate(), robots: new MemoryRobotsCache(), ...deps });
}
