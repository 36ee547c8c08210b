import { describeError, EventwireError } from '../core/errors.js';
import { UsageError } from './args.js';
import { COMMANDS } from './commands/index.js';
import { detachLauncherChannel } from './signals.js';

function help(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    'eventwire: news feeds in, political events (PLOVER / CAMEO) out.',
    '',
    'usage: eventwire <command> [options]      (eventwire <command> --help for its options)',
    '',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'example: npx eventwire run && npx eventwire events --format table',
    '',
  ].join('\n');
}

/**
 * A reader that stops early (`eventwire events --format jsonl | head -1`) closes the pipe: the rest of the output
 * has nowhere to go, so the command ends quietly, as Unix tools do, instead of failing with EPIPE.
 */
function endQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      process.exit(1);
    });
}

/** A command that does not handle stop requests itself ends when its launcher is gone. */
function stopWithLauncher(): void {
  detachLauncherChannel();
  process.once('disconnect', () => {
    if (process.listenerCount('disconnect') === 0) process.exit(130);
  });
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help());
    return 0;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    process.stderr.write(`unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.summary}\n\nusage: ${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\nusage: ${command.usage}\n`);
      return 2;
    }
    const { name: errorName, message } = describeError(error);
    process.stderr.write(`eventwire ${command.name} failed: ${errorName}: ${message}\n`);
    if (!(error instanceof EventwireError) && process.env.EVENTWIRE_DEBUG) console.error(error);
    return 1;
  }
}

/** Resolves once everything written to `stream` so far has been handed to the OS (pipes are asynchronous). */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}

// Exit explicitly: a library handle (model worker, keep-alive socket) must not keep a finished command alive.
// Flush first, or output piped to another program (`eventwire events | wc -l`) is cut short.
endQuietlyOnClosedPipe();
stopWithLauncher();
const exitCode = await main(process.argv.slice(2));
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(exitCode);
