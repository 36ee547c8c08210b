import { startWebServer } from '../../web/index.js';
import { intFlag, parseFlags } from '../args.js';
import { withLocalReader } from '../local-reader.js';
import { untilStopRequested } from '../signals.js';

/** Default port of the local event browser. */
export const DEFAULT_PORT = 8321;

export const serveCommand = {
  name: 'serve',
  summary: 'Browse the local events in a web page (map, timeline, table, mentions) on 127.0.0.1',
  usage: `eventwire serve [--port N] [--data-dir DIR]
  Serves the event browser and the read API (/api/events, /api/events/{id}/mentions, ...) on 127.0.0.1 only,
  default port ${DEFAULT_PORT} (0 picks a free one). Runs until Ctrl-C. Works alongside a running \`eventwire run\`.
  It answers only requests addressed to 127.0.0.1:PORT or localhost:PORT (others get 421).
example: npx eventwire serve --port 8400`,
  async run(argv: string[]): Promise<number> {
    const { values } = parseFlags(argv, { port: { type: 'string' }, 'data-dir': { type: 'string' } });
    const port = intFlag(values.port, 'port', { min: 0, max: 65_535 }, DEFAULT_PORT);
    await withLocalReader(values['data-dir'], async (reader) => {
      const server = await startWebServer({ reader, port });
      process.stdout.write(`event browser: ${server.origin}/   (Ctrl-C to stop)\n`);
      await untilStopRequested();
      await server.close();
    });
    return 0;
  },
};
