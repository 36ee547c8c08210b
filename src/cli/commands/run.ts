import { readFile } from 'node:fs/promises';
import { EventReader } from '../../client/index.js';
import { parseFeedList } from '../../config/index.js';
import { type DemoSite, startDemoSite } from '../../demo-site/index.js';
import { ProgressObserver } from '../../local/progress.js';
import { runPipeline } from '../../local/runner.js';
import { openLocalSession, readLocalState, resolveDataDir, writeLocalState } from '../../local/session.js';
import type { FeedSpec } from '../../storage/feed-store.js';
import type { EventRecord } from '../../storage/records.js';
import { startWebServer } from '../../web/index.js';
import { intFlag, parseFlags } from '../args.js';
import { counted, eventLine } from '../format-event.js';
import { abortOnStopRequest, untilStopRequested } from '../signals.js';
import { DEFAULT_PORT } from './serve.js';

export const runCommand = {
  name: 'run',
  summary: 'Run the whole pipeline once on the embedded local stack (what `npm start` does)',
  usage: `eventwire run [--feeds FILE] [--poll-all] [--max-wait S] [--data-dir DIR] [--demo-port N] [--serve] [--verbose]
  --feeds FILE      JSON feed list [{"url","name"?,"poll_minutes"?}] to ingest instead of the bundled demo site
                    (real sites need internet; fetching follows robots.txt and a 1 s per-host interval)
  --poll-all        poll every feed now; by default only feeds whose own interval (poll_minutes) or
                    Retry-After has passed are polled, so a second run soon after polls nothing and says so
  --max-wait S      seconds the run waits at most for work that must wait (a busy host, Retry-After, a first
                    copy not coded yet); beyond that it ends and the next run finishes it (default 60)
  --allow-host H    let the fetcher reach H (host:port) even on a loopback or private address, e.g. a test
                    site of your own (repeatable; every other such address stays blocked)
  --data-dir DIR    where S3 objects, tables and dead letters live (default .eventwire, or $EVENTWIRE_DATA_DIR)
  --demo-port N     port of the demo news site on 127.0.0.1 (default: chosen on the first run, then kept)
  --serve           after the run, keep serving the event browser on 127.0.0.1:${DEFAULT_PORT} until Ctrl-C
                    (npm start -- --serve); without it the run exits after the summary
  --verbose         log every stage step
Ctrl-C stops cleanly; the next run finishes what was left, without duplicates.
example: npx eventwire run --feeds my-feeds.json --poll-all`,
  async run(argv: string[]): Promise<number> {
    const { values } = parseFlags(argv, {
      feeds: { type: 'string' },
      'poll-all': { type: 'boolean' },
      'max-wait': { type: 'string' },
      'allow-host': { type: 'string', multiple: true },
      'data-dir': { type: 'string' },
      'demo-port': { type: 'string' },
      verbose: { type: 'boolean' },
      serve: { type: 'boolean' },
    });
    const maxWaitMs = intFlag(values['max-wait'], 'max-wait', { min: 0, max: 86_400 }, 60) * 1000;
    const demoPort = intFlag(values['demo-port'], 'demo-port', { min: 0, max: 65_535 }, -1);
    const serve = values.serve === true;
    const started = Date.now();
    const dataDir = resolveDataDir(values['data-dir']);
    const userFeeds = values.feeds ? parseFeedList(await readFile(values.feeds, 'utf8'), values.feeds) : null;
    const session = await openLocalSession(dataDir);
    let demo: DemoSite | null = null;
    const controller = new AbortController();
    const release = abortOnStopRequest(controller);
    try {
      let feeds: FeedSpec[] = userFeeds ?? [];
      const allowedHosts: string[] = [...(values['allow-host'] ?? [])];
      if (!userFeeds) {
        demo = await startPersistentDemo(dataDir, demoPort < 0 ? undefined : demoPort);
        feeds = demo.feeds;
        allowedHosts.push(new URL(demo.origin).host);
        process.stdout.write(
          `demo news site: ${demo.origin} (${demo.feeds.length} feeds, ${demo.articleCount} articles)\n`,
        );
      }
      const config = { ...session.config, allowedHosts, ...(userFeeds ? { hostIntervalMs: 1000 } : {}) };
      const observer = new ProgressObserver(process.stdout, values.verbose ?? false);
      const result = await runPipeline({
        config,
        feeds,
        observer,
        dataDir,
        signal: controller.signal,
        pollAll: values['poll-all'] ?? false,
        maxWaitMs,
      });
      const warnings = observer.finish();
      const reader = new EventReader(result.clients.doc, config.tables.events);
      await printSummary({
        observer,
        warnings,
        result,
        reader,
        dataDir,
        elapsedMs: Date.now() - started,
        started: new Date(started),
      });
      release();
      if (serve && !result.interrupted) await serveBrowser(reader);
      return result.interrupted ? 130 : 0;
    } finally {
      await demo?.close();
      await session.close();
    }
  },
};

/** Keeps serving the event browser over the run's data until Ctrl-C. */
async function serveBrowser(reader: EventReader): Promise<void> {
  const server = await startWebServer({ reader, port: DEFAULT_PORT }).catch(() => startWebServer({ reader, port: 0 }));
  process.stdout.write(`\nevent browser: ${server.origin}/   (Ctrl-C to stop)\n`);
  await untilStopRequested();
  await server.close();
}

/** The demo site keeps its port across runs so its feed URLs, and so the stored feed state, stay the same. */
async function startPersistentDemo(dataDir: string, portFlag: number | undefined): Promise<DemoSite> {
  const state = await readLocalState(dataDir);
  const port = portFlag ?? state.demoPort ?? 0;
  const demo = await startDemoSite({ port });
  await writeLocalState(dataDir, { ...state, demoPort: Number(new URL(demo.origin).port) });
  return demo;
}

interface SummaryInput {
  observer: ProgressObserver;
  warnings: string[];
  result: Awaited<ReturnType<typeof runPipeline>>;
  reader: EventReader;
  dataDir: string;
  elapsedMs: number;
  started: Date;
}

async function printSummary({
  observer,
  warnings,
  result,
  reader,
  dataDir,
  elapsedMs,
  started,
}: SummaryInput): Promise<void> {
  const get = (metric: Parameters<ProgressObserver['get']>[0]): number => observer.get(metric);
  const lines = [
    '',
    result.interrupted ? 'eventwire run INTERRUPTED: run again to finish what was left' : 'eventwire run complete',
    feedsLine(result, get),
    articlesLine(result, get),
    `  events    ${get('EventsWritten')} new, ${get('EventsUpdated')} updated, from ${get('MentionsWritten')} mentions in ${get('ArticlesCoded')} coded articles`,
    ...waitingLines(result),
    `  dead letters ${result.deadLetters}${result.deadLetters > 0 ? ` (see ${dataDir}/dead-letters, replay with: npx eventwire redrive)` : ''}`,
    `  elapsed   ${(elapsedMs / 1000).toFixed(1)} s`,
    `  data      ${dataDir} (S3 objects in s3/, tables in dynamodb/)`,
  ];
  if (warnings.length > 0) lines.push(`  warnings  ${warnings.length} (first: ${warnings[0]})`);
  const fresh = await reader.changedSince(new Date(started.getTime() - 1000), { limit: 20 });
  const pool =
    fresh.items.length > 0
      ? fresh.items
      : (await reader.changedSince(new Date(started.getTime() - 30 * 86_400_000), { limit: 20 })).items;
  const examples = showcase(pool, 3);
  if (examples.length > 0) {
    lines.push('  example events:');
    for (const event of examples) lines.push(`    ${eventLine(event)}`);
  }
  lines.push(
    '  query them: npx eventwire events --format table    browse them: npx eventwire serve (or npm start -- --serve)',
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

/**
 * Articles fetched and stored by this run, each counted once by its outcome: to be coded, stored but not coded, or
 * a copy of another article; plus articles stored before that turned out to be copies of a later-found original.
 */
function articlesLine(result: SummaryInput['result'], get: (metric: Parameters<ProgressObserver['get']>[0]) => number) {
  const fresh = get('ArticlesStored') + get('ArticlesSkipped') + get('ArticlesDuplicate');
  const resumed = result.resumed.fetch + result.resumed.code;
  return (
    `  articles  ${fresh} new (${get('ArticlesSkipped')} of them stored but not coded, ${get('ArticlesDuplicate')} a copy of another), ${get('ArticlesFailed')} failed` +
    (get('ArticlesDemoted') > 0 ? `, ${get('ArticlesDemoted')} stored before found to be a copy` : '') +
    (resumed > 0 ? ` (${resumed} resumed from an earlier run)` : '')
  );
}

/** What happened to the feeds, and why the others were not polled. */
function feedsLine(result: SummaryInput['result'], get: (metric: Parameters<ProgressObserver['get']>[0]) => number) {
  const { polled, notDue, nextPollAt } = result.feeds;
  const line =
    polled === 0
      ? '  feeds     none polled'
      : `  feeds     ${polled} polled: ${get('FeedsFetched')} fetched, ${get('FeedsNotModified')} not modified (304), ${get('FeedsFailed')} failed`;
  if (notDue === 0) return line;
  return `${line}; ${notDue} not due yet (each feed waits for its own interval or Retry-After; the next is due at ${clockTime(nextPollAt)}; --poll-all polls them now)`;
}

/** Work left waiting by this run (its items stay pending), and when it can go on. */
function waitingLines(result: SummaryInput['result']): string[] {
  const { feed, article, code, until, reason } = result.waiting;
  const lines =
    result.deferred > 0
      ? [
          `  waited    ${counted(result.deferred, 'message')} for a host's slot, a Retry-After or a first copy not coded yet`,
        ]
      : [];
  if (feed + article + code === 0) return lines;
  const what = [
    feed ? counted(feed, 'feed') : '',
    article ? `${counted(article, 'article')} to fetch` : '',
    code ? `${counted(code, 'article')} to code` : '',
  ].filter(Boolean);
  lines.push(
    `  waiting   ${what.join(', ')} left for the next run (not failed): the first may go on at ${clockTime(until === null ? null : new Date(until).toISOString())}${reason ? ` (${reason})` : ''}`,
  );
  return lines;
}

function clockTime(iso: string | null): string {
  return iso ? `${iso.slice(0, 19).replace('T', ' ')} UTC` : 'an unknown time';
}

/**
 * The `count` events that show most of what a coded event holds (both actors with a country, a place, high
 * confidence), of different types where possible, in date order.
 */
export function showcase(events: readonly EventRecord[], count: number): EventRecord[] {
  const filled = (event: EventRecord): number =>
    Number(event.source.code !== null) +
    Number(event.target?.code != null) +
    Number(event.location !== null) +
    event.confidence;
  const ranked = [...events].sort((a, b) => filled(b) - filled(a));
  const picked: EventRecord[] = [];
  for (const event of ranked)
    if (picked.length < count && !picked.some((p) => p.type === event.type)) picked.push(event);
  for (const event of ranked) if (picked.length < count && !picked.includes(event)) picked.push(event);
  return picked.sort((a, b) => a.date.localeCompare(b.date));
}
