import { EventwireError } from '../core/errors.js';
import { PloverTypeSchema } from '../core/event-schema.js';
import type { EventFilter } from './event-reader.js';

/** A filter value a caller got wrong (bad date, unknown type): a 400 in the API, a usage error in the CLI. */
export class InvalidFilterError extends EventwireError {}

function day(value: string | undefined, name: string, fallback: string): string {
  const result = value ?? fallback;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(result) || Number.isNaN(Date.parse(result)))
    throw new InvalidFilterError(`${name} must be a date YYYY-MM-DD, got "${result}"`);
  return result;
}

/**
 * The event filter from string parameters (CLI flags or query string): from, to (default: the last 365 days),
 * actor, role, type, root, location.
 */
export function filterFromParams(params: Record<string, string | boolean | undefined>, now = new Date()): EventFilter {
  const str = (key: string): string | undefined =>
    typeof params[key] === 'string' && params[key] !== '' ? (params[key] as string) : undefined;
  const type = str('type')?.toUpperCase();
  if (type && !PloverTypeSchema.safeParse(type).success)
    throw new InvalidFilterError(`type must be a PLOVER type such as AGREE, PROTEST, ASSAULT; got "${type}"`);
  const role = str('role');
  if (role && !isRole(role)) throw new InvalidFilterError('role must be source, target or any');
  const actor = str('actor');
  const root = str('root');
  if (root && !/^\d{2}$/.test(root))
    throw new InvalidFilterError(`root must be a two-digit CAMEO root such as 14; got "${root}"`);
  const location = str('location');
  return {
    from: day(str('from'), 'from', new Date(now.getTime() - 365 * 86_400_000).toISOString().slice(0, 10)),
    to: day(str('to'), 'to', now.toISOString().slice(0, 10)),
    ...(actor ? { actor: actor.toUpperCase() } : {}),
    ...(role && isRole(role) ? { role } : {}),
    ...(type ? { type: PloverTypeSchema.parse(type) } : {}),
    ...(root ? { root } : {}),
    ...(location ? { location: location.toUpperCase() } : {}),
  };
}

function isRole(value: string): value is 'source' | 'target' | 'any' {
  return value === 'source' || value === 'target' || value === 'any';
}
