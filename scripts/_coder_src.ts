import { readFileSync } from 'node:fs';
import { createEventCoder } from '../src/coder/index.js';
const coder = createEventCoder();
const gold = readFileSync('../shared/eval/events/plover-gsr.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l));
for (const g of gold) {
  const ev = coder.code({ text: g.text, date: null }).events;
  for (const ge of g.events) {
    const p = ev.find((e) => e.type === ge.type);
    if (!p) continue;
    const gs = ge.source_actors.map((a: any) => a.code);
    if (gs.length === 0) continue;
    const ps = [p.source.code, p.reciprocal ? p.target?.code : null];
    if (!gs.some((c: string) => ps.includes(c))) console.log(`${ge.type} GOLD ${ge.source_actors.map((a: any) => a.text + '=' + a.code).join(',')} PRED ${p.source.text}=${p.source.code} | ${g.text.slice(0, 150)}`);
  }
}
