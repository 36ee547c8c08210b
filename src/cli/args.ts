import { type ParseArgsConfig, parseArgs } from 'node:util';
import { EventwireError } from '../core/errors.js';

/** Wrong flags or values on the command line: printed with the command's usage, exit code 2. */
export class UsageError extends EventwireError {}

export type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses a command's flags strictly, turning node's errors into a UsageError; more than `positionals` arguments
 * besides the flags (default none) are a UsageError too, never silently ignored.
 */
export function parseFlags<T extends Options>(
  argv: string[],
  options: T,
  positionals = 0,
): ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>> {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.positionals.length > positionals)
    throw new UsageError(`unexpected argument "${parsed.positionals[positionals] ?? ''}"`);
  return parsed;
}

/**
 * A whole-number flag within [min, max]; `fallback` when absent. Anything else (`abc`, `1.5`, `-1` below the
 * minimum, an empty value) is a UsageError naming the flag and the range.
 */
export function intFlag(
  value: string | undefined,
  name: string,
  range: { min: number; max: number },
  fallback: number,
): number {
  if (value === undefined) return fallback;
  const parsed = /^-?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(parsed) || parsed < range.min || parsed > range.max)
    throw new UsageError(`--${name} must be a whole number from ${range.min} to ${range.max}, got "${value}"`);
  return parsed;
}
