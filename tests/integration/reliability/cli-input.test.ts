import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/cli/args.js';
import { eventsCommand } from '../../../src/cli/commands/events.js';
import { exportCommand } from '../../../src/cli/commands/export.js';
import { feedCommand } from '../../../src/cli/commands/feed.js';
import { redriveCommand } from '../../../src/cli/commands/redrive.js';
import { runCommand } from '../../../src/cli/commands/run.js';
import { serveCommand } from '../../../src/cli/commands/serve.js';
import { tailCommand } from '../../../src/cli/commands/tail.js';
import { cliCommand } from './support/cli-run.js';

let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'eventwire-cli-input-'));
});
afterAll(async () => rm(dataDir, { recursive: true, force: true }));

const COMMANDS = {
  events: eventsCommand,
  export: exportCommand,
  tail: tailCommand,
  serve: serveCommand,
  run: runCommand,
  redrive: redriveCommand,
  feed: feedCommand,
};

describe('a command given an invalid number, date, enum or argument', () => {
  const cases: [string, keyof typeof COMMANDS, string[], string][] = [
    ['events --limit=-1', 'events', ['--limit=-1'], '--limit must be a whole number'],
    ['events --limit 0', 'events', ['--limit', '0'], '--limit must be a whole number'],
    ['events --limit abc', 'events', ['--limit', 'abc'], '--limit must be a whole number'],
    ['events --limit 1.5', 'events', ['--limit', '1.5'], '--limit must be a whole number'],
    ['events --from 2026-02-30', 'events', ['--from', '2026-02-30'], 'from must be a date YYYY-MM-DD that exists'],
    ['events --to 2026-13-01', 'events', ['--to', '2026-13-01'], 'to must be a date YYYY-MM-DD that exists'],
    ['events --from=', 'events', ['--from='], '--from needs a value'],
    ['events --format xml', 'events', ['--format', 'xml'], '--format must be one of'],
    ['events --role source without --actor', 'events', ['--role', 'source'], 'role applies to an actor'],
    ['events --type PARTY', 'events', ['--type', 'PARTY'], 'type must be a PLOVER type'],
    ['events with a stray argument', 'events', ['2026'], 'unexpected argument "2026"'],
    ['export --format xml', 'export', ['--format', 'xml'], '--format must be one of'],
    ['export --from 2024-02-30', 'export', ['--from', '2024-02-30'], 'from must be a date YYYY-MM-DD that exists'],
    ['tail --since yesterday', 'tail', ['--since', 'yesterday'], '--since must be an ISO 8601 time'],
    ['tail --interval-ms 0', 'tail', ['--interval-ms', '0'], '--interval-ms must be a whole number'],
    ['serve --port 70000', 'serve', ['--port', '70000'], '--port must be a whole number'],
    ['run --max-wait abc', 'run', ['--max-wait', 'abc'], '--max-wait must be a whole number'],
    ['run --demo-port=-5', 'run', ['--demo-port=-5'], '--demo-port must be a whole number'],
    ['redrive --rate 5 without --queue-url', 'redrive', ['--rate', '5'], '--rate and --region apply to --queue-url'],
    ['feed without a file', 'feed', [], 'a feed FILE or URL is needed'],
  ];

  it.each(cases)('%s is a usage error naming the problem', async (_name, command, args, reason) => {
    const withDir = command === 'feed' ? args : [...args, '--data-dir', dataDir];

    const outcome = COMMANDS[command].run(withDir);

    await expect(outcome).rejects.toBeInstanceOf(UsageError);
    await expect(outcome).rejects.toThrow(reason);
  });

  it('ends with exit code 2 and the usage, not "0 events" or a DynamoDB ValidationException', async () => {
    const outcomes = await Promise.all([
      cliCommand(['events', '--limit=-1', '--data-dir', dataDir]),
      cliCommand(['events', '--from', '2026-02-30', '--data-dir', dataDir]),
    ]);

    for (const outcome of outcomes) {
      expect(outcome.code).toBe(2);
      expect(outcome.stderr).toContain('usage: eventwire events');
      expect(outcome.stderr).not.toContain('ValidationException');
      expect(outcome.stdout).toBe('');
    }
  }, 60_000);
});
