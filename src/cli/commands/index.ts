import { backfillCommand } from './backfill.js';
import { codeCommand } from './code.js';
import { eventsCommand } from './events.js';
import { exportCommand } from './export.js';
import { extractCommand } from './extract.js';
import { feedCommand } from './feed.js';
import { feedsCommand } from './feeds.js';
import { redriveCommand } from './redrive.js';
import { runCommand } from './run.js';
import { serveCommand } from './serve.js';
import { tailCommand } from './tail.js';

/** One CLI command: its `--help` is the summary and the usage, which ends with an example. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[]): Promise<number>;
}

/** Every command, in the order `eventwire --help` lists them. */
export const COMMANDS: readonly Command[] = [
  runCommand,
  backfillCommand,
  eventsCommand,
  exportCommand,
  tailCommand,
  serveCommand,
  redriveCommand,
  feedsCommand,
  extractCommand,
  codeCommand,
  feedCommand,
];
