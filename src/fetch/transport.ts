import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { ConnectionError } from './errors.js';
import type { PinnedTarget } from './target.js';

/**
 * Sends one GET to a pinned target and resolves with the response head; the body is left unread.
 * The socket connects to `target.address` only: the custom lookup hands Node the address we already
 * checked, while the Host header and TLS SNI/certificate checks still use the URL's hostname.
 */
export function openRequest(
  target: PinnedTarget,
  headers: Record<string, string>,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  const client = target.url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(target.url, {
      method: 'GET',
      headers,
      lookup: pinnedLookup(target),
      // A fresh connection per request: a pooled socket could belong to another pinned address.
      agent: false,
      signal,
    });
    request.once('response', resolve);
    // `on`, not `once`: the socket can still fail after the head arrived (then the body read reports it),
    // and a second 'error' without a listener would crash the process.
    request.on('error', (error) =>
      reject(signal.aborted ? signal.reason : new ConnectionError(target.url.href, error)),
    );
    request.end();
  });
}

function pinnedLookup(target: PinnedTarget): LookupFunction {
  return (_hostname, options, callback) => {
    // Node 20's happy-eyeballs connect asks for `all`; plain connects want a single address.
    if (options.all === true) {
      callback(null, [{ address: target.address, family: target.family }]);
    } else {
      callback(null, target.address, target.family);
    }
  };
}

/** Flattens Node's header object (lower-case names) into one string per header; repeats are joined. */
export function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/** Reads and discards nothing: tears the response down so a redirect or error body is never downloaded. */
export function discardResponse(response: IncomingMessage): void {
  response.destroy();
}
