import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DemoServerError } from './errors.js';
import { type EncodedResource, encodeResource, sendEncoded } from './http-response.js';
import type { Resource } from './site-routes.js';

/** Listening server plus its origin; routes are attached once the port (and so the origin) is known. */
export interface RunningServer {
  readonly server: Server;
  readonly origin: string;
  setRoutes(routes: Map<string, Resource>): void;
}

/** Start a node:http server on `host:port` (loopback only) serving the routes given later. */
export async function listenLoopback(host: '127.0.0.1', port: number): Promise<RunningServer> {
  let routes = new Map<string, Resource>();
  const cache = new Map<string, EncodedResource>();
  const server = createServer((req, res) => handle(req, res, routes, cache));
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(new DemoServerError(`cannot listen on ${host}:${port}`, { cause: error })));
    server.listen(port, host, () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    server,
    origin: `http://${host}:${bound}`,
    setRoutes(next) {
      routes = next;
      cache.clear();
    },
  };
}

function handle(
  req: IncomingMessage,
  res: ServerResponse,
  routes: Map<string, Resource>,
  cache: Map<string, EncodedResource>,
): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  // Query strings (utm_ tracking, cache busters) never change the document, as on real news sites.
  let path: string;
  try {
    path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
  } catch {
    res.writeHead(400).end();
    return;
  }
  const resource = routes.get(path);
  if (!resource) {
    res
      .writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' })
      .end('<!DOCTYPE html><title>Not found</title><h1>404 Not found</h1>\n');
    return;
  }
  let encoded = cache.get(path);
  if (!encoded) {
    encoded = encodeResource(resource);
    cache.set(path, encoded);
  }
  sendEncoded(req, res, encoded);
}
