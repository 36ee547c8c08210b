import { isCalendarDate } from '../core/dates.js';
import { EventwireError } from '../core/errors.js';
import { PloverTypeSchema } from '../core/event-schema.js';
import type { EventFilter } from './event-reader.js';

/** A parameter a caller got wrong (bad date, unknown type, bad limit or id): a 400 in the API, a usage error in the CLI. */
export class InvalidFilterError extends EventwireError {}

function day(value: string | undefined, name: string, fallback: string): string {
  const result = value ?? fallback;
  if (!isCalendarDate(result))
    throw new InvalidFilterError(`${name} must be a date YYYY-MM-DD that exists, got "${result}"`);
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
  if (role && !actor) throw new InvalidFilterError('role applies to an actor: give actor too');
  const root = str('root');
  if (root && !/^\d{2}$/.test(root))
    throw new InvalidFilterError(`root must be a two-digit CAMEO root such as 14; got "${root}"`);
  if (actor && !/^[A-Za-z0-9]{2,12}$/.test(actor))
    throw new InvalidFilterError(`actor must be an actor code such as SYR or IGO; got "${actor.slice(0, 40)}"`);
  const location = str('location');
  if (location && !/^[A-Za-z]{3}$/.test(location))
    throw new InvalidFilterError(
      `location must be a three-letter country code such as KEN; got "${location.slice(0, 40)}"`,
    );
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
