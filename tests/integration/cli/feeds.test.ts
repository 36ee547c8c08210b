import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DynamoFeedStore } from '../../../src/storage/feed-store.js';
import { withStackAt } from '../../helpers/local-stack.js';
import { cliCommand, cliRun, freePort } from '../reliability/support/cli-run.js';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

/** Records a failed poll of the named feed in a data folder a run left behind. */
async function failPoll(dataDir: string, name: string): Promise<void> {
  await withStackAt(dataDir, async (clients, config) => {
    const store = new DynamoFeedStore(clients.doc, config.tables.feeds);
    const feed = (await store.list()).find((candidate) => candidate.name === name);
    if (!feed) throw new Error(`no feed named ${name}`);
    await store.recordPoll(feed.feed_id, {
      status: 'failed',
      at: new Date(),
      error: 'FetchError: HTTP 503 Service Unavailable',
      nextPollAt: new Date(),
    });
  });
}

describe('eventwire feeds', () => {
  it('lists the health of every feed of a run, and with --failing only the broken ones', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'eventwire-feeds-'));
    dirs.push(dataDir);
    expect((await cliRun(dataDir, await freePort())).code).toBe(0);

    const all = await cliCommand(['feeds', '--data-dir', dataDir]);
    await failPoll(dataDir, 'The Harbour Globe');
    const failing = await cliCommand(['feeds', '--failing', '--jsonl', '--data-dir', dataDir]);

    expect(all.code).toBe(0);
    expect(all.stdout).toContain('5 feeds, 0 failing');
    expect(all.stdout.split('\n').filter((line) => line.startsWith('fetched')).length).toBe(5);
    expect(failing.code).toBe(0);
    const lines = failing.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
    expect(lines.map((feed) => [feed.name, feed.health.consecutive_failures, feed.health.last_error])).toEqual([
      ['The Harbour Globe', 1, 'FetchError: HTTP 503 Service Unavailable'],
    ]);
  }, 120_000);
});
