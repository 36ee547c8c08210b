import { parseFlags } from '../args.js';
import { eventLine } from '../format-event.js';
import { withLocalReader } from '../local-reader.js';

export const tailCommand = {
  name: 'tail',
  summary: 'Follow the change feed of the local events table: print events as they are created or updated',
  usage: `eventwire tail [--since ISO_TIME] [--interval-ms N] [--jsonl] [--data-dir DIR]
  Runs until Ctrl-C. In AWS the same changes reach the EventBridge bus ("Event Created", "Event Updated").`,
  async run(argv: string[]): Promise<number> {
    const { values } = parseFlags(argv, {
      since: { type: 'string' },
      'interval-ms': { type: 'string' },
      jsonl: { type: 'boolean' },
      'data-dir': { type: 'string' },
    });
    const interval = Number(values['interval-ms'] ?? 1000);
    let stopped = false;
    process.on('SIGINT', () => {
      stopped = true;
    });
    await withLocalReader(values['data-dir'], async (reader) => {
      let since = new Date(values.since ?? Date.now());
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
