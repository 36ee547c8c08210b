// npm run bench: per-stage throughput, end-to-end run, bundle sizes, cost; saved to .eventwire/bench.json and
// checked against the pinned floors in scripts/bench-floors.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { checkPinnedFloors, printSummary, runScripts } from './run-suite.js';

const results = runScripts([
  'bench-feeds',
  'bench-fetch',
  'bench-extract',
  'bench-coder',
  'bundle-sizes',
  'bench-cold-start',
  'bench-e2e',
  'bench-cost',
  'bench-backfill',
]);
printSummary('bench', results);
const cost = (key: string): string => {
  const value = results.map((result) => result.metrics[key]).find((v) => typeof v === 'number');
  return typeof value === 'number' ? `${value.toFixed(1)} USD` : 'not measured';
};
process.stdout.write(
  `\ncost per million articles: live feeds ${cost('cost_usd_per_million_articles')} on-demand in production's shape (provisioned ${cost('cost_provisioned_usd_per_million_articles')}, demo shape ${cost('cost_demo_shape_usd_per_million_articles')}), archive backfill ${cost('backfill_cost_usd_per_million_articles')} (assumptions printed by bench-cost and bench-backfill)\n`,
);
const merged = Object.assign(
  { measured_at: new Date().toISOString() },
  ...results.map((result) => result.metrics),
) as Record<string, unknown>;
mkdirSync('.eventwire', { recursive: true });
writeFileSync('.eventwire/bench.json', `${JSON.stringify(merged, null, 2)}\n`);
process.stdout.write('\nsaved .eventwire/bench.json\n');
const floorsHold = checkPinnedFloors('scripts/bench-floors.json', merged);
process.exitCode = results.every((result) => result.ok) && floorsHold ? 0 : 1;
