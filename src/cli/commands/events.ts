import type { EventRecord } from '../../storage/records.js';
import { intFlag, parseFlags, UsageError } from '../args.js';
import { csvCell, EVENT_COLUMNS, eventLine, eventRow } from '../format-event.js';
import { FILTER_FLAGS, filterFromFlags, withLocalReader } from '../local-reader.js';

const FORMATS = ['table', 'jsonl', 'csv'] as const;

export const eventsCommand = {
  name: 'events',
  summary: 'Query events from the local table by date, actor, type, CAMEO root or place (table, jsonl or csv)',
  usage: `eventwire events [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--actor ISO3] [--role source|target|any]
                 [--type PLOVER_TYPE] [--root CAMEO_ROOT] [--location ISO3] [--limit N] [--format table|jsonl|csv] [--data-dir DIR]
  Dates default to the last 365 days; any range is answered in full. --limit (default 1000) caps the events
  shown, and a note on standard error says when more match. Every filter runs on the server as a Query on an index.
example: npx eventwire events --from 2026-10-01 --to 2026-10-31 --actor RUS --role source --format jsonl`,
  async run(argv: string[]): Promise<number> {
    const { values } = parseFlags(argv, { ...FILTER_FLAGS, limit: { type: 'string' }, format: { type: 'string' } });
    const format = values.format ?? 'table';
    if (!isFormat(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
    const filter = filterFromFlags(values);
    const limit = intFlag(values.limit, 'limit', { min: 1, max: 10_000_000 }, 1000);
    const { events, more } = await withLocalReader(values['data-dir'], async (reader) => {
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
      // A page can end exactly at the limit with nothing after it: look further before saying "more".
      let more = false;
      while (cursor && !more) {
        const next = await reader.events({ ...filter, limit: 100, cursor });
        more = next.items.length > 0;
        cursor = next.cursor;
      }
      return { events: found, more };
    });
    writeEvents(events, format, process.stdout);
    if (more) process.stderr.write(`only the first ${limit} matching events are shown: raise --limit, or use export\n`);
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
