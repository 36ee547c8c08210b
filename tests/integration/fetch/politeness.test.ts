import { describe, expect, it } from 'vitest';
import {
  type HostGate,
  type HostSlot,
  HttpStatusError,
  MemoryHostGate,
  MemoryRobotsCache,
  RateLimitedError,
  RobotsDisallowedError,
} from '../../../src/fetch/index.js';
import { fetcherFor, useMisbehavingServer } from './fixture.js';

/** A gate that remembers the interval it was asked to keep, then lets the request through. */
class RecordingGate implements HostGate {
  readonly intervals: number[] = [];
  async book(host: string, minIntervalMs: number): Promise<HostSlot> {
    this.intervals.push(minIntervalMs);
    return { host, at: 0 };
  }
  async reserve(): Promise<HostSlot[]> {
    return [];
  }
  redeem(): number | null {
    return null;
  }
  async block(): Promise<void> {}
}

describe('HttpFetcher politeness against a loopback server', () => {
  const server = useMisbehavingServer();

  it('sends the descriptive User-Agent of the policy', async () => {
    const fetcher = fetcherFor(server, { userAgent: 'eventwire-test/1.0 (+https://example.org/contact)' });

    const result = await fetcher.fetch({ url: server.url('/page') });

    expect(result.headers['x-seen-user-agent']).toBe('eventwire-test/1.0 (+https://example.org/contact)');
  });

  it('does not request a path that robots.txt disallows for every agent', async () => {
    server.robotsTxt = 'User-agent: *\nDisallow: /private/\n';
    const fetcher = fetcherFor(server);

    const outcome = fetcher.fetch({ url: server.url('/private/secret') });

    await expect(outcome).rejects.toBeInstanceOf(RobotsDisallowedError);
    await expect(outcome).rejects.toMatchObject({ retryable: false });
    expect(server.hits).toEqual(['/robots.txt']);
  });

  it('checks robots.txt again for the target of a redirect', async () => {
    server.robotsTxt = 'User-agent: *\nDisallow: /private/\n';
    const fetcher = fetcherFor(server);

    const outcome = fetcher.fetch({ url: server.url('/to-private-path') });

    await expect(outcome).rejects.toBeInstanceOf(RobotsDisallowedError);
    expect(server.hits).not.toContain('/private/secret');
  });

  it('obeys the group naming our product token over the wildcard group', async () => {
    server.robotsTxt = 'User-agent: eventwire\nDisallow: /\n\nUser-agent: *\nAllow: /\n';
    const fetcher = fetcherFor(server, { userAgent: 'eventwire/0.1 (+https://example.org/bot)' });

    const outcome = fetcher.fetch({ url: server.url('/page') });

    await expect(outcome).rejects.toBeInstanceOf(RobotsDisallowedError);
  });

  it('reads robots.txt once per host and serves later checks from the cache', async () => {
    server.robotsTxt = 'User-agent: *\nDisallow: /private/\n';
    const fetcher = fetcherFor(server, {}, { robots: new MemoryRobotsCache() });

    await fetcher.fetch({ url: server.url('/page') });
    await fetcher.fetch({ url: server.url('/gzip-page') });

    expect(server.hits.filter((path) => path === '/robots.txt')).toHaveLength(1);
  });

  it('treats a robots.txt server error as a temporary complete disallow', async () => {
    server.robotsTxt = 'oops';
    server.robotsStatus = 500;
    const fetcher = fetcherFor(server);

    const outcome = fetcher.fetch({ url: server.url('/page') });

    await expect(outcome).rejects.toBeInstanceOf(RobotsDisallowedError);
    await expect(outcome).rejects.toMatchObject({ retryable: true });
    expect(server.hits).not.toContain('/page');
  });

  it('asks the host gate to keep the crawl-delay when it exceeds the default interval', async () => {
    server.robotsTxt = 'User-agent: *\nCrawl-delay: 3\n';
    const gate = new RecordingGate();
    const fetcher = fetcherFor(server, { minHostIntervalMs: 500 }, { gate });

    await fetcher.fetch({ url: server.url('/page') });

    expect(gate.intervals).toEqual([3000]);
  });

  it('reports a busy host at once as rate limited, holding the slot it booked, and goes when that slot is held', async () => {
    server.robotsTxt = 'User-agent: *\nCrawl-delay: 1\n';
    const fetcher = fetcherFor(server, {}, { gate: new MemoryHostGate() });
    await fetcher.fetch({ url: server.url('/page') });

    const started = Date.now();
    const error: unknown = await fetcher.fetch({ url: server.url('/gzip-page') }).catch((caught: unknown) => caught);
    const answeredInMs = Date.now() - started;
    const slot = (error as RateLimitedError).slot;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, (slot?.at ?? 0) - Date.now())));
    const held = await fetcher.fetch({ url: server.url('/gzip-page'), slot });

    expect(error).toBeInstanceOf(RateLimitedError);
    expect(answeredInMs).toBeLessThan(500);
    expect(slot?.host).toBe(server.host);
    expect(held.status).toBe(200);
    expect(server.hits.filter((path) => path === '/gzip-page')).toHaveLength(1);
  });

  it('sends nothing more to a host that answered 429 until its Retry-After has passed', async () => {
    const fetcher = fetcherFor(server, {}, { gate: new MemoryHostGate() });
    await fetcher.fetch({ url: server.url('/too-many') }).catch(() => undefined);

    const next = await fetcher.fetch({ url: server.url('/page') }).catch((caught: unknown) => caught);

    expect(next).toBeInstanceOf(RateLimitedError);
    expect((next as RateLimitedError).retryAfterMs).toBeGreaterThan(6000);
    expect(server.hits).not.toContain('/page');
  });

  it('turns 429 into a rate-limit error carrying the Retry-After delay', async () => {
    const fetcher = fetcherFor(server);

    const outcome = fetcher.fetch({ url: server.url('/too-many') });

    await expect(outcome).rejects.toBeInstanceOf(RateLimitedError);
    await expect(outcome).rejects.toMatchObject({ retryAfterMs: 7000, retryable: true });
  });

  it('turns 503 with a Retry-After date into a rate-limit error', async () => {
    const fetcher = fetcherFor(server);

    const error: unknown = await fetcher
      .fetch({ url: server.url('/unavailable-until') })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBeGreaterThan(100_000);
  });

  it('turns a bare 503 into a retryable status error', async () => {
    const fetcher = fetcherFor(server);

    const outcome = fetcher.fetch({ url: server.url('/unavailable') });

    await expect(outcome).rejects.toBeInstanceOf(HttpStatusError);
    await expect(outcome).rejects.toMatchObject({ status: 503, retryable: true });
  });

  it('turns 410 into a permanent status error', async () => {
    const fetcher = fetcherFor(server);

    const outcome = fetcher.fetch({ url: server.url('/gone') });

    await expect(outcome).rejects.toMatchObject({ name: 'HttpStatusError', status: 410, retryable: false });
  });
});
