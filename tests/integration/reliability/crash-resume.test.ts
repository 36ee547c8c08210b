import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withStackAt } from '../../helpers/local-stack.js';
import { type CliRunOutcome, cliRun, freePort } from './support/cli-run.js';
import { seededRandom } from './support/redelivering-pipeline.js';
import { normaliser, type StoreSnapshot, takeSnapshot } from './support/store-snapshot.js';

const startedAt = new Date();
let demoPort: number;
let dataDir: string;
let referenceDir: string;
const crashDirs: string[] = [];
let reference: Promise<{ outcome: CliRunOutcome; snapshot: StoreSnapshot }> | undefined;

/** Opens a data folder a CLI run left behind and snapshots it. */
async function snapshotOf(dir: string): Promise<StoreSnapshot> {
  return withStackAt(dir, (clients, config) => takeSnapshot(clients, config, normaliser(startedAt, new Date())));
}

/** One undisturbed run, made once and shared by every comparison. */
async function undisturbedRun(): Promise<{ outcome: CliRunOutcome; snapshot: StoreSnapshot }> {
  reference ??= cliRun(referenceDir, demoPort).then(async (outcome) => ({
    outcome,
    snapshot: await snapshotOf(referenceDir),
  }));
  return reference;
}

beforeAll(async () => {
  demoPort = await freePort();
  dataDir = await mkdtemp(join(tmpdir(), 'eventwire-crash-'));
  referenceDir = await mkdtemp(join(tmpdir(), 'eventwire-undisturbed-'));
});
afterAll(async () => {
  await Promise.all([dataDir, referenceDir, ...crashDirs].map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('a local run killed at random points', () => {
  let killed: CliRunOutcome[];
  let final: CliRunOutcome;

  it('ends, once rerun to completion, with exactly the state of an undisturbed run', async () => {
    const random = seededRandom(Date.now());
    killed = [];
    for (const delay of [300 + random() * 1200, 300 + random() * 1200])
      killed.push(await cliRun(dataDir, demoPort, Math.round(delay)));
    final = await cliRun(dataDir, demoPort);
    const undisturbed = await undisturbedRun();

    expect(killed.map((outcome) => outcome.signal)).toEqual(['SIGKILL', 'SIGKILL']);
    expect({ code: final.code, stderr: final.stderr }).toEqual({ code: 0, stderr: '' });
    expect(undisturbed.outcome.code).toBe(0);
    expect(await snapshotOf(dataDir)).toEqual(undisturbed.snapshot);
  }, 120_000);

  it('reports the completed rerun without dead letters, counting no article twice', () => {
    const [, fresh = ''] = /articles +(\d+) new/.exec(final.stdout) ?? [];
    const [, onSite = '0'] = /demo news site: .*?(\d+) articles\)/.exec(final.stdout) ?? [];

    expect(final.stdout).toContain('eventwire run complete');
    expect(final.stdout).toMatch(/dead letters 0/);
    expect(Number(fresh)).toBeLessThanOrEqual(Number(onSite));
    expect(Number(onSite)).toBeGreaterThan(0);
  });
});

describe('a local run killed inside a DynamoDB index write', () => {
  const killer = './tests/integration/reliability/support/kill-inside-index-write.ts';

  // dynalite deletes an item's old index entries, writes the new ones, then the item: killed in between, the
  // item is missing from its index. A local run does not lease feeds, so feed updates 1-5 are the recorded polls
  // of the five demo feeds (each after its articles were discovered): the first and the last.
  it.each([1, 5])(
    'ends, once rerun, with exactly the state of an undisturbed run (killed in feed update %i)',
    async (update) => {
      const dir = await mkdtemp(join(tmpdir(), 'eventwire-index-crash-'));
      crashDirs.push(dir);
      const killed = await cliRun(dir, demoPort, undefined, {
        module: killer,
        env: { KILL_INSIDE_INDEX_WRITE: `feeds:${update}` },
      });
      const final = await cliRun(dir, demoPort);
      const undisturbed = await undisturbedRun();

      expect(killed.signal).toBe('SIGKILL');
      expect({ code: final.code, stderr: final.stderr }).toEqual({ code: 0, stderr: '' });
      expect(await snapshotOf(dir)).toEqual(undisturbed.snapshot);
    },
    120_000,
  );
});
