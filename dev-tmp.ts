import { loadBenchmarkPages } from './src/extract/eval/corpus.js';
import { scorePage, aggregateScores, benchmarkTokens } from './src/extract/eval/shingle-metric.js';
import { joinBlocks } from './src/extract/text-blocks.js';
import { parseDocument } from './src/extract/html-document.js';
import { extractMainText } from './src/extract/main-text.js';
const pages = loadBenchmarkPages('/work/shared/eval/extraction');
const show = process.argv[2];
const scores = pages.map((p) => { const document = parseDocument(p.html);
  const blocks = extractMainText(document, null).blocks;
  const s = scorePage(p.expected, joinBlocks(blocks));
  if (show === 'all' || show === p.id.slice(0,6)) {
    const exp = ' ' + benchmarkTokens(p.expected).join(' ') + ' ';
    console.log(`=== ${p.id.slice(0,6)} P=${(s.tp/(s.tp+s.fp)).toFixed(3)} R=${(s.tp/(s.tp+s.fn)).toFixed(3)}`);
    for (const b of blocks) { const t = benchmarkTokens(b.text).join(' '); if (!exp.includes(' '+t+' ')) console.log(`  FP [${b.tag}|${b.hint.slice(0,40)}] ${b.text.slice(0,150)}`); }
  }
  return s; });
console.log(aggregateScores(scores));
if (show && show !== 'all') {
  const p = pages.find((x) => x.id.startsWith(show));
  if (p) { const d = parseDocument(p.html); const out = ' ' + benchmarkTokens(joinBlocks(extractMainText(d, null).blocks)).join(' ') + ' ';
    for (const line of p.expected.split('\n')) { const t = benchmarkTokens(line).join(' '); if (t && !out.includes(' '+t+' ')) console.log('  FN', line.slice(0, 150)); } }
}
