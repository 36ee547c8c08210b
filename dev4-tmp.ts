import { Readability } from '@mozilla/readability';
import { loadBenchmarkPages } from './src/extract/eval/corpus.js';
import { parseDocument } from './src/extract/html-document.js';
import { readPageMetadata } from './src/extract/metadata/page-metadata.js';
import { scanPage } from './src/extract/page-scan.js';
import { removeBoilerplate } from './src/extract/preclean.js';
import { textBlocks } from './src/extract/text-blocks.js';
import { filterBlocks } from './src/extract/block-filter.js';
const pages = loadBenchmarkPages('/work/shared/eval/extraction');
const t: Record<string, number> = {};
const add = (k: string, s: number) => { t[k] = (t[k] ?? 0) + performance.now() - s; };
for (let round = 0; round < 3; round++) for (const p of pages) {
  let s = performance.now(); const d = parseDocument(p.html); add('parse', s);
  s = performance.now(); const sc = scanPage(d); add('scan', s);
  s = performance.now(); const m = readPageMetadata(d, sc, p.url, null); add('meta', s);
  s = performance.now(); if (d.body) removeBoilerplate(d.body); add('preclean', s);
  s = performance.now(); const r = new Readability<Node>(d, { serializer: (n) => n, keepClasses: true }).parse(); add('readability', s);
  s = performance.now(); const b = r?.content ? textBlocks(r.content) : []; filterBlocks(b, m.title); add('blocks', s);
}
console.log(Object.fromEntries(Object.entries(t).map(([k, v]) => [k, (v / 3 / pages.length).toFixed(2) + 'ms'])));
