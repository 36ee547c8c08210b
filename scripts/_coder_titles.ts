import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
function parseCsv(text: string): string[][] {
  const rows: string[][] = []; let row: string[] = []; let f = ''; let q = false;
  for (let i = 0; i < text.length; i++) { const c = text[i];
    if (q) { if (c === '"') { if (text[i + 1] === '"') { f += '"'; i++; } else q = false; } else f += c; }
    else if (c === '"') q = true; else if (c === ',') { row.push(f); f = ''; } else if (c === '\n') { row.push(f); rows.push(row); row = []; f = ''; } else if (c !== '\r') f += c; }
  return rows;
}
const rows = parseCsv(gunzipSync(readFileSync('../shared/train/ngec-synthetic-events.csv.gz')).toString('utf8'));
const h = rows[0] ?? [];
const want = process.argv[2];
let k = 0;
for (const r of rows.slice(1)) if (r[h.indexOf('label')] === want && k++ < 40) console.log(r[h.indexOf('mode')], '|', r[h.indexOf('title')]);
