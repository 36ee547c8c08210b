import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BlockedAddressError, defaultFetchPolicy, HttpFetcher } from '../../../src/fetch/index.js';
import { fetcherFor, useMisbehavingServer } from './fixture.js';

describe('HttpFetcher SSRF guard against a loopback server', () => {
  const server = useMisbehavingServer();
  let socketsOpened = 0;
  const countSocket = (): void => {
    socketsOpened += 1;
  };
  beforeEach(() => {
    socketsOpened = 0;
    subscribe('net.client.socket', countSocket);
  });
  afterEach(() => unsubscribe('net.client.socket', countSocket));

  it('refuses a loopback URL that is not on the allow-list without sending anything', async () => {
    const fetcher = new HttpFetcher(defaultFetchPolicy({ minHostIntervalMs: 0 }));

    const outcome = fetcher.fetch({ url: server.url('/page') });

    await expect(outcome).rejects.toBeInstanceOf(BlockedAddressError);
    expect(server.hits).toEqual([]);
    expect(socketsOpened).toBe(0);
  });

  it('refuses a name that resolves to loopback when the name is not allow-listed', async () => {
    const resolver = vi.fn(async () => ['127.0.0.1']);
    const fetcher = new HttpFetcher(defaultFetchPolicy({ minHostIntervalMs: 0, respectRobots: false }), { resolver });

    const outcome = fetcher.fetch({ url: `http://innocent.example:${server.host.split(':')[1] ?? ''}/page` });

    await expect(outcome).rejects.toBeInstanceOf(BlockedAddressError);
    expect(resolver).toHaveBeenCalledWith('innocent.example');
    expect(socketsOpened).toBe(0);
  });

  it('refuses a redirect to the cloud metadata address before connecting to it', async () => {
    const fetcher = fetcherFor(server, { respectRobots: false });

    const outcome = fetcher.fetch({ url: server.url('/to-metadata') });

    await expect(outcome).rejects.toBeInstanceOf(BlockedAddressError);
    await expect(outcome).rejects.toMatchObject({ address: '169.254.169.254', retryable: false });
    expect(socketsOpened).toBe(1);
  });

  it('refuses a redirect to a private address before connecting to it', async () => {
    const fetcher = fetcherFor(server, { respectRobots: false });

    const outcome = fetcher.fetch({ url: server.url('/to-private') });

    await expect(outcome).rejects.toMatchObject({ name: 'BlockedAddressError', address: '10.0.0.1' });
    expect(socketsOpened).toBe(1);
  });

  it('resolves a redirect target itself and refuses it when any address is private', async () => {
    const resolver = vi.fn(async () => ['93.184.216.34', '10.20.30.40']);
    const fetcher = fetcherFor(server, { respectRobots: false }, { resolver });

    const outcome = fetcher.fetch({ url: server.url('/to-internal-name') });

    await expect(outcome).rejects.toMatchObject({ name: 'BlockedAddressError', address: '10.20.30.40' });
    expect(resolver).toHaveBeenCalledWith('intranet.example');
    expect(socketsOpened).toBe(1);
  });

  it('checks robots.txt fetches with the same guard', async () => {
    const fetcher = new HttpFetcher(defaultFetchPolicy({ minHostIntervalMs: 0 }), {
      resolver: async () => ['169.254.169.254'],
    });

    const outcome = fetcher.fetch({ url: 'http://metadata.example/latest/' });

    await expect(outcome).rejects.toBeInstanceOf(BlockedAddressError);
    expect(socketsOpened).toBe(0);
  });

  it('lets an allow-listed loopback host through', async () => {
    const fetcher = fetcherFor(server);

    const result = await fetcher.fetch({ url: server.url('/page') });

    expect(result.status).toBe(200);
    expect(server.hits).toEqual(['/robots.txt', '/page']);
  });
});
