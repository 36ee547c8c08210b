// npm run bench: per-stage throughput, end-to-end run, bundle sizes; saved to .eventwire/bench.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { printSummary, runScripts } from './run-suite.js';

const results = runScripts([
  'bench-feeds',
  'bench-fetch',
  'bench-extract',
  'bench-coder',
  'bundle-sizes',
  'bench-cold-start',
  'bench-e2e',
  'bench-cost',
]);
printSummary('bench', results);
const merged = Object.assign(
  { measured_at: new Date().toISOString() },
  ...results.map((result) => result.metrics),
) as Record<string, unknown>;
mkdirSync('.eventwire', { recursive: true });
writeFileSync('.eventwire/bench.json', `${JSON.stringify(merged, null, 2)}\n`);
process.stdout.write('\nsaved .eventwire/bench.json\n');
process.exitCode = results.every((result) => result.ok) ? 0 : 1;
