import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export interface SuiteResult {
  script: string;
  ok: boolean;
  metrics: Record<string, unknown>;
}

/**
 * Runs each sub-script (`npx tsx scripts/<name>.ts`) in its own process, streaming its report, and collects
 * the metrics of its last `RESULT {json}` line. A missing script is reported, not fatal; a failing one is.
 */
export function runScripts(names: readonly string[]): SuiteResult[] {
  const results: SuiteResult[] = [];
  for (const name of names) {
    const path = `scripts/${name}.ts`;
    if (!existsSync(path)) {
      process.stdout.write(`\n== ${name}: not present\n`);
      results.push({ script: name, ok: false, metrics: {} });
      continue;
    }
    process.stdout.write(`\n== ${name}\n`);
    const run = spawnSync(process.execPath, ['--openssl-legacy-provider', '--import', 'tsx', path], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines = (run.stdout ?? '').split('\n');
    process.stdout.write(lines.filter((line) => !line.startsWith('RESULT ')).join('\n'));
    const resultLine = lines.reverse().find((line) => line.startsWith('RESULT '));
    const metrics = resultLine ? (JSON.parse(resultLine.slice('RESULT '.length)) as Record<string, unknown>) : {};
    results.push({ script: name, ok: run.status === 0 && resultLine !== undefined, metrics });
  }
  return results;
}

export function printSummary(title: string, results: readonly SuiteResult[]): void {
  process.stdout.write(`\n== ${title} summary\n`);
  for (const result of results) {
    process.stdout.write(`${result.ok ? 'ok  ' : 'FAIL'} ${result.script}\n`);
    for (const [key, value] of Object.entries(result.metrics)) {
      process.stdout.write(
        `     ${key.padEnd(36)} ${typeof value === 'object' ? JSON.stringify(value) : String(value)}\n`,
      );
    }
  }
}

/**
 * Checks merged metrics against a pinned floors file (`min`: a metric must be at least this, `max`: at most this),
 * prints the outcome and returns whether every one holds. A metric that was not measured breaches its floor.
 */
export function checkPinnedFloors(path: string, metrics: Record<string, unknown>): boolean {
  const floors = JSON.parse(readFileSync(path, 'utf8')) as { min: Record<string, number>; max: Record<string, number> };
  const breaches = [
    ...Object.entries(floors.min)
      .filter(([key, floor]) => !(Number(metrics[key]) >= floor))
      .map(([key, floor]) => `${key} ${String(metrics[key])} < floor ${floor}`),
    ...Object.entries(floors.max)
      .filter(([key, ceiling]) => !(Number(metrics[key]) <= ceiling))
      .map(([key, ceiling]) => `${key} ${String(metrics[key])} > ceiling ${ceiling}`),
  ];
  process.stdout.write(
    breaches.length === 0
      ? `\nall pinned floors hold (${path})\n`
      : `\nBELOW FLOOR (${path}):\n  ${breaches.join('\n  ')}\n`,
  );
  return breaches.length === 0;
}
