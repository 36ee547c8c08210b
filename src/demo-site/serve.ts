/**
 * Run the demo news site on its own for manual browsing:
 *   npx tsx src/demo-site/serve.ts [port] [--generated FEEDSxARTICLES]
 * Stops on Ctrl-C.
 */
import { startDemoSite } from './index.js';

const args = process.argv.slice(2);
const port = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 0);
const generatedArg = args[args.indexOf('--generated') + 1];
const match = args.includes('--generated') ? /^(\d+)x(\d+)$/.exec(generatedArg ?? '') : null;
if (args.includes('--generated') && !match) {
  console.error('usage: serve.ts [port] [--generated FEEDSxARTICLES]  (e.g. --generated 50x40)');
  process.exit(2);
}
const site = await startDemoSite({
  port,
  generated: match ? { feeds: Number(match[1]), articlesPerFeed: Number(match[2]) } : undefined,
});
console.log(`demo news site on ${site.origin} (${site.articleCount} articles)`);
for (const feed of site.feeds.slice(0, 10)) console.log(`  ${feed.name}: ${feed.url} (every ${feed.poll_minutes} min)`);
if (site.feeds.length > 10) console.log(`  ... and ${site.feeds.length - 10} more feeds`);
process.once('SIGINT', () => void site.close().then(() => process.exit(0)));
