import { createEventCoder } from '../src/coder/index.js';
const coder = createEventCoder();
const text = process.argv[2] ?? '';
const a = coder.code({ text, date: process.argv[3] ?? null });
for (const e of a.events) console.log(e.type, e.code, e.mode, e.date, e.location?.name, '|', e.source.text, e.source.code, e.source.sector, '->', e.target?.text, e.target?.code, e.target?.sector, e.reciprocal, '{', text.slice(e.offsets.verb[0], e.offsets.verb[1]), '}');
console.log(a.entities.map((x) => `${x.kind}:${x.text}:${x.code}`).join(' | '));
