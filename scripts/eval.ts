// npm run eval: extraction, feed-corpus and event-coding scores on the development data in ../shared.
import { printSummary, runScripts } from './run-suite.js';

const results = runScripts(['eval-extract', 'eval-feeds', 'eval-coder']);
printSummary('eval', results);
process.exitCode = results.every((result) => result.ok) ? 0 : 1;
