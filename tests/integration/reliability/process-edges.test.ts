import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoEventStore } from '../../../src/storage/event-store.js';
import { codedEvent } from '../../helpers/coded-event.js';
import { withStackAt } from '../../helpers/local-stack.js';
import { freePort } from './support/cli-run.js';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

const COUNTRIES = ['FRA', 'DEU', 'ITA', 'ESP', 'POL', 'GRC', 'PRT', 'AUT', 'BEL', 'NLD', 'SWE', 'FIN'];
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'eventwire-pipe-'));
  dirs.push(dataDir);
  // Enough events that `events --format jsonl` writes far more than a pipe holds.
  await withStackAt(dataDir, async (clients, config) => {
    const store = new DynamoEventStore(clients.doc, config.tables.events);
    const events = COUNTRIES.flatMap((source) =>
      COUNTRIES.filter((target) => target !== source).map((target, n) =>
        codedEvent({
          date: `2026-10-${String((n % 28) + 1).padStart(2, '0')}`,
          source: { text: source, name: source, code: source, sector: 'GOV', entity_id: source, span: [0, 3] },
          target: { text: target, name: target, code: target, sector: 'GOV', entity_id: target, span: [10, 13] },
          sentence: `${source} and ${target} ministers met to discuss trade, energy and the budget. `.repeat(4),
          sentence_index: n,
        }),
      ),
    );
    const source = { article_id: 'a1', url: 'http://127.0.0.1/a1', outlet: 'Wire', title: null, published: null };
    await store.recordMentions(source, events, '2026-10-05', new Date('2026-10-06T00:00:00Z'));
  });
}, 120_000);

/**
 * `npm start` as npm runs it: a parent process (npm) starts `sh -c 'node bin/eventwire.js run ...'`, which starts
 * the CLI. Returns the parent, in a process group of its own, with the output of the whole tree.
 */
async function npmStyleRun(): Promise<{ parent: ChildProcess; output: () => string; closed: Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'eventwire-launcher-'));
  dirs.push(dataDir);
  const command = `node bin/eventwire.js run --data-dir ${dataDir} --demo-port ${await freePort()}`;
  const parent = spawn(
    process.execPath,
    [
      '-e',
      `require('node:child_process').spawn('sh', ['-c', ${JSON.stringify(command)}], { stdio: 'inherit' }); setInterval(() => {}, 1000);`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, npm_lifecycle_event: 'start' } },
  );
  let output = '';
  parent.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  parent.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  // The pipes close when the last process of the tree holding them has exited.
  const closed = new Promise<void>((resolve) => parent.stdout?.on('close', () => resolve()));
  return { parent, output: () => output, closed };
}

async function started(output: () => string): Promise<void> {
  for (let waited = 0; waited < 60_000 && !output().includes('demo news site:'); waited += 50)
    await new Promise((resolve) => setTimeout(resolve, 50));
}

async function within(ms: number, closed: Promise<void>): Promise<boolean> {
  return Promise.race([
    closed.then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms)),
  ]);
}

describe('the pipeline started the way npm start starts it', () => {
  it('stops cleanly when npm alone is killed, instead of running on as an orphan', async () => {
    const run = await npmStyleRun();
    await started(run.output);

    run.parent.kill('SIGKILL');
    const stopped = await within(20_000, run.closed);

    expect(stopped).toBe(true);
    expect(run.output()).toContain('eventwire run INTERRUPTED');
  }, 90_000);

  it('stops cleanly on one Ctrl-C to the whole process group, though the CLI hears it twice', async () => {
    const run = await npmStyleRun();
    await started(run.output);

    process.kill(-(run.parent.pid ?? 0), 'SIGINT');
    const stopped = await within(20_000, run.closed);
    run.parent.kill('SIGKILL');

    expect(stopped).toBe(true);
    expect(run.output()).toContain('stopping after the batches in flight');
    expect(run.output()).toContain('eventwire run INTERRUPTED');
  }, 90_000);
});

describe('output piped to a reader that stops early (`| head -1`)', () => {
  it('ends quietly with exit 0 and no stack trace', async () => {
    const child = spawn(
      process.execPath,
      [
        '--openssl-legacy-provider',
        '--import',
        'tsx',
        'src/cli/main.ts',
        'events',
        '--from',
        '2026-10-01',
        '--to',
        '2026-10-31',
        '--format',
        'jsonl',
        '--data-dir',
        dataDir,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const firstLine = await new Promise<string>((resolve) => {
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
        if (text.includes('\n')) {
          child.stdout.destroy();
          resolve(text.slice(0, text.indexOf('\n')));
        }
      });
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', (exit) => resolve(exit)));

    expect(JSON.parse(firstLine)).toHaveProperty('event_id');
    expect(code).toBe(0);
    expect(stderr).toBe('');
  }, 60_000);
});
