import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { withStackAt } from '../../helpers/local-stack.js';
import { cliCommand, cliRun, freePort } from '../reliability/support/cli-run.js';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function storedEventCount(dataDir: string): Promise<number> {
  return withStackAt(dataDir, async (clients, config) => {
    const scan = await clients.doc.send(
      new ScanCommand({
        TableName: config.tables.events,
        FilterExpression: 'sk = :event',
        ExpressionAttributeValues: { ':event': 'EVENT' },
      }),
    );
    return scan.Items?.length ?? 0;
  });
}

describe('eventwire events piped to another program', () => {
  it('writes every stored event before it exits', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'eventwire-pipe-'));
    dirs.push(dataDir);
    expect((await cliRun(dataDir, await freePort())).code).toBe(0);

    const listed = await cliCommand([
      'events',
      '--data-dir',
      dataDir,
      '--from',
      '2000-01-01',
      '--to',
      '2099-12-31',
      '--format',
      'jsonl',
    ]);

    expect(listed.code).toBe(0);
    const lines = listed.stdout.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(100);
    expect(lines.length).toBe(await storedEventCount(dataDir));
    expect(lines.every((line) => typeof JSON.parse(line).event_id === 'string')).toBe(true);
  }, 120_000);
});
