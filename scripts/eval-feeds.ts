/**
 * Feed parser evaluation over Python feedparser's test corpus (BSD-2-Clause, see its LICENSE), read at
 * run time from ../shared/corpora/feedparser relative to the repo root and never copied into the repo.
 *
 * For every file: parse with eventwire (in a worker thread, so a hang is detected and counted instead of
 * stalling the run), count crashes (any exception other than FeedParseError) and hangs. Then
 * scripts/feedparser_reference.py (Debian python3-feedparser) evaluates each file's `Expect:` expression
 * against feedparser's own result and against eventwire's result mapped to feedparser's field names,
 * for the expression shapes eventwire exposes (feed title/link, entry count/title/link/id/date,
 * encoding, bozo). The same expressions are scored on rss-parser (the npm library the design first named,
 * with `defaultRSS: 2`, its better setting here), so the choice of our own parser stays justified by a figure.
 *
 * Run: npx tsx scripts/eval-feeds.ts   (last line: RESULT {json})
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import RssParser from 'rss-parser';
import { FeedParseError, type ParsedFeed, parseFeed } from '../src/feeds/index.js';

const HANG_MS = 5_000;
const PYTHON = '/usr/bin/python3';

interface CorpusFile {
  path: string;
  headers: Record<string, string>;
  expect: string | null;
}
type Outcome =
  | { kind: 'ok'; feed: ParsedFeed; ms: number; rssParser: ParsedFeed | null; rssParserMs: number }
  | { kind: 'rejected'; message: string }
  | { kind: 'crash'; message: string }
  | { kind: 'hang' };

/** `Header:` and `Expect:` lines of the leading comment (or the JSON file's `__TEST__` string). */
export function readTestHeader(text: string): Pick<CorpusFile, 'headers' | 'expect'> {
  const end = text.indexOf('-->');
  const head = end < 0 ? '' : text.slice(0, end);
  const headers: Record<string, string> = {};
  for (const m of head.matchAll(/Header:\s*([^:\n]+):[ \t]*([^\n]*)/g))
    headers[(m[1] ?? '').trim().toLowerCase()] = (m[2] ?? '').trim();
  if (Object.keys(headers).length > 0 && headers['content-type'] === undefined)
    headers['content-type'] = 'application/xml';
  const expect = /Expect:\s*([^\n]*?)\s*(?:-->|\n|$)/.exec(`${head}-->`)?.[1]?.trim() ?? null;
  return { headers, expect: expect === '' ? null : expect };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

const rssParser = new RssParser({ defaultRSS: 2 });

/** rss-parser's result in our shape; null when it throws. It reads text, so the bytes are taken as UTF-8. */
async function parseWithRssParser(bytes: Uint8Array): Promise<ParsedFeed | null> {
  try {
    const feed = await rssParser.parseString(Buffer.from(bytes).toString('utf8'));
    const seconds = (iso: string | undefined) => (iso ? iso.replace(/\.\d+Z$/, 'Z') : null);
    return {
      format: 'unknown',
      encoding: '',
      title: feed.title ?? null,
      link: feed.link ?? null,
      bozo: false,
      bozoReason: null,
      items: feed.items.map((item) => ({
        title: item.title ?? null,
        link: item.link ?? null,
        id: item.guid ?? null,
        published: seconds(item.isoDate),
        updated: null,
      })) as unknown as ParsedFeed['items'],
    };
  } catch {
    return null;
  }
}

async function parseOne(bytes: Uint8Array, headers: Record<string, string>): Promise<Outcome> {
  try {
    const started = performance.now();
    const feed = parseFeed(bytes, {
      contentType: headers['content-type'] ?? null,
      baseUrl: headers['content-location'] ?? null,
    });
    const ms = performance.now() - started;
    const otherStarted = performance.now();
    const other = await parseWithRssParser(bytes);
    return { kind: 'ok', feed, ms, rssParser: other, rssParserMs: performance.now() - otherStarted };
  } catch (error) {
    if (error instanceof FeedParseError) return { kind: 'rejected', message: error.message };
    return { kind: 'crash', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

async function workerMain(): Promise<void> {
  const { files, start } = workerData as { files: CorpusFile[]; corpus: string; start: number };
  const corpus = (workerData as { corpus: string }).corpus;
  for (let i = start; i < files.length; i++) {
    const file = files[i];
    if (file === undefined) continue;
    parentPort?.postMessage({ index: i, started: true });
    const outcome = await parseOne(readFileSync(join(corpus, file.path)), file.headers);
    parentPort?.postMessage({ index: i, outcome });
  }
}

/** The worker runs this same TypeScript file, so it registers tsx's loader first (execArgv is not enough). */
function workerBootstrap(): string {
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  return `import(${api}).then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); })`;
}

/** Runs every file in a worker; a parse exceeding HANG_MS kills the worker and resumes after that file. */
function runAll(corpus: string, files: CorpusFile[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array<Outcome>(files.length);
  return new Promise((done) => {
    const launch = (start: number): void => {
      if (start >= files.length) {
        done(outcomes);
        return;
      }
      const worker = new Worker(workerBootstrap(), { eval: true, workerData: { files, corpus, start } });
      let current = start;
      let startedAt = Date.now();
      const timer = setInterval(() => {
        if (Date.now() - startedAt < HANG_MS) return;
        clearInterval(timer);
        outcomes[current] = { kind: 'hang' };
        void worker.terminate().then(() => launch(current + 1));
      }, 200);
      worker.on('message', (m: { index: number; started?: boolean; outcome?: Outcome }) => {
        current = m.index;
        startedAt = Date.now();
        if (m.outcome !== undefined) outcomes[m.index] = m.outcome;
        if (m.outcome !== undefined && m.index === files.length - 1) {
          clearInterval(timer);
          void worker.terminate().then(() => done(outcomes));
        }
      });
      worker.on('error', (error) => {
        clearInterval(timer);
        outcomes[current] = { kind: 'crash', message: String(error) };
        launch(current + 1);
      });
    };
    launch(0);
  });
}

interface Verdict {
  path: string;
  shape: string | null;
  eventwire: boolean | null;
  feedparser: boolean | null;
  rssParser: boolean | null;
}

/** Runs the Python side; null when python3 is missing, otherwise its per-file verdicts. */
function runReference(corpus: string, rows: object[]): { version: string | null; verdicts: Verdict[] } | null {
  const dir = mkdtempSync(join(tmpdir(), 'eval-feeds-'));
  try {
    const input = join(dir, 'eventwire.jsonl');
    writeFileSync(input, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const script = join(dirname(fileURLToPath(import.meta.url)), 'feedparser_reference.py');
    const run = spawnSync(PYTHON, [script, corpus, input], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (run.error !== undefined || run.status !== 0) {
      console.error(`python reference failed: ${run.error?.message ?? run.stderr.slice(-2000)}`);
      return null;
    }
    const [first, ...rest] = run.stdout.trim().split('\n');
    const version = (JSON.parse(first ?? '{}') as { feedparser_version?: string | null }).feedparser_version ?? null;
    return { version, verdicts: rest.map((line) => JSON.parse(line) as Verdict) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000;
}

function printTable(verdicts: Verdict[], withFeedparser: boolean) {
  const shapes = new Map<string, { n: number; ew: number; fp: number; rp: number }>();
  for (const v of verdicts) {
    if (v.shape === null) continue;
    const s = shapes.get(v.shape) ?? { n: 0, ew: 0, fp: 0, rp: 0 };
    s.n++;
    if (v.eventwire === true) s.ew++;
    if (v.feedparser === true) s.fp++;
    if (v.rssParser === true) s.rp++;
    shapes.set(v.shape, s);
  }
  const total = { n: 0, ew: 0, fp: 0, rp: 0 };
  const row = (name: string, s: typeof total) => {
    const fp = withFeedparser ? share(s.fp, s.n).toFixed(3) : 'n/a';
    const cells = [share(s.ew, s.n).toFixed(3), fp, share(s.rp, s.n).toFixed(3)].map((c) => c.padStart(10));
    console.log(`${name.padEnd(14)} | ${String(s.n).padStart(5)} | ${cells.join(' | ')}`);
  };
  console.log(`\n${'shape'.padEnd(14)} | ${'n'.padStart(5)} |  eventwire | feedparser | rss-parser`);
  console.log(`${'-'.repeat(14)}-+-------+------------+------------+-----------`);
  for (const [shape, s] of [...shapes.entries()].sort((a, b) => b[1].n - a[1].n)) {
    total.n += s.n;
    total.ew += s.ew;
    total.fp += s.fp;
    total.rp += s.rp;
    row(shape, s);
  }
  row('all shaped', total);
  return {
    ew: share(total.ew, total.n),
    fp: withFeedparser ? share(total.fp, total.n) : null,
    rp: share(total.rp, total.n),
    n: total.n,
  };
}

async function main(): Promise<void> {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const corpus = resolve(repoRoot, '../shared/corpora/feedparser');
  if (!existsSync(corpus)) {
    console.error(`eval-feeds: corpus not found at ${corpus} (expected ../shared/corpora/feedparser next to the repo)`);
    process.exit(1);
  }
  const files: CorpusFile[] = listFiles(corpus)
    .filter((f) => /\.(xml|json)$/.test(f))
    .map((f) => ({ path: relative(corpus, f), ...readTestHeader(readFileSync(f, 'latin1')) }));
  const outcomes = await runAll(corpus, files);
  const crashes = outcomes.filter((o) => o.kind === 'crash');
  const hangs = outcomes.filter((o) => o.kind === 'hang').length;
  const parsed = outcomes.filter((o) => o.kind === 'ok' && (o.feed.title !== null || o.feed.items.length > 0)).length;
  console.log(`files ${files.length}  crashes ${crashes.length}  hangs ${hangs}  parsed (title or >=1 item) ${parsed}`);
  for (const [i, o] of outcomes.entries())
    if (o.kind === 'crash') console.log(`  crash ${files[i]?.path}: ${o.message}`);
  const rows = files.map((f, i) => {
    const o = outcomes[i];
    const ok = o?.kind === 'ok';
    return {
      path: f.path,
      headers: f.headers,
      expect: f.expect,
      ours: ok ? o.feed : null,
      rssParser: ok ? o.rssParser : null,
    };
  });
  const reference = runReference(corpus, rows);
  const withFeedparser = reference?.version !== null && reference?.version !== undefined;
  if (!withFeedparser) console.log('python3-feedparser unavailable: feedparser column not measured');
  else console.log(`reference: Python feedparser ${reference.version}`);
  if (process.env.EVAL_FEEDS_FAILURES !== undefined) {
    for (const v of reference?.verdicts ?? [])
      if (v.shape !== null && v.eventwire === false)
        console.log(`  miss [${v.shape}] ${v.path}${v.feedparser === true ? '' : ' (feedparser misses too)'}`);
  }
  const oks = outcomes.filter((o): o is Extract<Outcome, { kind: 'ok' }> => o.kind === 'ok');
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const totals = printTable(reference?.verdicts ?? [], withFeedparser);
  const result = {
    feeds_files: files.length,
    feeds_crashes: crashes.length,
    feeds_hangs: hangs,
    feeds_parsed: parsed,
    feeds_expect_n: totals.n,
    feeds_expect_share_eventwire: totals.ew,
    feeds_expect_share_feedparser: totals.fp,
    feeds_expect_share_rss_parser: totals.rp,
    feeds_rss_parser_throws: oks.filter((o) => o.rssParser === null).length,
    feeds_rss_parser_time_ratio: Math.round((sum(oks.map((o) => o.rssParserMs)) / sum(oks.map((o) => o.ms))) * 10) / 10,
  };
  console.log(`RESULT ${JSON.stringify(result)}`);
}

if (!isMainThread) workerMain();
else if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
