import { describe, expect, it } from 'vitest';
import { fetcherFor, useMisbehavingServer } from './fixture.js';
import { LATIN1_BYTES } from './misbehaving-server.js';

const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

describe('HttpFetcher responses from a loopback server', () => {
  const server = useMisbehavingServer();

  it('returns the body with its validators on a first fetch', async () => {
    const fetcher = fetcherFor(server);

    const result = await fetcher.fetch({ url: server.url('/page') });

    expect(result).toMatchObject({
      status: 200,
      notModified: false,
      etag: '"v1"',
      lastModified: 'Tue, 01 Apr 2025 10:00:00 GMT',
    });
    expect(decode(result.body)).toContain('Nothing happened.');
  });

  it('sends If-None-Match and reports 304 as not modified with an empty body', async () => {
    const fetcher = fetcherFor(server);

    const result = await fetcher.fetch({ url: server.url('/page'), etag: '"v1"' });

    expect(result).toMatchObject({ status: 304, notModified: true, etag: '"v1"' });
    expect(result.body.byteLength).toBe(0);
  });

  it('sends If-Modified-Since and keeps the validators the server did not repeat', async () => {
    const fetcher = fetcherFor(server);

    const result = await fetcher.fetch({ url: server.url('/page'), lastModified: 'Tue, 01 Apr 2025 10:00:00 GMT' });

    expect(result.notModified).toBe(true);
    expect(result.lastModified).toBe('Tue, 01 Apr 2025 10:00:00 GMT');
  });

  it('follows a redirect and reports both the requested and the final URL', async () => {
    const fetcher = fetcherFor(server);

    const result = await fetcher.fetch({ url: server.url('/hop') });

    expect(result.requestedUrl).toBe(server.url('/hop'));
    expect(result.finalUrl).toBe(server.url('/page'));
  });

  it('decodes gzip and brotli bodies and drops the wire-only headers', async () => {
    const fetcher = fetcherFor(server);

    const gzip = await fetcher.fetch({ url: server.url('/gzip-page') });
    const brotli = await fetcher.fetch({ url: server.url('/br-page') });

    expect(decode(gzip.body)).toContain('Nothing happened.');
    expect(decode(brotli.body)).toContain('Nothing happened.');
    expect(gzip.headers['content-encoding']).toBeUndefined();
  });

  it('returns bytes and headers untouched when the declared charset is wrong', async () => {
    const fetcher = fetcherFor(server);

    const result = await fetcher.fetch({ url: server.url('/latin1') });

    expect(Buffer.from(result.body).equals(LATIN1_BYTES)).toBe(true);
    expect(result.headers['content-type']).toBe('text/html; charset=utf-8');
  });
});
