import { readFileSync } from 'node:fs';
import { createEventCoder } from '../src/coder/index.js';
const coder = createEventCoder();
const gold = readFileSync('../shared/eval/events/plover-gsr.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((g: any) => Number(/(\d+)$/.exec(g.id)?.[1]) % 2 === 0);
for (const g of gold) {
  const ev = coder.code({ text: g.text, date: null }).events;
  for (const ge of g.events) {
    const ps = ev.filter((e) => e.type === ge.type);
    if (ps.length === 0) continue;
    const gt = ge.target_actors.map((a: any) => a.code);
    if (gt.length === 0) continue;
    const got = ps.flatMap((p) => [p.target?.code, p.source.code]);
    if (!gt.some((c: string) => got.includes(c))) console.log(`${ge.type} GOLD ${ge.target_actors.map((a: any) => a.text + '=' + a.code).join(',')} PRED ${ps.map((p) => (p.target?.text ?? '-') + '=' + p.target?.code).join(',')} | ${g.text.slice(0, 140)}`);
  }
}
