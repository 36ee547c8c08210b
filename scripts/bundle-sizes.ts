/**
 * Bundles every Lambda entry exactly as the CDK construct does (shared options in infra/bundling.ts) and
 * prints the size of each deployed bundle, with its three largest inputs: the pipeline's functions and the
 * optional backfill's (backfill-plan, backfill-worker), which ship whenever a stack is deployed with `backfill=true`.
 *
 *   npx tsx scripts/bundle-sizes.ts
 *
 * Exits 1 if any bundle (index.mjs, data inlined) exceeds its limit (5 MB; 6 MB for code-events, whose
 * dictionaries may grow as long as its cold start stays under 1 s, see scripts/bench-cold-start.ts; 7 MB for
 * backfill-worker, which holds code-events' dictionaries and fetch-article's extraction together) or fails to
 * build. The source map ships too but is only read when an error is formatted, so it is reported, not gated.
 * Last line: RESULT {"bundle_bytes": {...}, "sourcemap_bytes": {...}, "zipped_bytes": {...}, "limit_bytes": 5242880, "limits_bytes": {...}}
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { BUNDLE, esbuildBuildOptions } from '../infra/bundling.js';
import { ALL_FUNCTION_IDS, type AnyFunctionId, entryOf } from '../infra/functions.js';
import { fromRepoRoot } from '../infra/paths.js';

const LIMIT_BYTES = 5 * 1024 * 1024;
/**
 * The event coder carries the NLP model, gazetteer and actor dictionaries inlined; the backfill worker carries
 * them too, with the extraction of fetch-article (one cold start per up to 10 minutes of work, see infra/functions.ts).
 */
const LIMITS: Partial<Record<AnyFunctionId, number>> = {
  'code-events': 6 * 1024 * 1024,
  'backfill-worker': 7 * 1024 * 1024,
};
const limitOf = (id: AnyFunctionId): number => LIMITS[id] ?? LIMIT_BYTES;
/** Handlers without NLP models should stay well below this; reported as a hint, not a failure. */
const LIGHT_BYTES = 1024 * 1024;

interface Measured {
  readonly id: AnyFunctionId;
  readonly bundleBytes: number;
  readonly sourcemapBytes: number;
  /** Compressed size of bundle + map: roughly what the deployment zip weighs. */
  readonly zippedBytes: number;
  readonly largestInputs: readonly string[];
}

async function measure(id: AnyFunctionId, outRoot: string): Promise<Measured> {
  const outdir = join(outRoot, id);
  const result = await build({ ...esbuildBuildOptions(fromRepoRoot(entryOf(id)), outdir, id), metafile: true });
  const file = join(outdir, BUNDLE.outFile);
  return {
    id,
    bundleBytes: statSync(file).size,
    sourcemapBytes: statSync(`${file}.map`).size,
    zippedBytes: gzipSync(readFileSync(file)).length + gzipSync(readFileSync(`${file}.map`)).length,
    largestInputs: largestInputs(result.metafile),
  };
}

/** The three inputs contributing most bytes to the output, as "path (KB)". */
function largestInputs(metafile: Metafile): string[] {
  const output = Object.values(metafile.outputs).find((o) => o.entryPoint !== undefined);
  if (!output) return [];
  return Object.entries(output.inputs)
    .sort(([, a], [, b]) => b.bytesInOutput - a.bytesInOutput)
    .slice(0, 3)
    .map(([path, input]) => `${path.replace(/^node_modules\//, '')} (${Math.round(input.bytesInOutput / 1024)} KB)`);
}

function printTable(rows: readonly Measured[]): void {
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`.padStart(9);
  console.log(
    `${'function'.padEnd(16)}${'bundle'.padStart(9)}${'map'.padStart(9)}${'zipped'.padStart(9)}  largest inputs`,
  );
  for (const r of rows) {
    const limit = limitOf(r.id);
    const over = `  OVER ${limit / 1024 / 1024} MB`;
    const flag = r.bundleBytes > limit ? over : r.bundleBytes > LIGHT_BYTES ? '  (> 1 MB)' : '';
    console.log(
      `${r.id.padEnd(16)}${kb(r.bundleBytes)}${kb(r.sourcemapBytes)}${kb(r.zippedBytes)}  ${r.largestInputs.join(', ')}${flag}`,
    );
  }
}

async function main(): Promise<void> {
  const outRoot = mkdtempSync(join(tmpdir(), 'eventwire-bundles-'));
  const rows: Measured[] = [];
  const failures: string[] = [];
  try {
    for (const id of ALL_FUNCTION_IDS) {
      try {
        rows.push(await measure(id, outRoot));
      } catch (error) {
        failures.push(`${id}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      }
    }
  } finally {
    rmSync(outRoot, { recursive: true, force: true });
  }
  printTable(rows);
  for (const failure of failures) console.error(`build failed: ${failure}`);
  const over = rows.filter((r) => r.bundleBytes > limitOf(r.id)).map((r) => r.id);
  if (over.length > 0) console.error(`over the size limit: ${over.join(', ')}`);
  console.log(
    `RESULT ${JSON.stringify({
      bundle_bytes: Object.fromEntries(rows.map((r) => [r.id, r.bundleBytes])),
      sourcemap_bytes: Object.fromEntries(rows.map((r) => [r.id, r.sourcemapBytes])),
      zipped_bytes: Object.fromEntries(rows.map((r) => [r.id, r.zippedBytes])),
      limit_bytes: LIMIT_BYTES,
      limits_bytes: Object.fromEntries(rows.map((r) => [r.id, limitOf(r.id)])),
    })}`,
  );
  if (over.length > 0 || failures.length > 0) process.exitCode = 1;
}

await main();
