import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalStack, type LocalStack } from '../../src/local/stack.js';
import { createAwsClients, type AwsClients } from '../../src/storage/clients.js';
import type { LocalConfig } from '../../src/config/index.js';

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
    stack, config, clients, dataDir,
    close: async () => {
      clients.s3.destroy();
      clients.dynamo.destroy();
      await stack.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
