/**
 * Main-text quality of src/extract on the shared extraction benchmark (../shared/eval/extraction),
 * next to plain @mozilla/readability on linkedom, with the benchmark's own shingle metric.
 * Usage: npx tsx scripts/eval-extract.ts [--pages] (per-page figures)
 */
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { readabilityBaseline } from '../src/extract/eval/baseline.js';
import { type BenchmarkPage, defaultCorpusDir, loadBenchmarkPages } from '../src/extract/eval/corpus.js';
import { aggregateScores, type CorpusScore, type PageScore, scorePage } from '../src/extract/eval/shingle-metric.js';
import { extractArticle } from '../src/extract/index.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Run {
  scores: PageScore[];
  pagesPerSec: number;
}

function run(pages: readonly BenchmarkPage[], extract: (page: BenchmarkPage) => string): Run {
  for (const page of pages.slice(0, 10)) extract(page); // warm-up: JIT and lazily loaded modules
  const started = performance.now();
  const texts = pages.map(extract);
  const seconds = (performance.now() - started) / 1000;
  return { scores: pages.map((p, i) => scorePage(p.expected, texts[i] ?? '')), pagesPerSec: pages.length / seconds };
}

function row(name: string, s: CorpusScore, pps: number): string {
  const f = (x: number): string => x.toFixed(4).padStart(9);
  return `${name.padEnd(22)}${f(s.precision)}${f(s.recall)}${f(s.f1)}${f(s.accuracy)}${pps.toFixed(1).padStart(10)}`;
}

/** F1 on disjoint subsets: a large spread would mean the figure hangs on a few pages. */
function splitReport(scores: readonly PageScore[]): string[] {
  const pick = (keep: (i: number) => boolean): number => aggregateScores(scores.filter((_, i) => keep(i))).f1;
  const folds = [0, 1, 2, 3, 4].map((k) => pick((i) => i % 5 === k));
  return [
    `odd/even split F1: ${pick((i) => i % 2 === 1).toFixed(4)} / ${pick((i) => i % 2 === 0).toFixed(4)}`,
    `5-fold F1: ${folds.map((x) => x.toFixed(4)).join(' ')} (min ${Math.min(...folds).toFixed(4)}, max ${Math.max(...folds).toFixed(4)})`,
  ];
}

function main(): void {
  const dir = defaultCorpusDir(repoRoot);
  let pages: BenchmarkPage[];
  try {
    pages = loadBenchmarkPages(dir);
  } catch (error) {
    console.error(`eval-extract: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const ours = run(pages, (p) => extractArticle(p.html, { url: p.url }).text);
  const base = run(pages, (p) => readabilityBaseline(p.html));
  const a = aggregateScores(ours.scores);
  const b = aggregateScores(base.scores);
  if (process.argv.includes('--pages')) {
    pages.forEach((p, i) => {
      const s = ours.scores[i];
      if (s !== undefined)
        console.log(
          `${p.id.slice(0, 12)} P=${(s.tp / (s.tp + s.fp || 1)).toFixed(3)} R=${(s.tp / (s.tp + s.fn || 1)).toFixed(3)}`,
        );
    });
  }
  console.log(
    `extraction benchmark: ${pages.length} pages from ${dir} (pages/s after a short warm-up; bench-extract is the reference)`,
  );
  console.log(
    `${'extractor'.padEnd(22)}${'P'.padStart(9)}${'R'.padStart(9)}${'F1'.padStart(9)}${'acc'.padStart(9)}${'pages/s'.padStart(10)}`,
  );
  console.log(row('eventwire', a, ours.pagesPerSec));
  console.log(row('readability+linkedom', b, base.pagesPerSec));
  for (const line of splitReport(ours.scores)) console.log(`eventwire ${line}`);
  const r = (x: number): number => Number(x.toFixed(4));
  console.log(
    `RESULT ${JSON.stringify({ extract_f1: r(a.f1), extract_precision: r(a.precision), extract_recall: r(a.recall), extract_accuracy: r(a.accuracy), readability_f1: r(b.f1) })}`,
  );
}

main();
