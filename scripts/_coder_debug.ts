import { readFileSync } from 'node:fs';
import { createEventCoder } from '../src/coder/index.js';
const coder = createEventCoder();
const gold = readFileSync('../shared/eval/events/plover-gsr.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const only = process.argv[2];
for (const g of gold.filter((x: any) => process.argv[3] !== "even" || Number(/(\d+)$/.exec(x.id)?.[1]) % 2 === 0)) {
  const ev = coder.code({ text: g.text, date: null }).events;
  const gt = g.events.map((e: any) => `${e.type}[${e.source_actors.map((a: any) => a.code).join(',')}>${e.target_actors.map((a: any) => a.code).join(',')}]`).join(' ');
  const pt = ev.map((e) => `${e.type}/${e.code}${e.mode ? '/' + e.mode : ''}[${e.source.code}:${e.source.text}>${e.target?.code ?? ''}:${e.target?.text ?? ''}]{${g.text.slice(e.offsets.verb[0], e.offsets.verb[1])}}`).join(' ');
  const ok = g.events.every((e: any) => ev.some((p) => p.type === e.type)) && ev.every((p) => g.events.some((e: any) => e.type === p.type));
  if (only === 'all' || !ok) console.log(`${ok ? 'OK ' : 'XX '}${g.text}\n   GOLD ${gt}\n   PRED ${pt}`);
}
