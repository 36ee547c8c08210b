import { type ParseArgsConfig, parseArgs } from 'node:util';
import { EventwireError } from '../core/errors.js';

/** Wrong flags or values on the command line: printed with the command's usage, exit code 2. */
export class UsageError extends EventwireError {}

export type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses a command's flags strictly, turning node's errors into a UsageError. */
export function parseFlags<T extends Options>(
  argv: string[],
  options: T,
): ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
