import { PloverTypeSchema } from '../../core/event-schema.js';
import { EventReader, type EventFilter } from '../../client/index.js';
import { createAwsClients } from '../../storage/clients.js';
import { openLocalSession, resolveDataDir } from '../../local/session.js';
import type { EventRecord } from '../../storage/records.js';
import { dayFlag, parseFlags, UsageError } from '../args.js';
import { csvCell, EVENT_COLUMNS, eventLine, eventRow } from '../format-event.js';

const FORMATS = ['table', 'jsonl', 'csv'] as const;

export const eventsCommand = {
  name: 'events',
  summary: 'Query events from the local table by date, actor, type, CAMEO root or place (table, jsonl or csv)',
  usage: `eventwire events [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--actor ISO3] [--role source|target|any]
                 [--type PLOVER_TYPE] [--root CAMEO_ROOT] [--location ISO3] [--limit N] [--format table|jsonl|csv] [--data-dir DIR]
  Dates default to the last 365 days. Every filter runs on the server as a Query on an index.`,
  async run(argv: string[]): Promise<number> {
    const { values } = parseFlags(argv, {
      from: { type: 'string' }, to: { type: 'string' }, actor: { type: 'string' }, role: { type: 'string' }, type: { type: 'string' },
      root: { type: 'string' }, location: { type: 'string' }, limit: { type: 'string' }, format: { type: 'string' }, 'data-dir': { type: 'string' },
    });
    const format = values.format ?? 'table';
    if (!FORMATS.includes(format as (typeof FORMATS)[number])) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
    const filter = buildFilter(values);
    const session = await openLocalSession(resolveDataDir(values['data-dir']));
    const clients = createAwsClients(session.config);
    try {
      const reader = new EventReader(clients.doc, session.config.tables.events);
      const limit = values.limit ? Number(values.limit) : 1000;
      const events: EventRecord[] = [];
      let cursor: string | undefined;
      do {
        const page = await reader.events({ ...filter, limit: Math.min(100, limit - events.length), ...(cursor ? { cursor } : {}) });
        events.push(...page.items);
        cursor = page.cursor;
      } while (cursor && events.length < limit);
      writeEvents(events, format as (typeof FORMATS)[number], process.stdout);
      return 0;
    } finally {
      clients.dynamo.destroy();
      clients.s3.destroy();
      await session.close();
    }
  },
};

export function buildFilter(values: Record<string, string | boolean | undefined>): EventFilter {
  const str = (key: string): string | undefined => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
  const today = new Date().toISOString().slice(0, 10);
  const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
  const type = str('type');
  if (type && !PloverTypeSchema.safeParse(type.toUpperCase()).success) throw new UsageError(`--type must be a PLOVER type such as AGREE, PROTEST, ASSAULT; got "${type}"`);
  const role = str('role');
  if (role && !['source', 'target', 'any'].includes(role)) throw new UsageError('--role must be source, target or any');
  const actor = str('actor');
  const root = str('root');
  const location = str('location');
  return {
    from: dayFlag(str('from'), 'from', yearAgo),
    to: dayFlag(str('to'), 'to', today),
    ...(actor ? { actor: actor.toUpperCase() } : {}),
    ...(role ? { role: role as 'source' | 'target' | 'any' } : {}),
    ...(type ? { type: PloverTypeSchema.parse(type.toUpperCase()) } : {}),
    ...(root ? { root } : {}),
    ...(location ? { locationCountry: location.toUpperCase() } : {}),
  };
}

export function writeEvents(events: readonly EventRecord[], format: 'table' | 'jsonl' | 'csv', out: NodeJS.WritableStream): void {
  if (format === 'jsonl') for (const event of events) out.write(`${JSON.stringify(event)}\n`);
  if (format === 'csv') {
    out.write(`${EVENT_COLUMNS.join(',')}\n`);
    for (const event of events) out.write(`${EVENT_COLUMNS.map((column) => csvCell(eventRow(event)[column])).join(',')}\n`);
  }
  if (format === 'table') {
    for (const event of events) out.write(`${eventLine(event)}\n`);
    out.write(`${events.length} events\n`);
  }
}
