import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  DescribeExecutionCommand,
  DescribeMapRunCommand,
  ListMapRunsCommand,
  ListStateMachinesCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { emptyTally } from '../../../src/backfill/ingest.js';
import type { WorkerOutput } from '../../../src/backfill/job.js';
import { UsageError } from '../../../src/cli/args.js';
import { type AwsBackfillRequest, runAwsBackfill } from '../../../src/cli/backfill-aws.js';

const sfn = mockClient(SFNClient);
const s3 = mockClient(S3Client);
const MACHINE = 'arn:aws:states:us-east-1:111122223333:stateMachine:Eventwire-backfill';
const EXECUTION = 'arn:aws:states:us-east-1:111122223333:execution:Eventwire-backfill:b1';
const MAP_RUN = 'arn:aws:states:us-east-1:111122223333:mapRun:Eventwire-backfill/Ranges:r1';

const request: AwsBackfillRequest = {
  source: 's3://commoncrawl/crawl-data/CC-NEWS/2017/01/',
  from: '2017-01-01',
  to: '2017-01-31',
  language: 'en',
  outlets: [{ name: 'Example News', domain: 'example.org' }],
  stateMachine: undefined,
  stack: 'Eventwire',
  region: undefined,
};

/** An S3 object body as the SDK hands it over: only the reader the command uses. */
function body(value: unknown): never {
  return { transformToString: async () => JSON.stringify(value) } as never;
}

function childOutput(records: number, events: number): string {
  const tally = { ...emptyTally(), records, fetched: records - 2, known: 2 };
  tally.skipped['not-html'] = 0;
  const output: WorkerOutput = {
    job: {
      bucket: 'commoncrawl',
      prefix: 'crawl-data/CC-NEWS/2017/01/',
      from: '2017-01-01',
      to: '2017-01-31',
      language: 'en',
      outlets: null,
    },
    range: { key: 'crawl-data/CC-NEWS/2017/01/a.warc.gz', start: 0, end: 100, aligned: true },
    done: true,
    result: {
      invocations: 1,
      tally,
      stored: records - 2,
      coded: records - 4,
      events,
      failed: 0,
      handed_to_code_queue: 0,
      elapsed_ms: 1000,
    },
  };
  return JSON.stringify(output);
}

function follow(lines: string[]) {
  return {
    sfn: new SFNClient({ region: 'us-east-1' }),
    s3: new S3Client({ region: 'us-east-1' }),
    out: (line: string) => void lines.push(line),
    sleep: async () => undefined,
    stopped: new Promise<void>(() => undefined),
  };
}

beforeEach(() => {
  sfn.reset();
  s3.reset();
  sfn.on(ListStateMachinesCommand).resolves({
    stateMachines: [
      { name: 'Eventwire-backfill', stateMachineArn: MACHINE, type: 'STANDARD', creationDate: new Date() },
    ],
  });
  sfn.on(StartExecutionCommand).resolves({ executionArn: EXECUTION, startDate: new Date() });
  sfn.on(ListMapRunsCommand).resolves({
    mapRuns: [{ mapRunArn: MAP_RUN, executionArn: EXECUTION, stateMachineArn: MACHINE, startDate: new Date() }],
  });
  sfn
    .on(DescribeMapRunCommand)
    .resolvesOnce({
      itemCounts: {
        total: 3,
        running: 2,
        succeeded: 1,
        failed: 0,
        pending: 0,
        timedOut: 0,
        aborted: 0,
        resultsWritten: 1,
      },
    } as never)
    .resolves({
      itemCounts: {
        total: 3,
        running: 0,
        succeeded: 2,
        failed: 1,
        pending: 0,
        timedOut: 0,
        aborted: 0,
        resultsWritten: 3,
      },
    } as never);
});

describe('eventwire backfill --s3', () => {
  it('starts the stack’s backfill state machine with the job, follows the map run and sums the results in S3', async () => {
    sfn
      .on(DescribeExecutionCommand)
      .resolvesOnce({ status: 'RUNNING' } as never)
      .resolves({
        status: 'SUCCEEDED',
        output: JSON.stringify({
          plan: { bucket: 'results', key: 'plans/b1.json', files: 2, ranges: 3 },
          results: { ResultWriterDetails: { Bucket: 'results', Key: 'results/r1/manifest.json' } },
        }),
      } as never);
    s3.on(GetObjectCommand, { Key: 'results/r1/manifest.json' }).resolves({
      Body: body({
        DestinationBucket: 'results',
        ResultFiles: {
          SUCCEEDED: [{ Key: 'results/r1/SUCCEEDED_0.json' }],
          FAILED: [{ Key: 'results/r1/FAILED_0.json' }],
        },
      }),
    });
    s3.on(GetObjectCommand, { Key: 'results/r1/SUCCEEDED_0.json' }).resolves({
      Body: body([{ Output: childOutput(100, 40) }, { Output: childOutput(50, 10) }]),
    });
    s3.on(GetObjectCommand, { Key: 'results/r1/FAILED_0.json' }).resolves({
      Body: body([
        { Input: '{"range":{"key":"c.warc.gz"}}', Error: 'ArchiveReadError', Cause: 'unreadable WARC record' },
      ]),
    });
    const lines: string[] = [];

    const code = await runAwsBackfill(request, follow(lines));

    const start = sfn.commandCalls(StartExecutionCommand)[0]?.args[0].input;
    expect(code).toBe(0);
    expect(start?.stateMachineArn).toBe(MACHINE);
    expect(JSON.parse(start?.input ?? '{}')).toEqual({
      bucket: 'commoncrawl',
      prefix: 'crawl-data/CC-NEWS/2017/01/',
      from: '2017-01-01',
      to: '2017-01-31',
      language: 'en',
      outlets: [{ name: 'Example News', domain: 'example.org' }],
    });
    expect(lines).toContain('  running: 1 of 3 ranges done, 2 running, 0 failed');
    expect(lines).toContain('backfill succeeded: 2 WARC files in 3 ranges');
    expect(lines.join('\n')).toContain('records  150 read, 146 pages to the stages, 4 known');
    expect(lines.join('\n')).toContain('coded    142 articles, 50 new events');
    expect(lines.join('\n')).toMatch(/failed +.*c\.warc\.gz.*ArchiveReadError unreadable WARC record/);
  });

  it('uses the state machine it is given and exits 1 when the execution fails', async () => {
    sfn.on(DescribeExecutionCommand).resolves({ status: 'FAILED', cause: 'SourceNotAllowedError' } as never);
    const lines: string[] = [];

    const code = await runAwsBackfill({ ...request, stateMachine: `${MACHINE}-other` }, follow(lines));

    expect(code).toBe(1);
    expect(sfn.commandCalls(ListStateMachinesCommand)).toHaveLength(0);
    expect(sfn.commandCalls(StartExecutionCommand)[0]?.args[0].input.stateMachineArn).toBe(`${MACHINE}-other`);
    expect(lines.at(-1)).toBe('backfill failed: SourceNotAllowedError');
  });

  it('is a usage error when the stack has no backfill deployed, or the source is no s3:// URL', async () => {
    sfn.on(ListStateMachinesCommand).resolves({ stateMachines: [] });

    await expect(runAwsBackfill(request, follow([]))).rejects.toThrow(UsageError);
    await expect(runAwsBackfill({ ...request, source: 'commoncrawl/x' }, follow([]))).rejects.toThrow(/s3:\/\/bucket/);
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(0);
  });
});
