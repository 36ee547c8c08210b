import type { EventRecord } from '../../storage/records.js';
import { parseFlags, UsageError } from '../args.js';
import { csvCell, EVENT_COLUMNS, eventLine, eventRow } from '../format-event.js';
import { FILTER_FLAGS, filterFromFlags, withLocalReader } from '../local-reader.js';

const FORMATS = ['table', 'jsonl', 'csv'] as const;

export const eventsCommand = {
  name: 'events',
  summary: 'Query events from the local table by date, actor, type, CAMEO root or place (table, jsonl or csv)',
  usage: `eventwire events [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--actor ISO3] [--role source|target|any]
                 [--type PLOVER_TYPE] [--root CAMEO_ROOT] [--location ISO3] [--limit N] [--format table|jsonl|csv] [--data-dir DIR]
  Dates default to the last 365 days. Every filter runs on the server as a Query on an index.`,
  async run(argv: string[]): Promise<number> {
    const { values } = parseFlags(argv, { ...FILTER_FLAGS, limit: { type: 'string' }, format: { type: 'string' } });
    const format = values.format ?? 'table';
    if (!isFormat(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
    const filter = filterFromFlags(values);
    const limit = values.limit ? Number(values.limit) : 1000;
    const events = await withLocalReader(values['data-dir'], async (reader) => {
      const found: EventRecord[] = [];
      let cursor: string | undefined;
      do {
        const page = await reader.events({
          ...filter,
          limit: Math.min(100, limit - found.length),
          ...(cursor ? { cursor } : {}),
        });
        found.push(...page.items);
        cursor = page.cursor;
      } while (cursor && found.length < limit);
      return found;
    });
    writeEvents(events, format, process.stdout);
    return 0;
  },
};

function isFormat(value: string): value is (typeof FORMATS)[number] {
  return (FORMATS as readonly string[]).includes(value);
}

export function writeEvents(
  events: readonly EventRecord[],
  format: 'table' | 'jsonl' | 'csv',
  out: NodeJS.WritableStream,
): void {
  if (format === 'jsonl') for (const event of events) out.write(`${JSON.stringify(event)}\n`);
  if (format === 'csv') {
    out.write(`${EVENT_COLUMNS.join(',')}\n`);
    for (const event of events)
      out.write(`${EVENT_COLUMNS.map((column) => csvCell(eventRow(event)[column])).join(',')}\n`);
  }
  if (format === 'table') {
    for (const event of events) out.write(`${eventLine(event)}\n`);
    out.write(`${events.length} events\n`);
  }
}
