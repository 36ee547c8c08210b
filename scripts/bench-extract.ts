/**
 * Warm single-core throughput of src/extract next to plain @mozilla/readability on linkedom, on
 * the pages of both shared extraction sets (../shared/eval/extraction and extraction-wcxb), page
 * by page and interleaved so that load from other processes hits both alike. Wall-clock pages/s
 * is the figure; pages per CPU-second is printed beside it, as it moves less on a busy machine.
 * Usage: npx tsx scripts/bench-extract.ts [rounds]
 */
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { readabilityBaseline } from '../src/extract/eval/baseline.js';
import { type BenchmarkPage, defaultCorpusDir, loadBenchmarkPages, wcxbCorpusDir } from '../src/extract/eval/corpus.js';
import { extractArticle } from '../src/extract/index.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Contender {
  name: string;
  run: (page: BenchmarkPage) => unknown;
  ms: number;
  cpuMs: number;
}

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function timed(contender: Contender, page: BenchmarkPage): void {
  const cpu = cpuMs();
  const started = performance.now();
  contender.run(page);
  contender.ms += performance.now() - started;
  contender.cpuMs += cpuMs() - cpu;
}

function contenders(): [Contender, Contender] {
  return [
    {
      name: 'eventwire extractArticle (no language model)',
      run: (p) => extractArticle(p.html, { url: p.url }),
      ms: 0,
      cpuMs: 0,
    },
    { name: 'readability + linkedom', run: (p) => readabilityBaseline(p.html), ms: 0, cpuMs: 0 },
  ];
}

/** Times both contenders on the pages, alternating which goes first; returns [ours, baseline]. */
function bench(pages: readonly BenchmarkPage[], rounds: number): [Contender, Contender] {
  const pair = contenders();
  for (const page of pages.slice(0, 20)) for (const c of pair) c.run(page); // warm-up: JIT, lazy module state
  for (let r = 0; r < rounds; r++) {
    pages.forEach((page, i) => {
      const order = (i + r) % 2 === 0 ? pair : [pair[1], pair[0]];
      for (const contender of order) timed(contender, page);
    });
  }
  return pair;
}

function main(): void {
  const rounds = Math.max(1, Number(process.argv[2] ?? 2));
  let sets: [string, BenchmarkPage[]][];
  try {
    sets = [
      ['scrapinghub', loadBenchmarkPages(defaultCorpusDir(repoRoot))],
      ['wcxb', loadBenchmarkPages(wcxbCorpusDir(repoRoot))],
    ];
  } catch (error) {
    console.error(`bench-extract: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const result: Record<string, number> = {};
  for (const [key, pages] of sets) {
    const [ours, base] = bench(pages, rounds);
    const perSec = (c: Contender): number => (pages.length * rounds) / (c.ms / 1000);
    const perCpuSec = (c: Contender): number => (pages.length * rounds) / (c.cpuMs / 1000);
    console.log(`\nextract bench, ${key}: ${pages.length} pages x ${rounds} rounds, warm, one thread, interleaved`);
    console.log(`${''.padEnd(46)}${'pages/s'.padStart(9)}${'pages/CPU-s'.padStart(13)}`);
    for (const c of [ours, base])
      console.log(`${c.name.padEnd(46)}${perSec(c).toFixed(1).padStart(9)}${perCpuSec(c).toFixed(1).padStart(13)}`);
    console.log(`eventwire / readability: ${(perSec(ours) / perSec(base)).toFixed(2)}x`);
    const prefix = key === 'scrapinghub' ? 'extract' : `extract_${key}`;
    result[`${prefix}_pages_per_sec`] = Number(perSec(ours).toFixed(1));
    result[`${prefix}_readability_pages_per_sec`] = Number(perSec(base).toFixed(1));
    result[`${prefix}_speed_vs_readability`] = Number((perSec(ours) / perSec(base)).toFixed(2));
  }
  console.log(`RESULT ${JSON.stringify(result)}`);
}

main();
