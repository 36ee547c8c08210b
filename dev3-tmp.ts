import { Readability } from '@mozilla/readability';
import { loadBenchmarkPages } from './src/extract/eval/corpus.js';
import { parseDocument } from './src/extract/html-document.js';
import { removeBoilerplate } from './src/extract/preclean.js';
import { textBlocks } from './src/extract/text-blocks.js';
const pages = loadBenchmarkPages('/work/shared/eval/extraction');
for (const id of process.argv.slice(2)) {
  const p = pages.find((x) => x.id.startsWith(id)); if (!p) continue;
  for (const clean of [false, true]) {
    const d = parseDocument(p.html);
    if (clean && d.body) removeBoilerplate(d.body);
    const r = new Readability<Node>(d, { serializer: (n) => n, keepClasses: true }).parse();
    const b = r?.content ? textBlocks(r.content) : [];
    console.log(id, clean, b.length, b.slice(0, 12).map((x) => `[${x.tag}] ${x.text.slice(0, 60)}`).join('\n   '));
  }
}
