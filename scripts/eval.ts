// npm run eval: extraction, feed-corpus, event-coding and copy-detection scores on the development data in ../shared,
// checked against the pinned floors in scripts/eval-floors.json.
import { checkPinnedFloors, printSummary, runScripts } from './run-suite.js';

const results = runScripts(['eval-extract', 'eval-feeds', 'eval-coder', 'eval-copies']);
printSummary('eval', results);
const metrics = Object.assign({}, ...results.map((result) => result.metrics)) as Record<string, unknown>;
const floorsHold = checkPinnedFloors('scripts/eval-floors.json', metrics);
process.exitCode = results.every((result) => result.ok) && floorsHold ? 0 : 1;
