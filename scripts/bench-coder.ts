/**
 * Event-coder throughput on news-like text: whole pipeline (wink pass, actors, events, dates,
 * places, quotes) on one core. Uses synthetic paragraphs written for this bench (no shared data).
 * Last stdout line: RESULT {"coder_sentences_per_sec": N, "coder_peak_rss_mb": M}.
 */
import { createEventCoder } from '../src/coder/index.js';
import { tokenizeText } from '../src/coder/nlp.js';

const PARAGRAPHS = [
  'Israeli troops shot dead two Palestinian gunmen near the town of Jenin on Tuesday, the army said. Hamas vowed to retaliate.',
  'Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Moscow on Friday to discuss the war in Syria.',
  'The UN Security Council adopted a resolution demanding an immediate ceasefire in Yemen. The United States abstained.',
  'Thousands of protesters rallied in central Caracas on Sunday to demand the resignation of President Nicolas Maduro, witnesses said.',
  'Police in Lagos arrested 20 opposition activists who had blocked a main road, a police spokesman said on Monday.',
  'The European Union imposed new sanctions on Iran over its nuclear programme. Tehran rejected the move as illegal.',
  'China will provide $50 million in humanitarian aid to Pakistan after the floods, the foreign ministry in Beijing said.',
  '"We are ready to negotiate without conditions," the rebel leader told reporters. He said the talks would start next week in Geneva.',
  'Ukrainian forces shelled positions near Donetsk overnight, while Russia accused Kyiv of violating the truce.',
  'Kenyan teachers went on strike on Wednesday demanding higher pay. The government did not negotiate with the union.',
];

const coder = createEventCoder();
const article = PARAGRAPHS.join(' ');
const sentencesPerArticle = tokenizeText(article).length;
for (let i = 0; i < 50; i += 1) coder.code({ text: article, date: '2024-03-12' });
let peak = process.memoryUsage().rss;
const rounds = 600;
const t0 = performance.now();
for (let i = 0; i < rounds; i += 1) {
  coder.code({ text: article, date: '2024-03-12' });
  if (i % 50 === 0) peak = Math.max(peak, process.memoryUsage().rss);
}
const seconds = (performance.now() - t0) / 1000;
peak = Math.max(peak, process.memoryUsage().rss);
const perSec = Math.round((rounds * sentencesPerArticle) / seconds);
const rssMb = Math.round(peak / 1048576);
console.log(`coded ${rounds} articles x ${sentencesPerArticle} sentences in ${seconds.toFixed(2)} s: ${perSec} sentences/s, peak RSS ${rssMb} MB`);
console.log(`RESULT ${JSON.stringify({ coder_sentences_per_sec: perSec, coder_peak_rss_mb: rssMb })}`);
