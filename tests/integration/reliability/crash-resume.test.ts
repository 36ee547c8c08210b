import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack } from '../../../src/local/stack.js';
import { createAwsClients } from '../../../src/storage/clients.js';
import { cliRun, freePort, type CliRunOutcome } from './support/cli-run.js';
import { seededRandom } from './support/redelivering-pipeline.js';
import { normaliser, takeSnapshot, type StoreSnapshot } from './support/store-snapshot.js';

const startedAt = new Date();
let demoPort: number;
let dataDir: string;
let referenceDir: string;

/** Opens a data folder a CLI run left behind and snapshots it. */
async function snapshotOf(dir: string): Promise<StoreSnapshot> {
  const stack = await startLocalStack(dir);
  const clients = createAwsClients(stack.config());
  try {
    return await takeSnapshot(clients, stack.config(), normaliser(startedAt, new Date()));
  } finally {
    clients.s3.destroy();
    clients.dynamo.destroy();
    await stack.close();
  }
}

beforeAll(async () => {
  demoPort = await freePort();
  dataDir = await mkdtemp(join(tmpdir(), 'eventwire-crash-'));
  referenceDir = await mkdtemp(join(tmpdir(), 'eventwire-undisturbed-'));
});
afterAll(async () => {
  await Promise.all([dataDir, referenceDir].map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('a local run killed at random points', () => {
  let killed: CliRunOutcome[];
  let final: CliRunOutcome;

  it('ends, once rerun to completion, with exactly the state of an undisturbed run', async () => {
    const random = seededRandom(Date.now());
    killed = [];
    for (const delay of [300 + random() * 1200, 300 + random() * 1200]) killed.push(await cliRun(dataDir, demoPort, Math.round(delay)));
    final = await cliRun(dataDir, demoPort);
    const undisturbed = await cliRun(referenceDir, demoPort);

    expect(killed.map((outcome) => outcome.signal)).toEqual(['SIGKILL', 'SIGKILL']);
    expect({ code: final.code, stderr: final.stderr }).toEqual({ code: 0, stderr: '' });
    expect(undisturbed.code).toBe(0);
    expect(await snapshotOf(dataDir)).toEqual(await snapshotOf(referenceDir));
  }, 120_000);

  it('reports the completed rerun without dead letters', () => {
    expect(final.stdout).toContain('eventwire run complete');
    expect(final.stdout).toMatch(/dead letters 0/);
  });
});
