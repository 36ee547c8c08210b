import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliRun, freePort } from './support/cli-run.js';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function objectFiles(dataDir: string): Promise<string[]> {
  const entries = await readdir(join(dataDir, 's3'), { recursive: true });
  return entries.filter((entry) => entry.endsWith('._S3rver_object')).sort();
}

describe('an object broken by a killed overwrite after its article was done', () => {
  it('is removed at start-up and written again by the next run, which fetches its article again', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'eventwire-lost-'));
    dirs.push(dataDir);
    const port = await freePort();
    expect((await cliRun(dataDir, port)).code).toBe(0);
    const before = await objectFiles(dataDir);
    const raw = before.find((file) => file.includes(`${join('raw', '')}`));
    if (!raw) throw new Error('the run stored no raw page');
    // What a process killed while rewriting the object leaves: bytes, and metadata cut short.
    await writeFile(
      join(dataDir, 's3', raw.replace(/\._S3rver_object$/, '._S3rver_metadata.json')),
      '{"content-type":',
    );

    const rerun = await cliRun(dataDir, port);

    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toMatch(/articles\s+1 new/);
    expect(await objectFiles(dataDir)).toEqual(before);
  }, 120_000);
});
