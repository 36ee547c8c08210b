// Archive backfill: WARC records per second through extract + code on one core, the worker path (the Lambda's
// runRange on the local stack, storage included) and the cost per million archived articles through the deployed
// Distributed Map path. Reads the extraction dev pages in ../shared (real news pages) into a WARC written with
// warcio. Usage: npx tsx scripts/bench-backfill.ts
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { WARCRecord, WARCSerializer } from 'warcio';
import { z } from 'zod';
import { InfraConfigSchema } from '../infra/config.js';
import { archiveEntries } from '../src/backfill/archive-records.js';
import { recordDemoArchive } from '../src/backfill/demo-warc.js';
import { outletMatcher } from '../src/backfill/outlets.js';
import { runRange } from '../src/backfill/range-worker.js';
import { freeLoopbackPort } from '../src/cli/free-port.js';
import { createEventCoder } from '../src/coder/index.js';
import { defaultCorpusDir, loadBenchmarkPages } from '../src/extract/eval/corpus.js';
import { extractArticle, loadLanguageDetector } from '../src/extract/index.js';
import { decodeBody } from '../src/feeds/index.js';
import { startLocalStack } from '../src/local/stack.js';
import { silentObserver } from '../src/stages/index.js';
import { createAwsClients } from '../src/storage/clients.js';
import { TABLES } from '../src/storage/table-design.js';
import { meterDynamo } from './lib/dynamo-meter.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const Pricing = z.object({
  lambda: z.object({ arm64GbSecond: z.number(), requestsPerMillion: z.number() }),
  s3: z.object({ putPer1000: z.number(), getPer1000: z.number() }),
  dynamodb: z.object({ writeRequestUnitsPerMillion: z.number(), readRequestUnitsPerMillion: z.number() }),
  eventbridge: z.object({ customEventsPerMillion: z.number() }),
  cloudwatch: z.object({ logsIngestedPerGb: z.number() }),
  xray: z.object({ tracesRecordedPerMillion: z.number() }),
  stepfunctions: z.object({ standardStateTransitionsPer1000: z.number() }),
  asOf: z.string(),
});
const DEPLOYED = InfraConfigSchema.parse({});
/** CC-NEWS density: a 1 GB WARC file holds 30,000-40,000 records; the worst case is taken. */
const RECORDS_PER_GB = 40_000;
/** Share of a CC-NEWS month's records that pass the outlet and language filters (an assumption, see README). */
const KEPT_SHARE = 0.25;
/** Transitions of one child: Work, RangeDone?, RangeDone; each further invocation of a range adds Work and the choice. */
const CHILD_TRANSITIONS = 3;
/** Log bytes per worker invocation (platform lines, two Powertools lines with the result, metrics). */
const LOG_BYTES_PER_INVOCATION = 3_000;

/** The dev pages as one gzipped WARC, one response record each (request records would double the count). */
async function pagesWarc(path: string): Promise<number> {
  const pages = loadBenchmarkPages(defaultCorpusDir(repoRoot));
  const chunks: Uint8Array[] = [];
  for (const [i, page] of pages.entries()) {
    const record = WARCRecord.create(
      {
        url: /^https?:/.test(page.url) ? page.url : `https://news-${i}.example.org/article/${page.id}`,
        date: '2017-01-15T10:00:00Z',
        type: 'response',
        warcVersion: 'WARC/1.1',
        httpHeaders: [['Content-Type', 'text/html; charset=utf-8']],
      },
      [Buffer.from(page.html)],
    );
    chunks.push(await WARCSerializer.serialize(record, { gzip: true }));
  }
  await writeFile(path, Buffer.concat(chunks));
  return pages.length;
}

const FILTER = { from: null, to: null, language: null, outlet: outletMatcher(null), maxBytes: 5 * 1024 * 1024 };

async function* fileChunks(path: string): AsyncGenerator<Uint8Array> {
  const bytes = await readFile(path);
  for (let at = 0; at < bytes.length; at += 65_536) yield bytes.subarray(at, at + 65_536);
}

/** Read + extract + code on this thread, as fetch-article and code-events do it, without storage. */
async function cpuPass(
  path: string,
  coder: ReturnType<typeof createEventCoder>,
): Promise<{ ms: number; cpuMs: number; records: number; coded: number }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  let records = 0;
  let coded = 0;
  for await (const entry of archiveEntries(fileChunks(path), FILTER)) {
    records += 1;
    if (!('page' in entry)) continue;
    const { text: html } = decodeBody(entry.page.body, entry.page.headers['content-type'] ?? null, 'html');
    const article = extractArticle(html, { url: entry.page.url, feedPublished: entry.page.date });
    if ((article.language ?? 'en') !== 'en' || article.wordCount < 40) continue;
    coder.code({ text: article.text, date: (article.published ?? '2017-01-15').slice(0, 10) });
    coded += 1;
  }
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, records, coded };
}

async function readPass(path: string): Promise<number> {
  const started = performance.now();
  for await (const entry of archiveEntries(fileChunks(path), FILTER)) if ('page' in entry) void entry.page.body.length;
  return performance.now() - started;
}

async function main(): Promise<void> {
  const pricing = Pricing.parse(JSON.parse(await readFile(join(repoRoot, 'data/pricing/us-east-1.json'), 'utf8')));
  const dir = await mkdtemp(join(tmpdir(), 'eventwire-bench-backfill-'));
  const warc = join(dir, 'pages.warc.gz');
  const pages = await pagesWarc(warc);
  const coder = createEventCoder();
  await loadLanguageDetector().catch(() => undefined);
  await cpuPass(warc, coder); // warm-up: JIT, dictionaries
  const rounds = 3;
  let wallMs = 0;
  let cpuMs = 0;
  let coded = 0;
  for (let r = 0; r < rounds; r += 1) {
    const pass = await cpuPass(warc, coder);
    wallMs += pass.ms;
    cpuMs += pass.cpuMs;
    coded = pass.coded;
  }
  // Per second of this process's CPU time: one core's worth, whatever else the machine is running.
  const cpuRate = (pages * rounds) / (cpuMs / 1000);
  const wallRate = (pages * rounds) / (wallMs / 1000);
  const demo = await recordDemoArchive(await freeLoopbackPort(), join(dir, 'demo.warc.gz'), join(dir, 'outlets.json'));
  await cpuPass(demo.warc, coder);
  const demoPass = await cpuPass(demo.warc, coder);
  const demoRate = demo.responses.pages / (demoPass.cpuMs / 1000);
  const readMsPerRecord = (await readPass(warc)) / pages;
  const archiveBytes = (await readFile(warc)).length;

  const stack = await startLocalStack(join(dir, 'stack'));
  const config = stack.config();
  const clients = createAwsClients(config);
  const s3 = { put: 0, get: 0, rangeGet: 0 };
  clients.s3.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { Range?: string };
      if (context.commandName === 'PutObjectCommand') s3.put += 1;
      if (context.commandName === 'GetObjectCommand') {
        if (input.Range) s3.rangeGet += 1;
        else s3.get += 1;
      }
      return next(args);
    },
    { step: 'initialize', name: 'backfillBenchS3' },
  );
  await clients.s3.send(
    new PutObjectCommand({ Bucket: config.bucket, Key: 'archives/pages.warc.gz', Body: await readFile(warc) }),
  );
  s3.put = 0;
  const dynamo = meterDynamo(
    clients.dynamo,
    config.endpoints.dynamodb ?? '',
    new Map(TABLES.map((design) => [config.tables[design.id], design])),
    config.tables.events,
  );
  const started = performance.now();
  const output = await runRange(
    {
      job: {
        bucket: config.bucket,
        prefix: 'archives/',
        from: '2017-01-01',
        to: '2017-01-31',
        language: null,
        outlets: null,
      },
      range: { key: 'archives/pages.warc.gz', start: 0, end: archiveBytes, aligned: true },
    },
    {
      platform: { config, doc: clients.doc, s3: clients.s3, observer: silentObserver, clock: () => new Date() },
      coder: () => coder,
      s3: clients.s3,
      codeQueue: { send: async () => undefined },
      remainingMs: () => 15 * 60_000,
    },
  );
  const workerMs = performance.now() - started;
  const workerRate = pages / (workerMs / 1000);
  const articles = output.result.stored;
  clients.s3.destroy();
  clients.dynamo.destroy();
  await stack.close();
  await rm(dir, { recursive: true, force: true });

  // One child's work: a range of backfillRangeMb at the densest CC-NEWS, every record kept (the worst case).
  const rangeRecords = (DEPLOYED.backfillRangeMb / 1024) * RECORDS_PER_GB;
  const childMinutes = rangeRecords / workerRate / 60;
  const workerGb = DEPLOYED.backfillWorkerMemoryMb / 1024;
  // Per million archived articles with KEPT_SHARE of records kept: the skipped ones cost a read each.
  const recordsPerMillion = 1e6 / KEPT_SHARE;
  const ranges = recordsPerMillion / rangeRecords;
  const invocations = ranges * Math.max(1, Math.ceil((rangeRecords * KEPT_SHARE) / workerRate / 600));
  const lambdaSeconds = 1e6 / workerRate + ((recordsPerMillion - 1e6) * readMsPerRecord) / 1000;
  const per = (n: number): number => (n / articles) * 1e6;
  const costs = {
    lambda:
      lambdaSeconds * workerGb * pricing.lambda.arm64GbSecond + (invocations * pricing.lambda.requestsPerMillion) / 1e6,
    stepfunctions:
      ((ranges * CHILD_TRANSITIONS + invocations * 2 + 4) * pricing.stepfunctions.standardStateTransitionsPer1000) /
      1000,
    s3_archive_gets: (invocations * pricing.s3.getPer1000) / 1000,
    s3_stages: (per(s3.put) * pricing.s3.putPer1000 + per(s3.get) * pricing.s3.getPer1000) / 1000,
    dynamodb:
      (per(dynamo.tableWru + dynamo.indexWru) * pricing.dynamodb.writeRequestUnitsPerMillion +
        per(dynamo.rru) * pricing.dynamodb.readRequestUnitsPerMillion) /
      1e6,
    eventbridge: (per(dynamo.busEvents) * pricing.eventbridge.customEventsPerMillion) / 1e6,
    logs_xray:
      ((invocations * LOG_BYTES_PER_INVOCATION) / 1024 ** 3) * pricing.cloudwatch.logsIngestedPerGb +
      (invocations * 0.05 * pricing.xray.tracesRecordedPerMillion) / 1e6,
  };
  const total = Object.values(costs).reduce((sum, usd) => sum + usd, 0);
  const lines = [
    `archive: ${pages} real news pages (../shared/eval/extraction) as one WARC (${(archiveBytes / 1024).toFixed(0)} KB gzipped), ${coded} of them coded`,
    `extract + code, one core (warm, ${rounds} rounds): ${cpuRate.toFixed(1)} records per CPU second (required >= 40); ${wallRate.toFixed(1)} per wall second with load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores; reading a record that is skipped: ${readMsPerRecord.toFixed(2)} ms`,
    `the demo site's archive (${demo.responses.pages} pages, ${demoPass.records} records in all): ${demoRate.toFixed(1)} pages per CPU second`,
    `worker path (runRange: read, discover, fetch-article, code-events, local S3 and DynamoDB on this machine): ${workerRate.toFixed(1)} records/s, ${articles} articles stored`,
    `one child: a ${DEPLOYED.backfillRangeMb} MB range holds at most ${rangeRecords.toFixed(0)} records (${RECORDS_PER_GB} per GB); all kept, ${rangeRecords.toFixed(0)} / ${workerRate.toFixed(1)} per s = ${childMinutes.toFixed(1)} min (< 10 required; an invocation also stops taking records with 5 of its 15 minutes left)`,
    `cost per million archived articles (${KEPT_SHARE * 100}% of records kept by the outlet and language filters, ${DEPLOYED.backfillRangeMb} MB ranges, worker ${DEPLOYED.backfillWorkerMemoryMb} MB, prices ${pricing.asOf}):`,
    ...Object.entries(costs).map(([item, usd]) => `  ${item.padEnd(16)} ${usd.toFixed(2).padStart(8)} USD`),
    `  ${'total'.padEnd(16)} ${total.toFixed(2).padStart(8)} USD`,
    `  per article: ${(s3.put / articles).toFixed(2)} S3 PUT, ${(s3.get / articles).toFixed(2)} GET; ${((dynamo.tableWru + dynamo.indexWru) / articles).toFixed(1)} DynamoDB write units, ${(dynamo.rru / articles).toFixed(1)} read units; ${(dynamo.busEvents / articles).toFixed(1)} bus events; ${((lambdaSeconds / 1e6) * workerGb).toFixed(3)} Lambda GB-s (worker wall time, local servers included)`,
    `  assumptions: ${RECORDS_PER_GB} records per GB; ${KEPT_SHARE * 100}% kept; the worker's measured wall time per article is billed (here it includes the local S3 and DynamoDB servers on the same cores); skipped records cost their read; ${CHILD_TRANSITIONS} state transitions per range; one archive GET per invocation; bus events are the events stream's, as in a live run`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const round = (value: number): number => Math.round(value * 100) / 100;
  process.stdout.write(
    `RESULT ${JSON.stringify({
      backfill_records_per_sec_one_core: round(cpuRate),
      backfill_records_per_wall_sec_loaded: round(wallRate),
      backfill_demo_pages_per_sec_one_core: round(demoRate),
      backfill_worker_records_per_sec: round(workerRate),
      backfill_child_minutes_worst_case: round(childMinutes),
      backfill_cost_usd_per_million_articles: round(total),
      backfill_cost_by_item_usd_per_million: Object.fromEntries(Object.entries(costs).map(([k, v]) => [k, round(v)])),
    })}\n`,
  );
}

await main();
process.exit(0);
