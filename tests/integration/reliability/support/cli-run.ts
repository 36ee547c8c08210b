import { type ChildProcess, spawn } from 'node:child_process';

const CLI_ENV = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

/** A free TCP port on loopback, so killed and undisturbed runs can share one demo origin (feed URLs match). */
export { freeLoopbackPort as freePort } from '../../../../src/cli/free-port.js';

export interface CliRunOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A module the child preloads (`--import`), with the environment that configures it: fault injection. */
export interface CliPreload {
  module: string;
  env: Record<string, string>;
}

/**
 * `eventwire run` as a real child process. With `killAfterMs`, it is SIGKILLed that long after the demo site
 * came up (the pipeline is running by then), like a Lambda container or laptop dying mid-batch.
 */
export async function cliRun(
  dataDir: string,
  demoPort: number,
  killAfterMs?: number,
  preload?: CliPreload,
): Promise<CliRunOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const outcome = await cliCommand(['run', '--data-dir', dataDir, '--demo-port', String(demoPort)], {
    ...(preload ? { preload } : {}),
    onStdout: (stdout, child) => {
      if (killAfterMs !== undefined && !timer && stdout.includes('demo news site:')) {
        timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    },
  });
  clearTimeout(timer);
  return outcome;
}

/** Any eventwire command as a child process with piped output (and `input` on stdin), run until its output ends. */
export async function cliCommand(
  args: readonly string[],
  options: { preload?: CliPreload; onStdout?: (stdout: string, child: ChildProcess) => void; input?: string } = {},
): Promise<CliRunOutcome> {
  const { preload, onStdout, input } = options;
  const imports = ['--import', 'tsx', ...(preload ? ['--import', preload.module] : [])];
  const child = spawn(process.execPath, ['--openssl-legacy-provider', ...imports, 'src/cli/main.ts', ...args], {
    cwd: process.cwd(),
    env: { ...CLI_ENV, ...preload?.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin.end(input ?? '');
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    onStdout?.(stdout, child);
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}
