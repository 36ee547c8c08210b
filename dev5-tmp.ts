import { parseHTML } from 'linkedom';
import { loadBenchmarkPages } from './src/extract/eval/corpus.js';
import { stripNoise } from './src/extract/html-document.js';
const pages = loadBenchmarkPages('/work/shared/eval/extraction');
for (let r = 0; r < 2; r++) {
let s = performance.now(); for (const p of pages) parseHTML(p.html); const a = performance.now() - s;
s = performance.now(); for (const p of pages) stripNoise(p.html); const b = performance.now() - s;
s = performance.now(); for (const p of pages) parseHTML(stripNoise(p.html)); const c = performance.now() - s;
console.log('raw parse', (a/pages.length).toFixed(2), 'strip', (b/pages.length).toFixed(2), 'strip+parse', (c/pages.length).toFixed(2));
}
