import { readFileSync } from 'node:fs';
import { createEventCoder } from '../src/coder/index.js';
const coder = createEventCoder();
const text = readFileSync(process.argv[2] ?? '../shared/seeds/000_1b2de568631d7ccf.txt', 'utf8');
const a = coder.code({ text, date: process.argv[3] ?? '2017-01-09' });
for (const e of a.events) console.log(e.sentence_index, e.type, e.code, e.mode, e.date, e.location?.name, '|', e.source.text, e.source.code, e.source.sector, '->', e.target?.text, e.target?.code, e.target?.sector, e.reciprocal, '{', text.slice(e.offsets.verb[0], e.offsets.verb[1]), '}', e.context.join(','));
console.log(a.entities.map((x) => `${x.kind}:${x.text}:${x.code}`).join(' | '));
for (const q of a.quotations) console.log('Q', q.speaker, '::', q.quote.slice(0, 60));
