import { EventReader, filterFromParams, InvalidFilterError } from '../../client/index.js';
import { createAwsClients } from '../../storage/clients.js';
import { openLocalSession, resolveDataDir } from '../../local/session.js';
import type { EventRecord } from '../../storage/records.js';
import { parseFlags, UsageError } from '../args.js';
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
    let filter;
    try {
      filter = filterFromParams(values);
    } catch (error) {
      if (error instanceof InvalidFilterError) throw new UsageError(error.message);
      throw error;
    }
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
