/**
 * Demo-site speed: content loading, generation and loopback serving throughput.
 *   npx tsx scripts/bench-demo-site.ts
 * Last stdout line: RESULT {json}.
 */

import { generateSiteContent } from '../src/demo-site/generate-content.js';
import { startDemoSite } from '../src/demo-site/index.js';
import { DEFAULT_CONTENT_DIR, loadSiteContent } from '../src/demo-site/load-content.js';

async function timeMs(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

async function median(times: number, run: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) samples.push(await timeMs(run));
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? Number.NaN;
}

/** Fetch every URL with `concurrency` workers; returns requests per second. */
async function fetchAll(urls: string[], concurrency: number): Promise<number> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < urls.length) {
      const url = urls[next++] ?? '';
      const response = await fetch(url, { headers: { 'Accept-Encoding': 'gzip' } });
      if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
      await response.arrayBuffer();
    }
  };
  const ms = await timeMs(() => Promise.all(Array.from({ length: concurrency }, worker)));
  return (urls.length / ms) * 1000;
}

const coldLoadMs = await timeMs(() => loadSiteContent());
const warmLoadMs = await median(5, () => loadSiteContent());
const generateMs = await median(3, () => generateSiteContent({ feeds: 50, articlesPerFeed: 40 }, DEFAULT_CONTENT_DIR));
let site: Awaited<ReturnType<typeof startDemoSite>> | undefined;
const startGeneratedMs = await timeMs(async () => {
  site = await startDemoSite({ generated: { feeds: 50, articlesPerFeed: 40 } });
});
if (!site) throw new Error('site did not start');
const feedBodies = await Promise.all(site.feeds.map(async (feed) => (await fetch(feed.url)).text()));
const pageUrls = feedBodies
  .flatMap((body) =>
    body.startsWith('{')
      ? (JSON.parse(body) as { items: Array<{ url: string }> }).items.map((item) => item.url)
      : [...body.matchAll(/<link(?: rel="alternate" type="text\/html" href="|>)([^"<]+)/g)].map((m) =>
          (m[1] ?? '').replace(/&amp;/g, '&'),
        ),
  )
  .filter((url) => url.includes('/story/'));
const firstPassRps = await fetchAll(pageUrls, 16);
const cachedPassRps = await fetchAll(pageUrls, 16);
await site.close();

const rows: Array<[string, string]> = [
  ['curated content load, cold (ms)', coldLoadMs.toFixed(1)],
  ['curated content load, warm median (ms)', warmLoadMs.toFixed(1)],
  ['generate 50x40 content, median (ms)', generateMs.toFixed(1)],
  ['start generated site 50x40 (ms)', startGeneratedMs.toFixed(1)],
  ['article pages fetched per pass', String(pageUrls.length)],
  ['pages/s first pass (render+gzip)', firstPassRps.toFixed(0)],
  ['pages/s cached pass', cachedPassRps.toFixed(0)],
];
for (const [name, value] of rows) console.log(`${name.padEnd(42)} ${value.padStart(10)}`);
console.log(
  `RESULT ${JSON.stringify({
    area: 'demo-site',
    cold_load_ms: Math.round(coldLoadMs),
    warm_load_ms: Math.round(warmLoadMs),
    generate_50x40_ms: Math.round(generateMs),
    start_generated_ms: Math.round(startGeneratedMs),
    pages: pageUrls.length,
    first_pass_pages_per_sec: Math.round(firstPassRps),
    cached_pages_per_sec: Math.round(cachedPassRps),
  })}`,
);
