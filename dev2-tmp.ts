import { loadBenchmarkPages } from './src/extract/eval/corpus.js';
import { parseDocument } from './src/extract/html-document.js';
import { hasBoilerplateHint } from './src/extract/preclean.js';
const pages = loadBenchmarkPages('/work/shared/eval/extraction');
for (const id of process.argv.slice(2)) {
  const p = pages.find((x) => x.id.startsWith(id)); if (!p) continue;
  const d = parseDocument(p.html);
  const exp = p.expected.slice(0, 60);
  console.log('==', id, exp);
  // find element containing first expected words, and print its ancestors with hints
  const all = Array.from(d.querySelectorAll('body *'));
  const line = p.expected.split('\n').sort((a,b)=>b.length-a.length)[0] ?? ''; const probe = line.slice(10, 30);
  let el = all.filter((e) => (e.textContent ?? '').includes(probe)).pop() ?? null;
  while (el) { console.log('  ', el.tagName, JSON.stringify(el.getAttribute('class')), el.getAttribute('id'), el.getAttribute('aria-hidden'), el.hasAttribute('hidden'), hasBoilerplateHint(el)); el = el.parentElement; }
}
