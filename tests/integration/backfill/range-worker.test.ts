import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordDemoArchive } from '../../../src/backfill/demo-warc.js';
import { addTally, emptyTally } from '../../../src/backfill/ingest.js';
import type { BackfillJob, ByteRange, WorkerOutput } from '../../../src/backfill/job.js';
import { parseOutletList } from '../../../src/backfill/outlets.js';
import { planJob } from '../../../src/backfill/plan-job.js';
import { runRange } from '../../../src/backfill/range-worker.js';
import { createEventCoder } from '../../../src/coder/index.js';
import type { CodeMessage } from '../../../src/queue/messages.js';
import { silentObserver } from '../../../src/stages/index.js';
import { startTestStack, type TestStack } from '../../helpers/local-stack.js';
import { freePort } from '../reliability/support/cli-run.js';

let env: TestStack;
let job: BackfillJob;
let archiveSize: number;
const coder = createEventCoder();
const handedOn: CodeMessage[] = [];

async function runToEnd(range: ByteRange, remainingMs: () => number): Promise<WorkerOutput[]> {
  const outputs: WorkerOutput[] = [];
  let input: { job: BackfillJob; range: ByteRange; result?: WorkerOutput['result'] } = { job, range };
  for (;;) {
    const output = await runRange(input, {
      platform: {
        config: env.config,
        doc: env.clients.doc,
        s3: env.clients.s3,
        observer: silentObserver,
        clock: () => new Date(),
      },
      coder: () => coder,
      s3: env.clients.s3,
      codeQueue: { send: async (messages) => void handedOn.push(...messages) },
      remainingMs,
    });
    outputs.push(output);
    if (output.done) return outputs;
    input = output;
  }
}

beforeAll(async () => {
  env = await startTestStack();
  const archive = await recordDemoArchive(
    await freePort(),
    join(env.dataDir, 'demo', 'demo.warc.gz'),
    join(env.dataDir, 'demo', 'outlets.json'),
  );
  const bytes = await readFile(archive.warc);
  archiveSize = bytes.length;
  await env.clients.s3.send(
    new PutObjectCommand({ Bucket: env.config.bucket, Key: 'archives/2026/demo.warc.gz', Body: bytes }),
  );
  job = {
    bucket: env.config.bucket,
    prefix: 'archives/',
    from: '2026-09-01',
    to: '2026-12-31',
    language: null,
    outlets: parseOutletList(await readFile(archive.outlets, 'utf8'), archive.outlets),
  };
}, 120_000);
afterAll(async () => env.close());

describe('the backfill worker on byte ranges of a WARC file in S3', () => {
  let plan: Awaited<ReturnType<typeof planJob>>;
  let ranges: ByteRange[];

  it('plans ranges of the file and writes them where the Distributed Map reads them', async () => {
    plan = await planJob(job, 'test-execution', {
      s3: env.clients.s3,
      resultsBucket: env.config.bucket,
      allowedSource: `${env.config.bucket}/archives/`,
      rangeBytes: 20_000,
    });
    const object = await env.clients.s3.send(new GetObjectCommand({ Bucket: plan.bucket, Key: plan.key }));
    ranges = JSON.parse((await object.Body?.transformToString()) ?? '[]') as ByteRange[];

    expect(plan).toMatchObject({ files: 1, ranges: Math.ceil(archiveSize / 20_000) });
    expect(ranges.length).toBeGreaterThan(3);
    expect(ranges.filter((range) => range.aligned)).toHaveLength(1);
  });

  it('takes every record of the file once across the ranges, each range from its first record on', async () => {
    const tally = emptyTally();
    let events = 0;
    let stored = 0;
    for (const range of ranges) {
      const outputs = await runToEnd(range, () => 15 * 60_000);
      const last = outputs.at(-1);
      if (last) {
        addTally(tally, last.result.tally);
        events += last.result.events;
        stored += last.result.stored;
      }
    }

    expect(tally.records).toBe(91);
    expect(tally.fetched).toBe(38);
    expect(stored).toBe(38);
    expect(events).toBeGreaterThanOrEqual(190);
  }, 120_000);

  it('hands the rest of its range to a next invocation when time runs short, doing nothing twice', async () => {
    const outputs = await runToEnd(
      { key: 'archives/2026/demo.warc.gz', start: 0, end: archiveSize, aligned: true },
      () => 60_000,
    );
    const last = outputs.at(-1);

    expect(outputs.length).toBeGreaterThan(1);
    expect(outputs.slice(0, -1).every((output) => !output.done && output.range.aligned)).toBe(true);
    expect(last?.result.tally.records).toBe(91);
    expect(last?.result.tally.known).toBe(38);
    expect(last?.result.stored).toBe(0);
    expect(last?.result.invocations).toBe(outputs.length);
  }, 120_000);

  it('refuses a job outside the archives the deployment may read', async () => {
    await expect(
      planJob({ ...job, prefix: 'raw/' }, 'x', {
        s3: env.clients.s3,
        resultsBucket: env.config.bucket,
        allowedSource: `${env.config.bucket}/archives/`,
        rangeBytes: 20_000,
      }),
    ).rejects.toThrow(/not under/);
  });
});
