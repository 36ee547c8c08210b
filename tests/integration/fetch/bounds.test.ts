import { describe, expect, it } from 'vitest';
import {
  BodyTooLargeError,
  ConnectionError,
  FetchTimeoutError,
  InvalidUrlError,
  TooManyRedirectsError,
} from '../../../src/fetch/index.js';
import { fetcherFor, useMisbehavingServer } from './fixture.js';
import { BOMB_MEMBERS } from './misbehaving-server.js';

describe('HttpFetcher bounds against a misbehaving server', () => {
  const server = useMisbehavingServer();

  it('gives up on a server that never answers once the deadline passes', async () => {
    const fetcher = fetcherFor(server, { timeoutMs: 400 });

    const outcome = fetcher.fetch({ url: server.url('/hang') });

    await expect(outcome).rejects.toBeInstanceOf(FetchTimeoutError);
    await expect(outcome).rejects.toMatchObject({ retryable: true });
  });

  it('applies the total deadline to a body dripping one byte per second', async () => {
    const fetcher = fetcherFor(server, { timeoutMs: 1200 });

    const outcome = fetcher.fetch({ url: server.url('/drip') });

    await expect(outcome).rejects.toBeInstanceOf(FetchTimeoutError);
  });

  it('stops reading a body that grows past the byte cap', async () => {
    const fetcher = fetcherFor(server, { maxBytes: 100_000 });

    const outcome = fetcher.fetch({ url: server.url('/huge') });

    await expect(outcome).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it('refuses a body whose declared length is over the cap without reading it', async () => {
    const fetcher = fetcherFor(server, { maxBytes: 100_000 });

    const outcome = fetcher.fetch({ url: server.url('/huge-declared') });

    await expect(outcome).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it('counts the cap after decompression and abandons a gzip bomb early', async () => {
    const fetcher = fetcherFor(server, { maxBytes: 1024 * 1024, timeoutMs: 5000 });

    const outcome = fetcher.fetch({ url: server.url('/bomb') });

    await expect(outcome).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(server.bombMembersWritten).toBeLessThan(BOMB_MEMBERS / 4);
  });

  it('breaks a redirect loop at the redirect limit', async () => {
    const fetcher = fetcherFor(server, { maxRedirects: 3 });

    const outcome = fetcher.fetch({ url: server.url('/loop') });

    await expect(outcome).rejects.toBeInstanceOf(TooManyRedirectsError);
    expect(server.hits.filter((path) => path.startsWith('/loop'))).toHaveLength(4);
  });

  it('refuses a redirect to a non-http scheme', async () => {
    const fetcher = fetcherFor(server);

    const outcome = fetcher.fetch({ url: server.url('/to-file') });

    await expect(outcome).rejects.toBeInstanceOf(InvalidUrlError);
  });

  it('reports a connection reset as a retryable connection error', async () => {
    const fetcher = fetcherFor(server);

    const outcome = fetcher.fetch({ url: server.url('/reset') });

    await expect(outcome).rejects.toBeInstanceOf(ConnectionError);
    await expect(outcome).rejects.toMatchObject({ retryable: true });
  });

  it('reports a body cut short by the server as a retryable connection error', async () => {
    const fetcher = fetcherFor(server);

    const outcome = fetcher.fetch({ url: server.url('/truncated') });

    await expect(outcome).rejects.toBeInstanceOf(ConnectionError);
  });

  it('reports a body that is not the gzip it claims to be as a permanent fetch error', async () => {
    const fetcher = fetcherFor(server);

    const outcome = fetcher.fetch({ url: server.url('/corrupt-gzip') });

    await expect(outcome).rejects.toMatchObject({ name: 'FetchError', retryable: false });
  });

  it('refuses a content-encoding it cannot decode', async () => {
    const fetcher = fetcherFor(server);

    const outcome = fetcher.fetch({ url: server.url('/zstd') });

    await expect(outcome).rejects.toThrow(/unsupported content-encoding/);
  });

  it('reports a name that does not resolve as a connection error', async () => {
    const notFound = Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.example'), { code: 'ENOTFOUND' });
    const fetcher = fetcherFor(server, { respectRobots: false }, { resolver: async () => Promise.reject(notFound) });

    const outcome = fetcher.fetch({ url: 'http://nowhere.example/' });

    await expect(outcome).rejects.toMatchObject({ name: 'ConnectionError', code: 'ENOTFOUND' });
  });

  it('reports a refused connection as a connection error', async () => {
    const fetcher = fetcherFor(server, { allowedHosts: ['127.0.0.1:9'] });

    const outcome = fetcher.fetch({ url: 'http://127.0.0.1:9/' });

    await expect(outcome).rejects.toBeInstanceOf(ConnectionError);
  });
});
