import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ArticleStore, dataDirWithDemoPort, storedBy } from '../backfill/support.js';
import { type CliRunOutcome, cliCommand, freePort } from './support/cli-run.js';

const startedAt = new Date();
let port: number;
let referenceDir: string;
let dir: string;
let reference: ArticleStore;

/** `eventwire backfill --demo` stopped with `signal` once it has read records for `afterMs`. */
function stoppedBackfill(signal: NodeJS.Signals, afterMs: number): Promise<CliRunOutcome> {
  let timer: NodeJS.Timeout | undefined;
  return cliCommand(['backfill', '--demo', '--data-dir', dir], {
    onStdout: (stdout, child) => {
      if (!timer && stdout.includes('demo archive:')) timer = setTimeout(() => child.kill(signal), afterMs);
    },
  }).finally(() => clearTimeout(timer));
}

beforeAll(async () => {
  port = await freePort();
  referenceDir = await dataDirWithDemoPort(port, 'backfill-undisturbed');
  dir = await dataDirWithDemoPort(port, 'backfill-stopped');
  const undisturbed = await cliCommand(['backfill', '--demo', '--data-dir', referenceDir]);
  if (undisturbed.code !== 0) throw new Error(`undisturbed backfill failed: ${undisturbed.stderr}`);
  reference = await storedBy(referenceDir, startedAt);
}, 180_000);
afterAll(async () => {
  await Promise.all([referenceDir, dir].map((d) => rm(d, { recursive: true, force: true })));
});

describe('a backfill stopped halfway', () => {
  let stopped: CliRunOutcome;
  let killed: CliRunOutcome;
  let final: CliRunOutcome;

  it('stops cleanly on Ctrl-C after the batches in flight, and says it was interrupted', async () => {
    stopped = await stoppedBackfill('SIGINT', 2500);

    expect(stopped.code).toBe(130);
    expect(stopped.stdout).toContain('eventwire backfill INTERRUPTED');
  }, 120_000);

  it('ends, after a kill and a rerun, with exactly what an undisturbed backfill stores', async () => {
    killed = await stoppedBackfill('SIGKILL', 1000);
    final = await cliCommand(['backfill', '--demo', '--data-dir', dir]);

    expect(killed.signal).toBe('SIGKILL');
    expect({ code: final.code, stderr: final.stderr }).toEqual({ code: 0, stderr: '' });
    expect(final.stdout).toMatch(/files +1 read to the end/);
    expect(await storedBy(dir, startedAt)).toEqual(reference);
  }, 180_000);
});
