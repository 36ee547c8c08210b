import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  DescribeExecutionCommand,
  DescribeMapRunCommand,
  ListMapRunsCommand,
  ListStateMachinesCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { z } from 'zod';
import { SKIP_REASONS } from '../backfill/archive-records.js';
import { addTally, emptyTally, type IngestTally } from '../backfill/ingest.js';
import { type BackfillJob, BackfillJobSchema, WorkerOutputSchema } from '../backfill/job.js';
import type { OutletList } from '../backfill/outlets.js';
import { UsageError } from './args.js';
import { untilStopRequested } from './signals.js';

export interface AwsBackfillRequest {
  /** s3://bucket/prefix/ of the WARC files. */
  source: string;
  from: string;
  to: string;
  language: string | null;
  outlets: OutletList | null;
  stateMachine: string | undefined;
  stack: string;
  region: string | undefined;
}

/** What following an execution needs: the clients, where to write, how to wait (tests give their own). */
export interface FollowDeps {
  sfn: SFNClient;
  s3: S3Client;
  out: (line: string) => void;
  sleep: (ms: number) => Promise<void>;
  /** Resolves when the user asks to stop following (Ctrl-C); the execution goes on in AWS. */
  stopped: Promise<void>;
  pollMs?: number;
}

/** Step Functions limits an execution's input to 256 KiB; the job is passed whole to every child. */
const MAX_INPUT_BYTES = 200 * 1024;
const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED']);

/** `eventwire backfill --s3`: starts the deployed backfill state machine with the user's credentials and follows it. */
export async function startAwsBackfill(request: AwsBackfillRequest): Promise<number> {
  const sfn = new SFNClient(request.region ? { region: request.region } : {});
  const s3 = new S3Client(request.region ? { region: request.region } : {});
  try {
    return await runAwsBackfill(request, {
      sfn,
      s3,
      out: (line) => process.stdout.write(`${line}\n`),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      stopped: untilStopRequested(),
    });
  } finally {
    sfn.destroy();
    s3.destroy();
  }
}

/** Starts one execution over the prefix and reports its map run until it ends; exit code 0 when it succeeded. */
export async function runAwsBackfill(request: AwsBackfillRequest, deps: FollowDeps): Promise<number> {
  const job = jobOf(request);
  const input = JSON.stringify(job);
  if (Buffer.byteLength(input) > MAX_INPUT_BYTES)
    throw new UsageError(
      `the outlet list makes the execution input over ${MAX_INPUT_BYTES / 1024} KiB: list fewer outlets, or domains rather than prefixes`,
    );
  const stateMachineArn = request.stateMachine ?? (await findStateMachine(deps.sfn, request.stack));
  const started = await deps.sfn.send(
    new StartExecutionCommand({
      stateMachineArn,
      name: `backfill-${request.from}-${request.to}-${Date.now()}`,
      input,
    }),
  );
  const executionArn = started.executionArn ?? '';
  deps.out(`started ${executionArn}`);
  deps.out(
    `  source s3://${job.bucket}/${job.prefix} from ${job.from} to ${job.to}${job.language ? `, language ${job.language}` : ''}${job.outlets ? `, ${job.outlets.length} outlets` : ''}`,
  );
  return follow(executionArn, deps);
}

function jobOf(request: AwsBackfillRequest): BackfillJob {
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])\/(.*)$/.exec(request.source);
  if (!match) throw new UsageError(`--s3 must be s3://bucket/prefix/, got "${request.source}"`);
  return BackfillJobSchema.parse({
    bucket: match[1],
    prefix: match[2] ?? '',
    from: request.from,
    to: request.to,
    language: request.language,
    outlets: request.outlets,
  });
}

async function findStateMachine(sfn: SFNClient, stack: string): Promise<string> {
  const wanted = `${stack}-backfill`;
  let nextToken: string | undefined;
  do {
    const page = await sfn.send(new ListStateMachinesCommand({ ...(nextToken ? { nextToken } : {}) }));
    const found = page.stateMachines?.find((machine) => machine.name === wanted);
    if (found?.stateMachineArn) return found.stateMachineArn;
    nextToken = page.nextToken;
  } while (nextToken);
  throw new UsageError(
    `no state machine named ${wanted}: deploy with -c backfill=true, or name it with --state-machine ARN`,
  );
}

async function follow(executionArn: string, deps: FollowDeps): Promise<number> {
  let stop = false;
  void deps.stopped.then(() => {
    stop = true;
  });
  let last = '';
  for (;;) {
    const execution = await deps.sfn.send(new DescribeExecutionCommand({ executionArn }));
    const status = execution.status ?? 'UNKNOWN';
    const progress = await mapRunProgress(deps.sfn, executionArn);
    const line = `${status.toLowerCase()}${progress ? `: ${progress}` : ''}`;
    if (line !== last) deps.out(`  ${line}`);
    last = line;
    if (TERMINAL.has(status)) return finish(status, execution.output, execution.cause, deps);
    if (stop) {
      deps.out(
        `stopped following; the backfill goes on in AWS: aws stepfunctions describe-execution --execution-arn ${executionArn}`,
      );
      return 130;
    }
    await Promise.race([deps.sleep(deps.pollMs ?? 10_000), deps.stopped]);
  }
}

async function mapRunProgress(sfn: SFNClient, executionArn: string): Promise<string | null> {
  const runs = await sfn.send(new ListMapRunsCommand({ executionArn }));
  const mapRunArn = runs.mapRuns?.[0]?.mapRunArn;
  if (!mapRunArn) return null;
  const run = await sfn.send(new DescribeMapRunCommand({ mapRunArn }));
  const items = run.itemCounts;
  if (!items) return null;
  return `${items.succeeded ?? 0} of ${items.total ?? 0} ranges done, ${items.running ?? 0} running, ${items.failed ?? 0} failed${items.timedOut ? `, ${items.timedOut} timed out` : ''}`;
}

const ManifestSchema = z.object({
  DestinationBucket: z.string(),
  ResultFiles: z.object({
    SUCCEEDED: z.array(z.object({ Key: z.string() })).default([]),
    FAILED: z.array(z.object({ Key: z.string() })).default([]),
  }),
});
const ChildSchema = z.object({
  Input: z.string().optional(),
  Output: z.string().optional(),
  Error: z.string().optional(),
  Cause: z.string().optional(),
});
const OutputSchema = z.object({
  plan: z.object({ files: z.number(), ranges: z.number() }),
  results: z.object({ ResultWriterDetails: z.object({ Bucket: z.string(), Key: z.string() }) }),
});

/** Sums the ranges' results that ResultWriter put in S3 and names the ranges that failed after their retries. */
async function finish(
  status: string,
  output: string | undefined,
  cause: string | undefined,
  deps: FollowDeps,
): Promise<number> {
  const parsed = OutputSchema.safeParse(output ? JSON.parse(output) : null);
  if (!parsed.success) {
    deps.out(`backfill ${status.toLowerCase()}${cause ? `: ${cause}` : ''}`);
    return status === 'SUCCEEDED' ? 0 : 1;
  }
  const { plan, results } = parsed.data;
  const manifest = ManifestSchema.parse(
    await getJson(deps.s3, results.ResultWriterDetails.Bucket, results.ResultWriterDetails.Key),
  );
  const tally = emptyTally();
  const events = { articles: 0, events: 0 };
  for (const file of manifest.ResultFiles.SUCCEEDED)
    for (const child of z.array(ChildSchema).parse(await getJson(deps.s3, manifest.DestinationBucket, file.Key))) {
      const output = WorkerOutputSchema.safeParse(child.Output ? JSON.parse(child.Output) : null);
      if (!output.success) continue;
      addTally(tally, output.data.result.tally);
      events.articles += output.data.result.coded;
      events.events += output.data.result.events;
    }
  const failed: string[] = [];
  for (const file of manifest.ResultFiles.FAILED)
    for (const child of z.array(ChildSchema).parse(await getJson(deps.s3, manifest.DestinationBucket, file.Key)))
      failed.push(`${child.Input ?? '?'}: ${child.Error ?? 'failed'} ${child.Cause ?? ''}`.trim());
  deps.out(`backfill ${status.toLowerCase()}: ${plan.files} WARC files in ${plan.ranges} ranges`);
  deps.out(summaryLine(tally, events));
  deps.out(`  results  s3://${manifest.DestinationBucket}/${results.ResultWriterDetails.Key}`);
  for (const line of failed.slice(0, 20)) deps.out(`  failed   ${line}`);
  return status === 'SUCCEEDED' ? 0 : 1;
}

function summaryLine(tally: IngestTally, coded: { articles: number; events: number }): string {
  const skipped = SKIP_REASONS.filter((reason) => tally.skipped[reason] > 0)
    .map((reason) => `${tally.skipped[reason]} ${reason}`)
    .join(', ');
  return `  records  ${tally.records} read, ${tally.fetched} pages to the stages, ${tally.known} known${skipped ? `, skipped: ${skipped}` : ''}\n  coded    ${coded.articles} articles, ${coded.events} new events`;
}

async function getJson(s3: S3Client, bucket: string, key: string): Promise<unknown> {
  const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return JSON.parse((await object.Body?.transformToString()) ?? 'null');
}
