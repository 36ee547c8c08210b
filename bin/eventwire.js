#!/usr/bin/env node
// Launcher: runs the TypeScript CLI with tsx. s3rver's paginated listing needs OpenSSL's legacy provider.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const tsx = require.resolve('tsx');
const child = spawn(
  process.execPath,
  ['--openssl-legacy-provider', '--import', tsx, join(root, 'src/cli/main.ts'), ...process.argv.slice(2)],
  {
    // The IPC channel closes when this launcher dies, however it dies: the CLI then stops as on SIGTERM.
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
);
// Ctrl-C reaches the child through the terminal's process group too; it takes a repeat within a second as one.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 130 : 1)));

// The pipeline must not outlive whoever started it: when our parent, or npm above the shell it started us from,
// is gone (killed, closed terminal), the CLI is stopped as on SIGTERM.
const watched = [process.ppid];
if (process.env.npm_lifecycle_event || process.env.npm_command) watched.push(parentOf(process.ppid));
const watcher = setInterval(() => {
  if (process.ppid === watched[0] && watched.every((pid) => pid === undefined || alive(pid))) return;
  clearInterval(watcher);
  child.kill('SIGTERM');
}, 500);
watcher.unref();

/** The parent of `pid` (Linux /proc); undefined where it cannot be read. */
function parentOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return parent > 1 ? parent : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}
