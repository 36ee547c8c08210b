import { parseIsoTime } from '../../core/dates.js';
import { intFlag, parseFlags, UsageError } from '../args.js';
import { eventLine } from '../format-event.js';
import { withLocalReader } from '../local-reader.js';
import { onStopRequest } from '../signals.js';

export const tailCommand = {
  name: 'tail',
  summary: 'Follow the change feed of the local events table: print events as they are created or updated',
  usage: `eventwire tail [--since ISO_TIME] [--interval-ms N] [--jsonl] [--data-dir DIR]
  --since defaults to now; --interval-ms (100..3600000, default 1000) is the polling interval.
  Runs until Ctrl-C. In AWS the same changes reach the EventBridge bus ("Article Coded", "Events Changed").
example: npx eventwire tail --since 2026-10-01T00:00:00Z --jsonl`,
  async run(argv: string[]): Promise<number> {
    const { values } = parseFlags(argv, {
      since: { type: 'string' },
      'interval-ms': { type: 'string' },
      jsonl: { type: 'boolean' },
      'data-dir': { type: 'string' },
    });
    const interval = intFlag(values['interval-ms'], 'interval-ms', { min: 100, max: 3_600_000 }, 1000);
    const start = values.since === undefined ? new Date() : parseIsoTime(values.since);
    if (!start)
      throw new UsageError(`--since must be an ISO 8601 time such as 2026-10-01T00:00:00Z, got "${values.since}"`);
    let stopped = false;
    onStopRequest(
      () => {
        stopped = true;
      },
      () => process.exit(130),
    );
    await withLocalReader(values['data-dir'], async (reader) => {
      let since = start;
      const printed = new Set<string>();
      while (!stopped) {
        let cursor: string | undefined;
        do {
          const page = await reader.changedSince(since, { limit: 100, ...(cursor ? { cursor } : {}) });
          for (const event of page.items) {
            const key = `${event.event_id}@${event.updated_at}`;
            if (printed.has(key)) continue;
            printed.add(key);
            const kind = event.first_seen === event.updated_at ? 'created' : 'updated';
            process.stdout.write(
              values.jsonl ? `${JSON.stringify({ change: kind, event })}\n` : `${kind.padEnd(8)} ${eventLine(event)}\n`,
            );
            if (event.updated_at > since.toISOString()) since = new Date(event.updated_at);
          }
          cursor = page.cursor;
        } while (cursor && !stopped);
        await new Promise((resolve) => setTimeout(resolve, interval));
      }
    });
    return 0;
  },
};
