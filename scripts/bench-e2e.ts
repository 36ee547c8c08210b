// End-to-end throughput on the local stack: a generated demo site of 50 feeds x 40 articles through every stage.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoSite } from '../src/demo-site/index.js';
import { startLocalStack } from '../src/local/stack.js';
import { runPipeline } from '../src/local/runner.js';
import { ProgressObserver } from '../src/local/progress.js';

const FEEDS = 50;
const ARTICLES_PER_FEED = 40;

const dataDir = await mkdtemp(join(tmpdir(), 'eventwire-bench-'));
const demo = await startDemoSite({ generated: { feeds: FEEDS, articlesPerFeed: ARTICLES_PER_FEED, seed: 7 } });
const stack = await startLocalStack(dataDir);
const quiet = { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream;
const observer = new ProgressObserver(quiet);
let peakRss = 0;
const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 100);
const started = performance.now();
await runPipeline({ config: stack.config([new URL(demo.origin).host]), feeds: demo.feeds, observer, dataDir, signal: new AbortController().signal });
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
await demo.close();
await stack.close();
await rm(dataDir, { recursive: true, force: true });

const articles = observer.get('ArticlesStored') + observer.get('ArticlesDuplicate') + observer.get('ArticlesSkipped');
const perMinute = (articles / seconds) * 60;
console.log(`end-to-end: ${FEEDS} feeds, ${articles} articles, ${observer.get('EventsWritten')} events in ${seconds.toFixed(1)} s`);
console.log(`  ${perMinute.toFixed(0)} articles/min, peak RSS ${(peakRss / 1048576).toFixed(0)} MB`);
console.log(`RESULT ${JSON.stringify({ e2e_articles_per_min: Math.round(perMinute), e2e_articles: articles, e2e_events: observer.get('EventsWritten'), e2e_seconds: Number(seconds.toFixed(1)), peak_rss_mb: Math.round(peakRss / 1048576) })}`);
