import * as chrono from 'chrono-node';
const orig = chrono.parse;
let n = 0; const seen = new Map<string, number>();
(chrono as any).parse;
import { findDateMentions } from '../src/coder/event-date.js';
const texts = ['Teachers in Chad went on strike on Monday demanding higher pay.', 'He said the talks with Peru would start next week.', 'Police in Mali arrested 25 opposition activists who had blocked a main road, a spokesman said.', 'Chile will provide 55 million dollars in humanitarian aid to Laos after the floods.'];
for (const t of texts) console.log(t, JSON.stringify(findDateMentions(t, '2024-03-12')));
