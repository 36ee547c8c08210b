import type { IncomingMessage, ServerResponse } from 'node:http';
import zlib from 'node:zlib';
import { BOMB_MEMBERS, drained, streamGzipBomb } from '../../helpers/gzip-bomb.js';
import { LoopbackServer } from '../../helpers/loopback-server.js';

type Handler = (request: IncomingMessage, response: ServerResponse, server: MisbehavingServer) => unknown;

export { BOMB_MEMBERS };

const PAGE = '<!doctype html><html><head><title>Calm page</title></head><body><p>Nothing happened.</p></body></html>';
/** "Café déjà vu" in windows-1252 bytes: not valid UTF-8, whatever the header claims. */
export const LATIN1_BYTES = Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x64, 0xe9, 0x6a, 0xe0, 0x20, 0x76, 0x75]);

/**
 * A loopback HTTP server that misbehaves on purpose, one route per fault: hangs, drips, floods, bombs,
 * loops, redirects to forbidden addresses, resets, rate-limits. It records what it was asked for.
 */
export class MisbehavingServer extends LoopbackServer {
  readonly hits: string[] = [];
  robotsTxt: string | null = null;
  robotsStatus = 200;
  bombMembersWritten = 0;

  protected async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = request.url ?? '/';
    this.hits.push(path);
    const handler = ROUTES[path.split('?')[0] ?? '/'];
    if (handler === undefined) {
      response.writeHead(404).end('not here');
      return;
    }
    await handler(request, response, this);
  }
}

const ROUTES: Record<string, Handler> = {
  '/robots.txt': (_request, response, server) => {
    if (server.robotsTxt === null) response.writeHead(404).end();
    else response.writeHead(server.robotsStatus, { 'content-type': 'text/plain' }).end(server.robotsTxt);
  },
  '/page': (request, response) => {
    const etag = '"v1"';
    const lastModified = 'Tue, 01 Apr 2025 10:00:00 GMT';
    if (request.headers['if-none-match'] === etag || request.headers['if-modified-since'] === lastModified) {
      response.writeHead(304, { etag }).end();
      return;
    }
    const ua = request.headers['user-agent'] ?? '';
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      etag,
      'last-modified': lastModified,
      'x-seen-user-agent': ua,
    });
    response.end(PAGE);
  },
  '/gzip-page': (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(zlib.gzipSync(PAGE));
  },
  '/br-page': (_request, response) => {
    response
      .writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'br' })
      .end(zlib.brotliCompressSync(PAGE));
  },
  '/latin1': (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(LATIN1_BYTES);
  },
  '/hang': () => undefined,
  '/drip': (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' });
    const timer = setInterval(() => response.write('x'), 1000);
    response.on('close', () => clearInterval(timer));
  },
  '/huge': (_request, response) => streamZeros(response, 64 * 1024 * 1024),
  '/huge-declared': (_request, response) => {
    response.writeHead(200, { 'content-length': String(64 * 1024 * 1024) });
    response.write(Buffer.alloc(1024));
  },
  '/bomb': (_request, response, server) => sendBomb(response, server),
  '/loop': (_request, response) => response.writeHead(302, { location: '/loop-b' }).end(),
  '/loop-b': (_request, response) => response.writeHead(302, { location: '/loop' }).end(),
  '/hop': (_request, response) => response.writeHead(301, { location: '/page' }).end(),
  '/to-metadata': (_request, response) =>
    response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
  '/to-private': (_request, response) => response.writeHead(302, { location: 'http://10.0.0.1/' }).end(),
  '/to-internal-name': (_request, response) => response.writeHead(307, { location: 'http://intranet.example/' }).end(),
  '/to-file': (_request, response) => response.writeHead(302, { location: 'file:///etc/passwd' }).end(),
  '/to-private-path': (_request, response) => response.writeHead(302, { location: '/private/secret' }).end(),
  '/private/secret': (_request, response) => response.writeHead(200).end('should never be fetched'),
  '/reset': (request) => {
    request.socket.destroy();
  },
  '/too-many': (_request, response) => response.writeHead(429, { 'retry-after': '7' }).end(),
  '/unavailable': (_request, response) => response.writeHead(503).end('down for maintenance'),
  '/unavailable-until': (_request, response) => {
    response.writeHead(503, { 'retry-after': new Date(Date.now() + 120_000).toUTCString() }).end();
  },
  '/gone': (_request, response) => response.writeHead(410).end(),
  '/truncated': (_request, response) => {
    response.writeHead(200, { 'content-length': '1000' });
    response.write(Buffer.alloc(100), () => response.socket?.destroy());
  },
  '/corrupt-gzip': (_request, response) => {
    response.writeHead(200, { 'content-encoding': 'gzip' }).end(Buffer.from('this is not gzip at all'));
  },
  '/zstd': (_request, response) => response.writeHead(200, { 'content-encoding': 'zstd' }).end('??'),
};

async function streamZeros(response: ServerResponse, total: number): Promise<void> {
  response.writeHead(200, { 'content-type': 'application/octet-stream' });
  const chunk = Buffer.alloc(64 * 1024);
  for (let sent = 0; sent < total && !response.destroyed; sent += chunk.length) {
    if (!response.write(chunk)) await drained(response);
  }
  response.end();
}

function sendBomb(response: ServerResponse, server: MisbehavingServer): Promise<void> {
  return streamGzipBomb(response, () => {
    server.bombMembersWritten += 1;
  });
}
