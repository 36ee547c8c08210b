/**
 * Main-text quality of src/extract on both shared extraction sets, next to plain @mozilla/readability
 * on linkedom on the same pages: the Scrapinghub benchmark (../shared/eval/extraction, its 4-gram
 * shingle F1) and WCXB article pages (../shared/eval/extraction-wcxb, WCXB's word F1), each scored
 * with both metrics, plus headline and date agreement where the set's meta has them.
 * Usage: npx tsx scripts/eval-extract.ts [--pages] [--tail N]
 *   --pages  one line per page (both sets); --tail N  the N worst WCXB pages (default: those under 0.5)
 */
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { sameDay, sameHeadline } from '../src/extract/eval/agreement.js';
import { readabilityBaseline } from '../src/extract/eval/baseline.js';
import { type BenchmarkPage, defaultCorpusDir, loadBenchmarkPages, wcxbCorpusDir } from '../src/extract/eval/corpus.js';
import { aggregateScores, type CorpusScore, type PageScore, scorePage } from '../src/extract/eval/shingle-metric.js';
import { type Spread, spreadOf, type WordScore, wordScore } from '../src/extract/eval/word-metric.js';
import { extractArticle } from '../src/extract/index.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Output {
  text: string;
  title: string | null;
  published: string | null;
  modified?: string | null;
}

interface Contender {
  name: string;
  run: (page: BenchmarkPage) => Output;
}

interface PageResult {
  shingle: PageScore;
  word: WordScore;
  output: Output;
}

interface Summary {
  shingle: CorpusScore;
  shingleSpread: Spread;
  word: Spread;
  /** Share of pages with a known headline whose headline matches, or null when the set has none. */
  headline: number | null;
  /** Share of pages with a known date whose published day matches, or null when the set has none. */
  date: number | null;
  /** The same, counting a match of the modified day too (the sets' dates mix the two). */
  dateAny: number | null;
  pagesPerSec: number;
}

const CONTENDERS: Contender[] = [
  { name: 'eventwire', run: (p) => extractArticle(p.html, { url: p.url }) },
  { name: 'readability+linkedom', run: (p) => readabilityBaseline(p.html) },
];

function run(pages: readonly BenchmarkPage[], contender: Contender): { results: PageResult[]; pagesPerSec: number } {
  for (const page of pages.slice(0, 10)) contender.run(page); // warm-up: JIT and lazily loaded modules
  const started = performance.now();
  const outputs = pages.map(contender.run);
  const seconds = (performance.now() - started) / 1000;
  const results = pages.map((p, i) => {
    const output = outputs[i] ?? { text: '', title: null, published: null };
    return { shingle: scorePage(p.expected, output.text), word: wordScore(p.expected, output.text), output };
  });
  return { results, pagesPerSec: pages.length / seconds };
}

function shingleF1(s: PageScore): number {
  if (s.fp === 0 && s.fn === 0) return 1;
  return s.tp === 0 ? 0 : (2 * s.tp) / (2 * s.tp + s.fp + s.fn);
}

function share(pages: readonly BenchmarkPage[], ok: (p: BenchmarkPage, i: number) => boolean | null): number | null {
  const judged = pages.map(ok).filter((v): v is boolean => v !== null);
  return judged.length === 0 ? null : judged.filter(Boolean).length / judged.length;
}

function summarise(pages: readonly BenchmarkPage[], results: readonly PageResult[], pagesPerSec: number): Summary {
  const out = (i: number): Output | undefined => results[i]?.output;
  return {
    shingle: aggregateScores(results.map((r) => r.shingle)),
    shingleSpread: spreadOf(results.map((r) => shingleF1(r.shingle))),
    word: spreadOf(results.map((r) => r.word.f1)),
    headline: share(pages, (p, i) => (p.title === null ? null : sameHeadline(p.title, out(i)?.title ?? null))),
    date: share(pages, (p, i) => (p.published === null ? null : sameDay(p.published, datePart(out(i)?.published)))),
    dateAny: share(pages, (p, i) =>
      p.published === null
        ? null
        : sameDay(p.published, datePart(out(i)?.published)) || sameDay(p.published, datePart(out(i)?.modified)),
    ),
    pagesPerSec,
  };
}

// Readability reports the page's own date string; ours is ISO 8601. Compare the calendar day of either.
function datePart(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString().slice(0, 10);
}

const f = (x: number | null, width = 8): string => (x === null ? '-' : x.toFixed(3)).padStart(width);

function header(): string {
  const cols = ['shP', 'shR', 'shF1', 'sh<.5', 'wF1', 'wMed', 'w<.5', 'title', 'date', 'pages/s'];
  return `${'extractor'.padEnd(22)}${cols.map((c) => c.padStart(8)).join('')}`;
}

function row(name: string, s: Summary): string {
  const cells = [
    f(s.shingle.precision),
    f(s.shingle.recall),
    f(s.shingle.f1),
    String(s.shingleSpread.underHalf).padStart(8),
    f(s.word.mean),
    f(s.word.median),
    String(s.word.underHalf).padStart(8),
    f(s.headline),
    f(s.date),
    s.pagesPerSec.toFixed(1).padStart(8),
  ];
  return `${name.padEnd(22)}${cells.join('')}`;
}

/** Figures on the two halves of the set by id (even / odd position in id order): a wide gap means a few pages decide. */
function halves(results: readonly PageResult[]): string {
  const half = (k: number): PageResult[] => results.filter((_, i) => i % 2 === k);
  const [even, odd] = [half(0), half(1)];
  const sh = (r: PageResult[]): string => aggregateScores(r.map((x) => x.shingle)).f1.toFixed(4);
  const wd = (r: PageResult[]): string => spreadOf(r.map((x) => x.word.f1)).mean.toFixed(4);
  const un = (r: PageResult[]): number => spreadOf(r.map((x) => x.word.f1)).underHalf;
  return `halves by id (even / odd): shingle F1 ${sh(even)} / ${sh(odd)}, word F1 ${wd(even)} / ${wd(odd)}, word <0.5 ${un(even)} / ${un(odd)}`;
}

function pageLine(page: BenchmarkPage, ours: PageResult, base: PageResult | undefined): string {
  const w = ours.word;
  return `${page.id.slice(0, 14).padEnd(15)} word P=${w.precision.toFixed(3)} R=${w.recall.toFixed(3)} F1=${w.f1.toFixed(3)} shingle F1=${shingleF1(ours.shingle).toFixed(3)} | readability word F1=${(base?.word.f1 ?? 0).toFixed(3)}`;
}

function tailCount(): number | null {
  const at = process.argv.indexOf('--tail');
  if (at < 0) return null;
  const n = Number(process.argv[at + 1]);
  return Number.isFinite(n) && n > 0 ? n : null;
}

interface SetReport {
  key: string;
  pages: BenchmarkPage[];
  ours: Summary;
  base: Summary;
}

function evaluateSet(label: string, key: string, dir: string): SetReport {
  const pages = loadBenchmarkPages(dir);
  const [oursRun, baseRun] = CONTENDERS.map((c) => run(pages, c));
  if (oursRun === undefined || baseRun === undefined) throw new Error('no contenders');
  const ours = summarise(pages, oursRun.results, oursRun.pagesPerSec);
  const base = summarise(pages, baseRun.results, baseRun.pagesPerSec);
  console.log(`\n${label}: ${pages.length} pages from ${dir}`);
  console.log(header());
  console.log(row('eventwire', ours));
  console.log(row('readability+linkedom', base));
  console.log(`eventwire ${halves(oursRun.results)}`);
  if (ours.dateAny !== null)
    console.log(`eventwire date agreement counting the modified day too: ${f(ours.dateAny, 0)}`);
  const lines = pages.map((p, i) => ({ p, ours: oursRun.results[i], base: baseRun.results[i] }));
  if (process.argv.includes('--pages')) {
    for (const l of lines) if (l.ours !== undefined) console.log(pageLine(l.p, l.ours, l.base));
  }
  if (key === 'wcxb') {
    const sorted = lines
      .filter((l): l is typeof l & { ours: PageResult } => l.ours !== undefined)
      .sort((a, b) => a.ours.word.f1 - b.ours.word.f1);
    const n = tailCount();
    const tail = n === null ? sorted.filter((l) => l.ours.word.f1 < 0.5) : sorted.slice(0, n);
    console.log(`tail (${n === null ? 'word F1 under 0.5' : `worst ${n}`}):`);
    for (const l of tail) console.log(`  ${pageLine(l.p, l.ours, l.base)}`);
  }
  return { key, pages, ours, base };
}

function metrics(report: SetReport): Record<string, number | null> {
  const r = (x: number | null): number | null => (x === null ? null : Number(x.toFixed(4)));
  const { ours, base } = report;
  const prefix = report.key === 'scrapinghub' ? 'extract' : `extract_${report.key}`;
  const out: Record<string, number | null> = {
    [`${prefix}_f1`]: r(ours.shingle.f1),
    [`${prefix}_word_f1`]: r(ours.word.mean),
    [`${prefix}_word_f1_median`]: r(ours.word.median),
    [`${prefix}_word_under_half`]: ours.word.underHalf,
    [`${prefix}_readability_f1`]: r(base.shingle.f1),
    [`${prefix}_readability_word_f1`]: r(base.word.mean),
    [`${prefix}_readability_word_under_half`]: base.word.underHalf,
  };
  if (report.key === 'scrapinghub') {
    Object.assign(out, {
      extract_precision: r(ours.shingle.precision),
      extract_recall: r(ours.shingle.recall),
      extract_accuracy: r(ours.shingle.accuracy),
    });
  }
  if (ours.headline !== null) out[`${prefix}_headline`] = r(ours.headline);
  if (ours.date !== null) out[`${prefix}_date`] = r(ours.date);
  if (ours.dateAny !== null) out[`${prefix}_date_published_or_modified`] = r(ours.dateAny);
  if (base.headline !== null) out[`${prefix}_readability_headline`] = r(base.headline);
  if (base.date !== null) out[`${prefix}_readability_date`] = r(base.date);
  return out;
}

function main(): void {
  let reports: SetReport[];
  try {
    reports = [
      evaluateSet('Scrapinghub benchmark, dev half', 'scrapinghub', defaultCorpusDir(repoRoot)),
      evaluateSet('WCXB article pages, dev split', 'wcxb', wcxbCorpusDir(repoRoot)),
    ];
  } catch (error) {
    console.error(`eval-extract: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  console.log(
    '\nsh = 4-gram shingle metric (P, R and F1 of per-page means; <.5 = pages under 0.5); w = WCXB word F1 (mean, median, pages under 0.5);',
  );
  console.log(
    'title/date = headline equal after entity, case and space folding / published day equal, where the meta has them',
  );
  console.log(
    'pages/s here is one pass after a short warm-up; npm run bench (bench-extract) is the reference for speed',
  );
  console.log(`RESULT ${JSON.stringify(Object.assign({}, ...reports.map(metrics)))}`);
}

main();
