/**
 * Warm single-core throughput of src/extract next to plain @mozilla/readability on linkedom,
 * over the pages of ../shared/eval/extraction. Usage: npx tsx scripts/bench-extract.ts [rounds]
 */
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { readabilityBaseline } from '../src/extract/eval/baseline.js';
import { type BenchmarkPage, defaultCorpusDir, loadBenchmarkPages } from '../src/extract/eval/corpus.js';
import { extractArticle } from '../src/extract/index.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Contender {
  name: string;
  run: (page: BenchmarkPage) => unknown;
  ms: number;
}

function timed(contender: Contender, page: BenchmarkPage): void {
  const started = performance.now();
  contender.run(page);
  contender.ms += performance.now() - started;
}

function main(): void {
  const rounds = Math.max(1, Number(process.argv[2] ?? 5));
  let pages: BenchmarkPage[];
  try {
    pages = loadBenchmarkPages(defaultCorpusDir(repoRoot));
  } catch (error) {
    console.error(`bench-extract: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const ours: Contender = {
    name: 'eventwire extractArticle (no language model)',
    run: (p) => extractArticle(p.html, { url: p.url }),
    ms: 0,
  };
  const base: Contender = { name: 'readability + linkedom', run: (p) => readabilityBaseline(p.html), ms: 0 };
  for (const page of pages) {
    ours.run(page);
    base.run(page);
  } // warm-up: JIT and lazy module state
  // Page by page, alternating which goes first, so load from other processes hits both alike.
  for (let r = 0; r < rounds; r++) {
    pages.forEach((page, i) => {
      const order = (i + r) % 2 === 0 ? [ours, base] : [base, ours];
      for (const contender of order) timed(contender, page);
    });
  }
  const perSec = (c: Contender): number => (pages.length * rounds) / (c.ms / 1000);
  console.log(`extract bench: ${pages.length} pages x ${rounds} rounds, warm, one thread, interleaved`);
  for (const c of [ours, base]) console.log(`${c.name.padEnd(46)}${perSec(c).toFixed(1).padStart(8)} pages/s`);
  console.log(
    `RESULT ${JSON.stringify({ extract_pages_per_sec: Number(perSec(ours).toFixed(1)), readability_pages_per_sec: Number(perSec(base).toFixed(1)) })}`,
  );
}

main();
