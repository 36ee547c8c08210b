import { createEventCoder } from '../src/coder/index.js';
import { tokenizeText } from '../src/coder/nlp.js';
const P = ['Israeli troops shot dead two Palestinian gunmen near the town of Jenin on Tuesday, the army said. Hamas vowed to retaliate.', 'Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Moscow on Friday to discuss the war in Syria.', 'The UN Security Council adopted a resolution demanding an immediate ceasefire in Yemen. The United States abstained.', 'Thousands of protesters rallied in central Caracas on Sunday to demand the resignation of President Nicolas Maduro, witnesses said.', 'Police in Lagos arrested 20 opposition activists who had blocked a main road, a police spokesman said on Monday.'];
const text = P.join(' ');
const coder = createEventCoder();
for (let i = 0; i < 100; i++) { coder.code({ text, date: '2024-03-12' }); tokenizeText(text); }
let t0 = performance.now(); for (let i = 0; i < 1000; i++) tokenizeText(text); const tw = performance.now() - t0;
t0 = performance.now(); for (let i = 0; i < 1000; i++) coder.code({ text, date: '2024-03-12' }); const tc = performance.now() - t0;
console.log('wink', tw.toFixed(0), 'coder', tc.toFixed(0), 'ratio', (tc / tw).toFixed(2));
