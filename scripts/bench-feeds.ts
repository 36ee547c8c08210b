/**
 * Feed parsing throughput on one core: every file of the corpus's `wellformed/` folder (Python
 * feedparser's test suite, BSD-2-Clause, read at run time from ../shared/corpora/feedparser, never
 * copied into the repo), parsed from bytes after a warm-up pass.
 *
 * Run: npx tsx scripts/bench-feeds.ts   (last line: RESULT {"feed_parse_per_sec": N})
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FeedParseError, parseFeed } from '../src/feeds/index.js';

const MIN_SECONDS = 3;

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

function parseAll(bodies: Uint8Array[]): void {
  for (const body of bodies) {
    try {
      parseFeed(body);
    } catch (error) {
      if (!(error instanceof FeedParseError)) throw error;
    }
  }
}

function main(): void {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const dir = resolve(repoRoot, '../shared/corpora/feedparser/wellformed');
  if (!existsSync(dir)) {
    console.error(`bench-feeds: corpus not found at ${dir} (expected ../shared/corpora/feedparser next to the repo)`);
    process.exit(1);
  }
  const bodies = listFiles(dir)
    .filter((f) => f.endsWith('.xml'))
    .map((f) => new Uint8Array(readFileSync(f)));
  const bytes = bodies.reduce((sum, b) => sum + b.length, 0);
  parseAll(bodies); // warm-up: JIT and lazily built tables
  let parsed = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < MIN_SECONDS) {
    parseAll(bodies);
    parsed += bodies.length;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  }
  const perSec = Math.round(parsed / elapsed);
  console.log(`files ${bodies.length} (${(bytes / 1024).toFixed(0)} KiB)  parsed ${parsed} in ${elapsed.toFixed(2)} s`);
  console.log(`feeds/s ${perSec}  MiB/s ${((bytes * (parsed / bodies.length)) / elapsed / 1048576).toFixed(1)}`);
  console.log(`RESULT ${JSON.stringify({ feed_parse_per_sec: perSec })}`);
}

main();
