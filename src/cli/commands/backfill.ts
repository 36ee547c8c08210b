import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SKIP_REASONS } from '../../backfill/archive-records.js';
import { recordDemoArchive } from '../../backfill/demo-warc.js';
import { OutletListError } from '../../backfill/errors.js';
import { emptyTally, type IngestTally } from '../../backfill/ingest.js';
import { backfillLocal, type FileOutcome } from '../../backfill/local-backfill.js';
import { type OutletList, outletMatcher, parseOutletList } from '../../backfill/outlets.js';
import { isCalendarDate } from '../../core/dates.js';
import { defaultFetchPolicy } from '../../fetch/index.js';
import { ProgressObserver } from '../../local/progress.js';
import { openLocalSession, readLocalState, resolveDataDir, writeLocalState } from '../../local/session.js';
import type { MetricName } from '../../stages/index.js';
import { intFlag, parseFlags, UsageError } from '../args.js';
import { startAwsBackfill } from '../backfill-aws.js';
import { freeLoopbackPort } from '../free-port.js';
import { abortOnStopRequest } from '../signals.js';

export const backfillCommand = {
  name: 'backfill',
  summary: 'Code the news in WARC web archives with the same stages as a live run (local files, or in AWS over S3)',
  usage: `eventwire backfill FILE.warc.gz|DIR... [--from D --to D] [--outlets FILE] [--language en] [--data-dir DIR]
       eventwire backfill --demo [--data-dir DIR]
       eventwire backfill --s3 s3://BUCKET/PREFIX/ --from D --to D [--outlets FILE] [--language en] [--state-machine ARN]
  Reads every response record of the archives (folders are searched for .warc and .warc.gz files) and takes each
  HTTP 200 HTML page through fetch-article (extract, copy detection, store) and code-events, into the same tables
  and bucket as \`eventwire run\`: an article already ingested from a feed, or by an earlier backfill, is not
  stored or coded again. Other records are skipped and counted by reason.
  --from D, --to D  keep records whose WARC-Date falls within these days (YYYY-MM-DD, inclusive)
  --outlets FILE    keep only pages of these outlets, named as given: JSON [{"name","domain"} or {"name","prefix"}]
                    (without it every site is kept, named by its domain)
  --language L      skip pages that declare another language (Content-Language, <html lang>) before storing them;
                    pages declaring none are kept and identified after extraction, as in a live run
  --demo            record the bundled demo news site into <data dir>/demo/demo-site.warc.gz (with warcio) and
                    backfill it; a later \`npm start\` on the same data folder finds every article already there
  --restart         read files from their start, not from their checkpoint (nothing is stored twice either way)
  --max-wait S      seconds to wait at most for coding that must wait (default 60); the rest is finished later
  --data-dir DIR    the local stack's data folder (default .eventwire, or $EVENTWIRE_DATA_DIR)
  --verbose         log every stage step
  --s3 URL          start the deployed backfill (context backfill=true) over the WARC files under this S3 prefix
                    with your AWS credentials, and follow it to the end; needs --from and --to
  --state-machine ARN  the backfill state machine (default: the one named <stack>-backfill, see --stack)
  --stack NAME      the deployed stack's name (default Eventwire); --region R its region (default: your AWS config)
Ctrl-C stops after the batches in flight; a rerun goes on from each file's checkpoint, without duplicates.
example: npx eventwire backfill --demo   (then: npx eventwire backfill archive/ --from 2017-01-01 --to 2017-01-31 --language en)`,
  async run(argv: string[]): Promise<number> {
    const { values, positionals } = parseFlags(
      argv,
      {
        from: { type: 'string' },
        to: { type: 'string' },
        outlets: { type: 'string' },
        language: { type: 'string' },
        demo: { type: 'boolean' },
        restart: { type: 'boolean' },
        'max-wait': { type: 'string' },
        'data-dir': { type: 'string' },
        verbose: { type: 'boolean' },
        s3: { type: 'string' },
        'state-machine': { type: 'string' },
        stack: { type: 'string' },
        region: { type: 'string' },
      },
      10_000,
    );
    const from = dayFlag(values.from, 'from');
    const to = dayFlag(values.to, 'to');
    if (from && to && from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
    const language = languageFlag(values.language);
    const outlets = values.outlets === undefined ? null : await readOutlets(values.outlets);
    const maxWaitMs = intFlag(values['max-wait'], 'max-wait', { min: 0, max: 86_400 }, 60) * 1000;
    if (values.s3 !== undefined) {
      const local = ['demo', 'restart', 'data-dir', 'max-wait'].filter((flag) => values[flag as keyof typeof values]);
      if (positionals.length > 0 || local.length > 0)
        throw new UsageError(
          `--s3 reads archives in AWS: ${[...positionals, ...local.map((f) => `--${f}`)][0]} is for local archives`,
        );
      if (!from || !to) throw new UsageError('--s3 needs --from and --to: a backfill in AWS reads a bounded range');
      return startAwsBackfill({
        source: values.s3,
        from,
        to,
        language,
        outlets,
        stateMachine: values['state-machine'],
        stack: values.stack ?? 'Eventwire',
        region: values.region,
      });
    }
    for (const flag of ['state-machine', 'stack', 'region'] as const)
      if (values[flag] !== undefined) throw new UsageError(`--${flag} goes with --s3`);
    if (values.demo && positionals.length > 0) throw new UsageError('--demo records its own archive: name no file');
    if (!values.demo && positionals.length === 0)
      throw new UsageError('name a WARC file or folder, --demo, or --s3 s3://bucket/prefix/');
    for (const path of positionals)
      await stat(path).catch(() => {
        throw new UsageError(`${path}: no such file or folder`);
      });
    return runLocal({
      files: positionals,
      demo: values.demo === true,
      filter: { from, to, language, outlets },
      dataDirFlag: values['data-dir'],
      restart: values.restart === true,
      verbose: values.verbose === true,
      maxWaitMs,
    });
  },
};

function dayFlag(value: string | undefined, name: string): string | null {
  if (value === undefined) return null;
  if (!isCalendarDate(value)) throw new UsageError(`--${name} must be a date that exists, YYYY-MM-DD, got "${value}"`);
  return value;
}

function languageFlag(value: string | undefined): string | null {
  if (value === undefined) return null;
  if (!/^[a-z]{2,3}$/.test(value))
    throw new UsageError(`--language must be a two- or three-letter language code (en, fr), got "${value}"`);
  return value;
}

async function readOutlets(file: string): Promise<OutletList> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new UsageError(`--outlets ${file}: no such file`);
  });
  try {
    return parseOutletList(text, file);
  } catch (error) {
    if (error instanceof OutletListError) throw new UsageError(`--outlets: ${error.message}`);
    throw error;
  }
}

interface LocalRun {
  files: string[];
  demo: boolean;
  filter: { from: string | null; to: string | null; language: string | null; outlets: OutletList | null };
  dataDirFlag: string | undefined;
  restart: boolean;
  verbose: boolean;
  maxWaitMs: number;
}

async function runLocal(run: LocalRun): Promise<number> {
  const started = Date.now();
  const dataDir = resolveDataDir(run.dataDirFlag);
  let { files } = run;
  let outlets = run.filter.outlets;
  if (run.demo) {
    const demo = await recordDemo(dataDir);
    files = [demo.warc];
    outlets ??= parseOutletList(await readFile(demo.outlets, 'utf8'), demo.outlets);
    process.stdout.write(`${demo.note}\n`);
  }
  const session = await openLocalSession(dataDir);
  const controller = new AbortController();
  const release = abortOnStopRequest(controller);
  const tally = emptyTally();
  const position = { file: '', offset: 0, size: 0 };
  const observer = new ProgressObserver(process.stdout, run.verbose, (get) => statusLine(get, tally, position));
  try {
    const result = await backfillLocal({
      config: session.config,
      dataDir,
      files,
      filter: {
        from: run.filter.from,
        to: run.filter.to,
        language: run.filter.language,
        outlet: outletMatcher(outlets),
        maxBytes: defaultFetchPolicy().maxBytes,
      },
      observer,
      signal: controller.signal,
      maxWaitMs: run.maxWaitMs,
      restart: run.restart,
      tally,
      onFile: (file, size) => Object.assign(position, { file, size, offset: 0 }),
      onRecord: (offset) => {
        position.offset = offset;
      },
    });
    const warnings = observer.finish();
    const get = (metric: MetricName): number => observer.get(metric);
    const lines = [
      '',
      result.interrupted
        ? "eventwire backfill INTERRUPTED: run it again to go on from each file's checkpoint"
        : 'eventwire backfill complete',
      recordsLine(tally),
      `  articles  ${get('ArticlesStored') + get('ArticlesSkipped') + get('ArticlesDuplicate')} new (${get('ArticlesSkipped')} of them stored but not coded, ${get('ArticlesDuplicate')} a copy of another), ${tally.known} known (stored or coded before), ${get('ArticlesFailed')} failed${result.resumed > 0 ? ` (${result.resumed} stored earlier resumed for coding)` : ''}`,
      `  events    ${get('EventsWritten')} new, ${get('EventsUpdated')} updated, from ${get('MentionsWritten')} mentions in ${get('ArticlesCoded')} coded articles`,
      filesLine(result.files),
      ...(result.waiting > 0
        ? [
            `  waiting   ${result.waiting} article(s) to code left for the next backfill or run (a first copy not coded yet)`,
          ]
        : []),
      `  dead letters ${result.deadLetters}${result.deadLetters > 0 ? ` (see ${dataDir}/dead-letters, replay with: npx eventwire redrive)` : ''}`,
      `  elapsed   ${((Date.now() - started) / 1000).toFixed(1)} s`,
      `  data      ${dataDir} (checkpoints in backfill/)`,
    ];
    if (warnings.length > 0) lines.push(`  warnings  ${warnings.length} (first: ${warnings[0]})`);
    lines.push('  query them: npx eventwire events --from YYYY-MM-DD --to YYYY-MM-DD --format table');
    process.stdout.write(`${lines.join('\n')}\n`);
    release();
    result.clients.s3.destroy();
    result.clients.dynamo.destroy();
    if (result.interrupted) return 130;
    return result.files.some((file) => file.status === 'failed') ? 1 : 0;
  } finally {
    await session.close();
  }
}

/**
 * The demo archive of the data folder: recorded once, on the folder's demo port (chosen now on a fresh folder and
 * kept, so `npm start` serves the same URLs), then read again as it is, so a rerun goes by its checkpoint.
 */
async function recordDemo(dataDir: string): Promise<{ warc: string; outlets: string; note: string }> {
  const warc = join(dataDir, 'demo', 'demo-site.warc.gz');
  const outlets = join(dataDir, 'demo', 'outlets.json');
  const state = await readLocalState(dataDir);
  if (state.demoPort !== undefined && (await exists(warc)) && (await exists(outlets)))
    return { warc, outlets, note: `demo archive: ${warc} (recorded before; delete it to record it again)` };
  const port = state.demoPort ?? (await freeLoopbackPort());
  await writeLocalState(dataDir, { ...state, demoPort: port });
  const demo = await recordDemoArchive(port, warc, outlets);
  const { pages, feeds, other } = demo.responses;
  return {
    warc,
    outlets,
    note: `demo archive: ${warc} (recorded now from ${demo.origin}: ${pages} pages, ${feeds} feeds, ${other} other responses; outlets in ${outlets})`,
  };
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

function statusLine(
  get: (metric: MetricName) => number,
  tally: IngestTally,
  position: { file: string; offset: number; size: number },
): string {
  const skipped = SKIP_REASONS.reduce((sum, reason) => sum + tally.skipped[reason], 0);
  const share = position.size > 0 ? ` (${Math.floor((100 * position.offset) / position.size)}% of this file)` : '';
  return (
    `records ${tally.records}${share}, ${skipped} skipped | ` +
    `articles ${get('ArticlesStored') + get('ArticlesSkipped') + get('ArticlesDuplicate')} new, ${tally.known} known, ${get('ArticlesFailed')} failed | ` +
    `coded ${get('ArticlesCoded')}, events ${get('EventsWritten')}`
  );
}

function recordsLine(tally: IngestTally): string {
  const skipped = SKIP_REASONS.filter((reason) => tally.skipped[reason] > 0);
  const total = skipped.reduce((sum, reason) => sum + tally.skipped[reason], 0);
  const reasons = skipped.map((reason) => `${tally.skipped[reason]} ${reason}`).join(', ');
  return `  records   ${tally.records} read: ${tally.fetched + tally.known} pages, ${total} skipped${total > 0 ? ` (${reasons})` : ''}`;
}

function filesLine(files: readonly FileOutcome[]): string {
  const count = (status: FileOutcome['status']): number => files.filter((file) => file.status === status).length;
  const resumed = files.filter((file) => file.resumedAt > 0 && file.status !== 'already-done').length;
  const failed = files.filter((file) => file.status === 'failed');
  return (
    `  files     ${count('done')} read to the end${resumed > 0 ? ` (${resumed} from a checkpoint)` : ''}, ${count('already-done')} done before (checkpoint; --restart reads them again), ${count('interrupted')} interrupted, ${failed.length} not readable to the end` +
    failed.map((file) => `\n            ${file.path}: ${file.reason ?? ''}`).join('')
  );
}
