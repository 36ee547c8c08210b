import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleApiRequest } from '../api/router.js';
import type { EventReader } from '../client/index.js';
import { describeError } from '../core/errors.js';
import { readStaticFile, STATIC_DIR } from './static-files.js';

export interface WebServerOptions {
  /** Where events are read from. */
  reader: EventReader;
  /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
}

export interface WebServer {
  /** e.g. `http://127.0.0.1:4321` */
  origin: string;
  close(): Promise<void>;
}

// The page only ever talks to this server: no CDN, no tiles, no inline script.
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/**
 * The local event browser: `/api/*` is the read API (the same router as the Lambda behind API Gateway),
 * everything else the static page. Listens on 127.0.0.1 only: the local data is not meant for the network. It
 * answers only requests addressed to its own names (`127.0.0.1:PORT`, `localhost:PORT`): a web page elsewhere
 * whose host name is made to resolve to 127.0.0.1 (DNS rebinding) sends its own name and gets a 421.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  let ownHosts = new Set<string>();
  const server = createServer((request, response) => {
    if (!ownHosts.has((request.headers.host ?? '').toLowerCase())) {
      send(
        response,
        421,
        'text/plain; charset=utf-8',
        'misdirected request: this server answers to 127.0.0.1 and localhost only',
      );
      return;
    }
    route(request, response, options.reader).catch((error: unknown) => {
      const { name } = describeError(error);
      if (!response.headersSent)
        send(response, 500, 'application/json; charset=utf-8', JSON.stringify({ error: `${name}: internal error` }));
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  ownHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function route(request: IncomingMessage, response: ServerResponse, reader: EventReader): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const method = request.method ?? 'GET';
  if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
    const query = Object.fromEntries(url.searchParams.entries());
    const result = await handleApiRequest({ method, path: url.pathname.slice('/api'.length) || '/', query }, reader);
    send(response, result.status, 'application/json; charset=utf-8', JSON.stringify(result.body));
    return;
  }
  if (method !== 'GET' && method !== 'HEAD') {
    send(response, 405, 'text/plain; charset=utf-8', 'GET only');
    return;
  }
  const file = await readStaticFile(STATIC_DIR, url.pathname);
  if (!file) {
    send(response, 404, 'text/plain; charset=utf-8', 'not found');
    return;
  }
  send(response, 200, file.contentType, method === 'HEAD' ? '' : file.body);
}

function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'content-type': contentType, 'cache-control': 'no-store' });
  response.end(body);
}
