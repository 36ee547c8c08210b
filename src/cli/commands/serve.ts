import { startWebServer } from '../../web/index.js';
import { parseFlags, UsageError } from '../args.js';
import { withLocalReader } from '../local-reader.js';

/** Default port of the local event browser. */
export const DEFAULT_PORT = 8321;

export const serveCommand = {
  name: 'serve',
  summary: 'Browse the local events in a web page (map, timeline, table, mentions) on 127.0.0.1',
  usage: `eventwire serve [--port N] [--data-dir DIR]
  Serves the event browser and the read API (/api/events, /api/events/{id}/mentions, ...) on 127.0.0.1 only,
  default port ${DEFAULT_PORT} (0 picks a free one). Runs until Ctrl-C. Works alongside a running \`eventwire run\`.`,
  async run(argv: string[]): Promise<number> {
    const { values } = parseFlags(argv, { port: { type: 'string' }, 'data-dir': { type: 'string' } });
    const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65_535)
      throw new UsageError(`--port must be a number 0-65535, got "${values.port}"`);
    await withLocalReader(values['data-dir'], async (reader) => {
      const server = await startWebServer({ reader, port });
      process.stdout.write(`event browser: ${server.origin}/   (Ctrl-C to stop)\n`);
      await untilInterrupted();
      await server.close();
    });
    return 0;
  },
};

export function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
