import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Whether an IP address is one we must never connect to: anything that is not global unicast
 * (loopback, RFC 1918 private, link-local incl. cloud metadata 169.254.169.254, CGNAT, 0.0.0.0/8,
 * multicast, broadcast, documentation/benchmark/reserved blocks; IPv6 loopback, ULA, link-local,
 * multicast, site-local, discard...), and IPv6 forms that embed a blocked IPv4 address
 * (IPv4-mapped, IPv4-compatible, SIIT, NAT64 64:ff9b::/96, 6to4). Teredo and local-use NAT64
 * are refused outright. Anything that is not a valid IP literal is blocked too (fail closed).
 */
export function isBlockedAddress(ip: string): boolean {
  const literal = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  const bare = literal.split('%')[0] ?? '';
  const family = isIP(bare);
  if (family === 0) return true;
  const parsed = ipaddr.parse(bare);
  if (parsed.kind() === 'ipv4') return isBlockedV4(ipaddr.IPv4.parse(bare));
  return isBlockedV6(ipaddr.IPv6.parse(bare));
}

function isBlockedV4(address: ipaddr.IPv4): boolean {
  return address.range() !== 'unicast';
}

function isBlockedV6(address: ipaddr.IPv6): boolean {
  const parts = address.parts;
  switch (address.range()) {
    case 'ipv4Mapped':
    case 'rfc6145':
      return isBlockedV4(embeddedV4(parts[6], parts[7]));
    case 'rfc6052':
      // 64:ff9b::/96 translates to the embedded IPv4 address; the /48 local-use prefix is site-specific.
      return parts[2] !== 0 || isBlockedV4(embeddedV4(parts[6], parts[7]));
    case '6to4':
      return isBlockedV4(embeddedV4(parts[1], parts[2]));
    case 'unicast':
      // IPv4-compatible ::a.b.c.d (deprecated, but still routed by some stacks).
      if (parts.slice(0, 6).every((part) => part === 0)) return isBlockedV4(embeddedV4(parts[6], parts[7]));
      return false;
    default:
      return true;
  }
}

function embeddedV4(high: number | undefined, low: number | undefined): ipaddr.IPv4 {
  const h = high ?? 0;
  const l = low ?? 0;
  return new ipaddr.IPv4([h >> 8, h & 0xff, l >> 8, l & 0xff]);
}
