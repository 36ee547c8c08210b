import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { withoutCredentials } from '../core/url-credentials.js';
import { isBlockedAddress } from './address-guard.js';
import { BlockedAddressError, ConnectionError, FetchError, InvalidUrlError } from './errors.js';
import { type FetchPolicy, isAllowListed } from './policy.js';

/** Resolves a hostname to its IP addresses (all of them: every one is checked). */
export type Resolver = (host: string) => Promise<string[]>;

/** A URL together with the one checked IP address the connection is pinned to. */
export interface PinnedTarget {
  readonly url: URL;
  readonly address: string;
  readonly family: 4 | 6;
}

/** The system resolver (getaddrinfo), returning every address so that none slips past the check. */
export const systemResolver: Resolver = async (host) => {
  const records = await lookup(host, { all: true, verbatim: true });
  return records.map((record) => record.address);
};

/**
 * Parses an absolute http(s) URL, optionally relative to a base; anything else is an InvalidUrlError. A user name
 * and password in the URL (or in a redirect's Location) are dropped: they would be sent as Basic auth, to any host.
 */
export function parseFetchUrl(input: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(input, base);
  } catch (error) {
    throw new InvalidUrlError(`not a valid URL: ${JSON.stringify(withoutCredentials(input).slice(0, 200))}`, {
      cause: error,
    });
  }
  url.username = '';
  url.password = '';
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidUrlError(`only http and https URLs are fetched, not ${url.protocol}`);
  }
  if (url.hostname === '') throw new InvalidUrlError(`URL has no host: ${url.href}`);
  return url;
}

/**
 * Resolves the URL's host and checks every resulting address BEFORE any connection is made; the caller
 * then connects to exactly the returned address (no second lookup, so no DNS-rebinding window).
 * Allow-listed hosts skip the address check (the local demo site); nothing else does.
 */
export async function resolveTarget(
  url: URL,
  policy: FetchPolicy,
  resolver: Resolver,
  signal: AbortSignal,
): Promise<PinnedTarget> {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const addresses = isIP(host) === 0 ? await resolveHost(url, host, resolver, signal) : [host];
  const allowed = isAllowListed(policy, url);
  for (const address of addresses) {
    if (!allowed && isBlockedAddress(address)) throw new BlockedAddressError(url.host, address);
  }
  const address = addresses[0];
  if (address === undefined) throw new ConnectionError(url.href, new Error(`no address for ${host}`));
  return { url, address, family: isIP(address) === 6 ? 6 : 4 };
}

async function resolveHost(url: URL, host: string, resolver: Resolver, signal: AbortSignal): Promise<string[]> {
  signal.throwIfAborted();
  // getaddrinfo cannot be cancelled; racing it against the deadline keeps the total bound honest.
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    const addresses = await Promise.race([resolver(host), aborted]);
    return addresses.map((address) => address.trim()).filter((address) => address !== '');
  } catch (error) {
    if (signal.aborted || error instanceof FetchError) throw error;
    throw new ConnectionError(url.href, error);
  } finally {
    if (onAbort !== undefined) signal.removeEventListener('abort', onAbort);
  }
}
