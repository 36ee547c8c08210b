// npm run eval: extraction, feed-corpus, event-coding and copy-detection scores on the development data in ../shared,
// checked against the pinned floors in scripts/eval-floors.json.
import { readFileSync } from 'node:fs';
import { printSummary, runScripts } from './run-suite.js';

interface Floors {
  min: Record<string, number>;
  max: Record<string, number>;
}

const floors = JSON.parse(readFileSync('scripts/eval-floors.json', 'utf8')) as Floors;
const results = runScripts(['eval-extract', 'eval-feeds', 'eval-coder', 'eval-copies']);
printSummary('eval', results);
const metrics = Object.assign({}, ...results.map((result) => result.metrics)) as Record<string, unknown>;
const breaches = [
  ...Object.entries(floors.min)
    .filter(([key, floor]) => !(Number(metrics[key]) >= floor))
    .map(([key, floor]) => `${key} ${String(metrics[key])} < floor ${floor}`),
  ...Object.entries(floors.max)
    .filter(([key, ceiling]) => !(Number(metrics[key]) <= ceiling))
    .map(([key, ceiling]) => `${key} ${String(metrics[key])} > ceiling ${ceiling}`),
];
process.stdout.write(
  breaches.length === 0 ? '\nall pinned floors hold\n' : `\nBELOW FLOOR:\n  ${breaches.join('\n  ')}\n`,
);
process.exitCode = results.every((result) => result.ok) && breaches.length === 0 ? 0 : 1;
