import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRunOutcome, cliCommand, freePort } from '../reliability/support/cli-run.js';
import { type ArticleStore, dataDirWithDemoPort, storedBy } from './support.js';

const startedAt = new Date();
let port: number;
let liveDir: string;
let backfillDir: string;
let live: ArticleStore;
let first: CliRunOutcome;
let afterBackfill: ArticleStore;

const newArticles = (outcome: CliRunOutcome): number =>
  Number(/\n {2}articles +(\d+) new/.exec(outcome.stdout)?.[1] ?? NaN);
const newEvents = (outcome: CliRunOutcome): number =>
  Number(/\n {2}events +(\d+) new/.exec(outcome.stdout)?.[1] ?? NaN);

beforeAll(async () => {
  port = await freePort();
  liveDir = await dataDirWithDemoPort(port, 'live');
  backfillDir = await dataDirWithDemoPort(port, 'backfill');
  const liveRun = await cliCommand(['run', '--data-dir', liveDir]);
  if (liveRun.code !== 0) throw new Error(`live run failed: ${liveRun.stderr}`);
  live = await storedBy(liveDir, startedAt);
}, 180_000);
afterAll(async () => {
  await Promise.all([liveDir, backfillDir].map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('a backfill of the recorded demo site', () => {
  it('stores and codes the same articles and events as a live run of the site, into the same tables and bucket', async () => {
    first = await cliCommand(['backfill', '--demo', '--data-dir', backfillDir]);
    afterBackfill = await storedBy(backfillDir, startedAt);

    expect({ code: first.code, stderr: first.stderr }).toEqual({ code: 0, stderr: '' });
    expect(newArticles(first)).toBe(38);
    expect(afterBackfill.articles).toEqual(live.articles);
    expect(afterBackfill.events).toEqual(live.events);
    expect(afterBackfill.objects).toEqual(live.objects);
  }, 120_000);

  it('counts the records it skipped by reason: requests and warcinfo, feeds and robots.txt, the missing page', () => {
    expect(first.stdout).toMatch(/records +\d+ read: 38 pages, \d+ skipped \(\d+ not-response, 1 status, 6 not-html\)/);
  });

  it('adds nothing when run again: the file is done by its checkpoint', async () => {
    const again = await cliCommand(['backfill', '--demo', '--data-dir', backfillDir]);

    expect(again.code).toBe(0);
    expect(again.stdout).toContain('1 done before (checkpoint');
    expect(await storedBy(backfillDir, startedAt)).toEqual(afterBackfill);
  }, 120_000);

  it('adds nothing when every record is read again: each page is an article already stored or coded', async () => {
    const again = await cliCommand(['backfill', '--demo', '--restart', '--data-dir', backfillDir]);

    expect(again.code).toBe(0);
    expect(newArticles(again)).toBe(0);
    expect(again.stdout).toMatch(/38 known/);
    expect(newEvents(again)).toBe(0);
    expect(await storedBy(backfillDir, startedAt)).toEqual(afterBackfill);
  }, 120_000);

  it('adds nothing when the live pipeline then polls the same site: its feed items are known articles', async () => {
    const run = await cliCommand(['run', '--data-dir', backfillDir, '--poll-all']);

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/feeds +5 polled: 5 fetched/);
    expect(newArticles(run)).toBe(0);
    expect(newEvents(run)).toBe(0);
    expect(await storedBy(backfillDir, startedAt)).toEqual(afterBackfill);
  }, 120_000);

  it('adds nothing when it reads an archive of pages the live pipeline already ingested', async () => {
    const again = await cliCommand(['backfill', '--demo', '--data-dir', liveDir]);

    expect(again.code).toBe(0);
    expect(newArticles(again)).toBe(0);
    expect(again.stdout).toMatch(/38 known/);
    expect(await storedBy(liveDir, startedAt)).toEqual(live);
  }, 120_000);
});
