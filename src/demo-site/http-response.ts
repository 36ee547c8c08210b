import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { encodeWindows1252 } from './legacy-charset.js';
import type { Resource } from './site-routes.js';

/** A resource rendered and encoded once: bytes, lazily gzipped bytes, validators. */
export interface EncodedResource {
  readonly contentType: string;
  readonly body: Buffer;
  gzipped?: Buffer;
  /** Strong ETag of the identity body; the gzip variant is served as its weak form (as nginx does). */
  readonly etag: string;
  readonly lastModified: string;
}

/** Render and encode a resource in its charset (windows-1252 with numeric references for the rest). */
export function encodeResource(resource: Resource): EncodedResource {
  const text = resource.render();
  const body = resource.charset === 'utf-8' ? Buffer.from(text, 'utf8') : encodeWindows1252(text);
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 27);
  return {
    contentType: `${resource.mediaType}; charset=${resource.charset}`,
    body,
    etag: `"${hash}"`,
    lastModified: new Date(resource.lastModified).toUTCString(),
  };
}

/** Answer a GET/HEAD with conditional-request handling (RFC 9110 §13) and optional gzip. */
export function sendEncoded(req: IncomingMessage, res: ServerResponse, encoded: EncodedResource): void {
  const gzip = acceptsGzip(req.headers['accept-encoding']);
  const etag = gzip ? `W/${encoded.etag}` : encoded.etag;
  res.setHeader('ETag', etag);
  res.setHeader('Last-Modified', encoded.lastModified);
  res.setHeader('Cache-Control', 'public, max-age=60');
  res.setHeader('Vary', 'Accept-Encoding');
  if (isNotModified(req, encoded)) {
    res.writeHead(304).end();
    return;
  }
  let body = encoded.body;
  if (gzip) {
    encoded.gzipped ??= gzipSync(encoded.body);
    body = encoded.gzipped;
    res.setHeader('Content-Encoding', 'gzip');
  }
  res.setHeader('Content-Type', encoded.contentType);
  res.setHeader('Content-Length', body.length);
  res.writeHead(200).end(req.method === 'HEAD' ? undefined : body);
}

/** If-None-Match wins over If-Modified-Since; ETags compare weakly (W/ prefix ignored). */
function isNotModified(req: IncomingMessage, encoded: EncodedResource): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    const tags = ifNoneMatch.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    return tags.includes('*') || tags.includes(encoded.etag);
  }
  const ifModifiedSince = req.headers['if-modified-since'];
  if (ifModifiedSince === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && Date.parse(encoded.lastModified) <= since;
}

function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return coding?.trim().toLowerCase() === 'gzip' && (q === undefined || Number(q.slice(2)) > 0);
  });
}
