import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { startLocalStack } from '../../../src/local/stack.js';
import { createAwsClients } from '../../../src/storage/clients.js';
import { cliCommand, cliRun, freePort } from '../reliability/support/cli-run.js';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function storedEventCount(dataDir: string): Promise<number> {
  const stack = await startLocalStack(dataDir);
  const clients = createAwsClients(stack.config());
  try {
    const scan = await clients.doc.send(new ScanCommand({ TableName: stack.config().tables.events, FilterExpression: 'sk = :event', ExpressionAttributeValues: { ':event': 'EVENT' } }));
    return scan.Items?.length ?? 0;
  } finally {
    clients.dynamo.destroy();
    clients.s3.destroy();
    await stack.close();
  }
}

describe('eventwire events piped to another program', () => {
  it('writes every stored event before it exits', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'eventwire-pipe-'));
    dirs.push(dataDir);
    expect((await cliRun(dataDir, await freePort())).code).toBe(0);

    const listed = await cliCommand(['events', '--data-dir', dataDir, '--from', '2000-01-01', '--to', '2099-12-31', '--format', 'jsonl']);

    expect(listed.code).toBe(0);
    const lines = listed.stdout.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(100);
    expect(lines.length).toBe(await storedEventCount(dataDir));
    expect(lines.every((line) => typeof JSON.parse(line).eventId === 'string')).toBe(true);
  }, 120_000);
});
