/**
 * Cold start of each Lambda bundle, the optional backfill's included: a fresh Node process loads the bundle (built
 * exactly as the CDK construct builds it) and runs a first invocation. Queue functions get an empty batch, the API
 * a GET /events against the local DynamoDB-compatible server, backfill-plan plans a prefix of the local S3 server
 * that holds a one-record WARC file, and backfill-worker works that file's range, reading and skipping its one
 * record (warcinfo): its counterpart of an empty batch. No request leaves 127.0.0.1. schedule-feeds is measured
 * up to its handler export only: its first invocation reads SSM, which has no local stand-in.
 * Last line: RESULT {"cold_start_ms": {...}}
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { build } from 'esbuild';
import { WARCRecord, WARCSerializer } from 'warcio';
import { BUNDLE, esbuildBuildOptions, shipPackages } from '../infra/bundling.js';
import { InfraConfigSchema } from '../infra/config.js';
import { ALL_FUNCTION_IDS, type AnyFunctionId, entryOf } from '../infra/functions.js';
import { fromRepoRoot } from '../infra/paths.js';
import { BACKFILL_ENV } from '../src/backfill/env.js';
import type { BackfillJob } from '../src/backfill/job.js';
import { startLocalStack } from '../src/local/stack.js';
import { createS3Client } from '../src/storage/clients.js';

const RUNS = 3;
const execFileAsync = promisify(execFile);

const outRoot = mkdtempSync(join(tmpdir(), 'eventwire-cold-'));
const dataDir = mkdtempSync(join(tmpdir(), 'eventwire-cold-data-'));
const stack = await startLocalStack(dataDir);
const config = stack.config();
const ARCHIVE_PREFIX = 'archives/';
const archive = await WARCSerializer.serialize(
  WARCRecord.createWARCInfo(
    { filename: 'cold-start.warc.gz', warcVersion: 'WARC/1.1' },
    { software: 'eventwire bench-cold-start' },
  ),
  { gzip: true },
);
const s3 = createS3Client(config);
await s3.send(
  new PutObjectCommand({ Bucket: config.bucket, Key: `${ARCHIVE_PREFIX}cold-start.warc.gz`, Body: archive }),
);
s3.destroy();
const job: BackfillJob = {
  bucket: config.bucket,
  prefix: ARCHIVE_PREFIX,
  from: '2017-01-01',
  to: '2017-01-31',
  language: null,
  outlets: null,
};

const FIRST_EVENT: Record<AnyFunctionId, unknown> = {
  'schedule-feeds': null,
  'fetch-feed': { Records: [] },
  'fetch-article': { Records: [] },
  'code-events': { Records: [] },
  'publish-changes': { Records: [] },
  api: { httpMethod: 'GET', path: '/events', queryStringParameters: { from: '2026-10-01', to: '2026-10-31' } },
  'backfill-plan': { job, execution: 'cold-start' },
  'backfill-worker': {
    job,
    range: { key: `${ARCHIVE_PREFIX}cold-start.warc.gz`, start: 0, end: archive.length, aligned: true },
  },
};
const env = {
  ...process.env,
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'S3RVER',
  AWS_SECRET_ACCESS_KEY: 'S3RVER',
  AWS_ENDPOINT_URL_DYNAMODB: stack.endpoints.dynamodb,
  AWS_ENDPOINT_URL_S3: stack.endpoints.s3,
  AWS_ENDPOINT_URL_SQS: 'http://127.0.0.1:9',
  AWS_ENDPOINT_URL_EVENTBRIDGE: 'http://127.0.0.1:9',
  AWS_ENDPOINT_URL_SSM: 'http://127.0.0.1:9',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  POWERTOOLS_TRACE_ENABLED: 'false',
  POWERTOOLS_DEV: 'false',
  POWERTOOLS_LOG_LEVEL: 'ERROR',
  EVENTWIRE_BUCKET: config.bucket,
  EVENTWIRE_FEEDS_TABLE: config.tables.feeds,
  EVENTWIRE_ARTICLES_TABLE: config.tables.articles,
  EVENTWIRE_EVENTS_TABLE: config.tables.events,
  EVENTWIRE_STATE_TABLE: config.tables.state,
  EVENTWIRE_FEED_QUEUE_URL: 'http://127.0.0.1:9/q/feed',
  EVENTWIRE_ARTICLE_QUEUE_URL: 'http://127.0.0.1:9/q/article',
  EVENTWIRE_CODE_QUEUE_URL: 'http://127.0.0.1:9/q/code',
  EVENTWIRE_EVENT_BUS_NAME: 'eventwire-local',
  EVENTWIRE_FEED_LIST_PARAMETER: '/eventwire/feeds',
  // The backfill plan writes its plan beside the archive, in the local bucket.
  [BACKFILL_ENV.resultsBucket]: config.bucket,
  [BACKFILL_ENV.source]: `${config.bucket}/${ARCHIVE_PREFIX}`,
  [BACKFILL_ENV.rangeBytes]: String(InfraConfigSchema.parse({}).backfillRangeMb * 1024 * 1024),
};
/** What the handlers read of a Lambda context: the backfill worker budgets its invocation by it. */
const CONTEXT = '{ getRemainingTimeInMillis: () => 900000 }';

const coldStartMs: Record<string, number> = {};
console.log('function          cold start (median of 3: load + first invocation)');
for (const id of ALL_FUNCTION_IDS) {
  const outdir = join(outRoot, id);
  await build(esbuildBuildOptions(fromRepoRoot(entryOf(id)), outdir, id));
  shipPackages(id, fromRepoRoot('.'), outdir);
  const bundle = pathToFileURL(join(outdir, BUNDLE.outFile)).href;
  const script = `const t0 = performance.now(); const m = await import(${JSON.stringify(bundle)}); const e = ${JSON.stringify(FIRST_EVENT[id])};
    if (e !== null) await m.handler(e, ${CONTEXT}); console.log('COLD ' + (performance.now() - t0).toFixed(1));`;
  const runs: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    // Asynchronous on purpose: the local servers run in this process and must keep answering the child.
    const child = await execFileAsync(process.execPath, ['--input-type=module', '-e', script], {
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    const line = child.stdout.split('\n').find((l) => l.startsWith('COLD '));
    if (!line) throw new Error(`${id}: cold start run failed: ${child.stderr.slice(0, 500)}`);
    runs.push(Number(line.slice(5)));
  }
  const median = runs.sort((a, b) => a - b)[1] ?? 0;
  coldStartMs[id] = Math.round(median);
  console.log(`${id.padEnd(17)} ${median.toFixed(0).padStart(6)} ms${id === 'schedule-feeds' ? '  (load only)' : ''}`);
}
await stack.close();
rmSync(outRoot, { recursive: true, force: true });
rmSync(dataDir, { recursive: true, force: true });
console.log(`RESULT ${JSON.stringify({ cold_start_ms: coldStartMs })}`);
