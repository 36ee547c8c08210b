import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createEventCoder } from '../src/coder/index.js';
// minimal CSV parser
function parseCsv(text: string): string[][] {
  const rows: string[][] = []; let row: string[] = []; let f = ''; let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) { if (c === '"') { if (text[i + 1] === '"') { f += '"'; i++; } else q = false; } else f += c; }
    else if (c === '"') q = true; else if (c === ',') { row.push(f); f = ''; } else if (c === '\n') { row.push(f); rows.push(row); row = []; f = ''; } else if (c !== '\r') f += c;
  }
  if (f || row.length) { row.push(f); rows.push(row); }
  return rows;
}
const rows = parseCsv(gunzipSync(readFileSync('../shared/train/ngec-synthetic-events.csv.gz')).toString('utf8'));
const header = rows[0] ?? [];
const ti = header.indexOf('text'), li = header.indexOf('label');
const coder = createEventCoder();
const byLabel = new Map<string, { n: number; hit: number; top: number }>();
let sentences = 0; const t0 = performance.now();
for (const r of rows.slice(1, 1501)) {
  const text = r[ti] ?? '', label = r[li] ?? '';
  const ev = coder.code({ text, date: '2023-06-01' }).events;
  sentences += text.split(/[.!?]\s/).length;
  const counts = new Map<string, number>(); for (const e of ev) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const s = byLabel.get(label) ?? { n: 0, hit: 0, top: 0 }; s.n++; if (counts.has(label)) s.hit++; if (top === label) s.top++; byLabel.set(label, s);
}
let n = 0, hit = 0, top = 0;
for (const [l, s] of [...byLabel.entries()].sort()) { console.log(l.padEnd(10), s.n, (s.hit / s.n).toFixed(2), (s.top / s.n).toFixed(2)); n += s.n; hit += s.hit; top += s.top; }
console.log('ALL', n, 'label-present', (hit / n).toFixed(3), 'label-is-majority', (top / n).toFixed(3), 'approx sent/s', Math.round(sentences / ((performance.now() - t0) / 1000)));
