import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalConfig } from '../../src/config/index.js';
import { type DemoSite, startDemoSite } from '../../src/demo-site/index.js';
import { type LocalStack, startLocalStack } from '../../src/local/stack.js';
import { type AwsClients, createAwsClients } from '../../src/storage/clients.js';

export interface TestStack {
  stack: LocalStack;
  config: LocalConfig;
  clients: AwsClients;
  dataDir: string;
  close(): Promise<void>;
}

/** The real local S3 and DynamoDB servers on 127.0.0.1, in a fresh temporary folder. */
export async function startTestStack(allowedHosts: string[] = []): Promise<TestStack> {
  const dataDir = await mkdtemp(join(tmpdir(), 'eventwire-test-'));
  const stack = await startLocalStack(dataDir);
  const config = stack.config(allowedHosts);
  const clients = createAwsClients(config);
  return {
    stack,
    config,
    clients,
    dataDir,
    close: async () => {
      clients.s3.destroy();
      clients.dynamo.destroy();
      await stack.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens the local servers on a data folder a run left behind, runs `use` with clients for them (the fetcher allowed
 * to reach `allowedHosts`), then closes them.
 */
export async function withStackAt<T>(
  dataDir: string,
  use: (clients: AwsClients, config: LocalConfig) => Promise<T>,
  allowedHosts: string[] = [],
): Promise<T> {
  const stack = await startLocalStack(dataDir);
  const config = stack.config(allowedHosts);
  const clients = createAwsClients(config);
  try {
    return await use(clients, config);
  } finally {
    clients.s3.destroy();
    clients.dynamo.destroy();
    await stack.close();
  }
}

/** The demo news site and the local servers, with the fetcher allowed to reach the site on loopback. */
export async function startDemoStack(): Promise<{ demo: DemoSite; env: TestStack; close(): Promise<void> }> {
  const demo = await startDemoSite({ port: 0 });
  const env = await startTestStack([new URL(demo.origin).host]);
  return {
    demo,
    env,
    close: async () => {
      await demo.close();
      await env.close();
    },
  };
}
