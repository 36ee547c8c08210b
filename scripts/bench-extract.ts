/**
 * Warm single-core throughput of src/extract next to plain @mozilla/readability on linkedom,
 * over the pages of ../shared/eval/extraction. Usage: npx tsx scripts/bench-extract.ts [rounds]
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { extractArticle } from '../src/extract/index.js';
import { readabilityBaseline } from '../src/extract/eval/baseline.js';
import { defaultCorpusDir, loadBenchmarkPages, type BenchmarkPage } from '../src/extract/eval/corpus.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function pagesPerSecond(pages: readonly BenchmarkPage[], rounds: number, extract: (p: BenchmarkPage) => unknown): number {
  for (const page of pages) extract(page); // warm-up: JIT and lazy module state
  const started = performance.now();
  for (let r = 0; r < rounds; r++) for (const page of pages) extract(page);
  return (pages.length * rounds) / ((performance.now() - started) / 1000);
}

function main(): void {
  const rounds = Math.max(1, Number(process.argv[2] ?? 3));
  let pages: BenchmarkPage[];
  try {
    pages = loadBenchmarkPages(defaultCorpusDir(repoRoot));
  } catch (error) {
    console.error(`bench-extract: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  // Alternate the two so neither profits from a warmer machine.
  const base1 = pagesPerSecond(pages, rounds, (p) => readabilityBaseline(p.html));
  const ours1 = pagesPerSecond(pages, rounds, (p) => extractArticle(p.html, { url: p.url }));
  const base2 = pagesPerSecond(pages, rounds, (p) => readabilityBaseline(p.html));
  const ours2 = pagesPerSecond(pages, rounds, (p) => extractArticle(p.html, { url: p.url }));
  const ours = Math.max(ours1, ours2);
  const base = Math.max(base1, base2);
  console.log(`extract bench: ${pages.length} pages x ${rounds} rounds, warm, one thread`);
  console.log(`eventwire (extractArticle, no language model)  ${ours.toFixed(1)} pages/s`);
  console.log(`readability + linkedom                         ${base.toFixed(1)} pages/s`);
  console.log(`RESULT ${JSON.stringify({ extract_pages_per_sec: Number(ours.toFixed(1)), readability_pages_per_sec: Number(base.toFixed(1)) })}`);
}

main();
