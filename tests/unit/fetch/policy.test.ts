import { describe, expect, it } from 'vitest';
import { defaultFetchPolicy } from '../../../src/fetch/index.js';
import { isAllowListed } from '../../../src/fetch/policy.js';

describe('defaultFetchPolicy', () => {
  it('is strict by default: no private hosts, 15 s, 5 MiB, 5 redirects, robots respected', () => {
    const policy = defaultFetchPolicy();

    expect(policy).toMatchObject({
      allowedHosts: [],
      timeoutMs: 15_000,
      maxBytes: 5 * 1024 * 1024,
      maxRedirects: 5,
      respectRobots: true,
    });
    expect(policy.userAgent).toMatch(/^eventwire\/\S+ \(\+https:\/\//);
  });

  it('takes overrides', () => {
    expect(defaultFetchPolicy({ timeoutMs: 500 }).timeoutMs).toBe(500);
  });
});

describe('isAllowListed', () => {
  const policy = defaultFetchPolicy({ allowedHosts: ['127.0.0.1:8080', 'demo.local'] });

  it('matches an entry with the same host and port', () => {
    expect(isAllowListed(policy, new URL('http://127.0.0.1:8080/feed.xml'))).toBe(true);
  });

  it('does not extend a host:port entry to other ports', () => {
    expect(isAllowListed(policy, new URL('http://127.0.0.1:9090/'))).toBe(false);
  });

  it('lets a bare host entry match any port', () => {
    expect(isAllowListed(policy, new URL('https://demo.local:8443/'))).toBe(true);
  });

  it('matches an explicit default port against a URL that omits it', () => {
    const withPort = defaultFetchPolicy({ allowedHosts: ['demo.local:80'] });

    expect(isAllowListed(withPort, new URL('http://demo.local/'))).toBe(true);
  });

  it('allows nothing with the production policy', () => {
    expect(isAllowListed(defaultFetchPolicy(), new URL('http://127.0.0.1/'))).toBe(false);
  });
});
