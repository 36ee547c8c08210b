import { type EventFilter, type EventReader, filterFromParams, InvalidFilterError } from '../client/index.js';
import type { LocalConfig } from '../config/index.js';
import { openLocalSession, resolveDataDir } from '../local/session.js';
import { apiReader } from '../runtime/roots/api.js';
import { type AwsClients, createAwsClients } from '../storage/clients.js';
import { UsageError } from './args.js';

/** Flags shared by the commands that read events: the filter and the data folder. */
export const FILTER_FLAGS = {
  from: { type: 'string' },
  to: { type: 'string' },
  actor: { type: 'string' },
  role: { type: 'string' },
  type: { type: 'string' },
  root: { type: 'string' },
  location: { type: 'string' },
  'data-dir': { type: 'string' },
} as const;

/** The event filter from CLI flags; a bad or empty value is a usage error. */
export function filterFromFlags(values: Record<string, string | boolean | undefined>): EventFilter {
  for (const [name, value] of Object.entries(values))
    if (typeof value === 'string' && value.trim() === '') throw new UsageError(`--${name} needs a value`);
  try {
    return filterFromParams(values);
  } catch (error) {
    if (error instanceof InvalidFilterError) throw new UsageError(error.message);
    throw error;
  }
}

/** Runs `use` with a reader on the local events table, opening (or joining) the local stack and closing it after. */
export async function withLocalReader<T>(
  dataDirFlag: string | undefined,
  use: (reader: EventReader, clients: AwsClients) => Promise<T>,
): Promise<T> {
  return withLocalClients(dataDirFlag, (clients, config) => use(apiReader(config, clients.doc), clients));
}

/** Runs `use` with SDK clients for the local stack, opening (or joining) it and closing it after. */
export async function withLocalClients<T>(
  dataDirFlag: string | undefined,
  use: (clients: AwsClients, config: LocalConfig) => Promise<T>,
): Promise<T> {
  const session = await openLocalSession(resolveDataDir(dataDirFlag));
  const clients = createAwsClients(session.config);
  try {
    return await use(clients, session.config);
  } finally {
    clients.dynamo.destroy();
    clients.s3.destroy();
    await session.close();
  }
}
