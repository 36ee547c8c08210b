import table from './data/namespaces.json' with { type: 'json' };

const CORE = new Set<string>(table.core);
const PREFIXES = new Map<string, string>(Object.entries(table.prefixes));

/**
 * Canonical name of an element or attribute: local name for RSS/Atom core namespaces, `prefix:local`
 * with the canonical prefix for known extensions, the document's own `prefix:local` otherwise.
 */
export function canonicalName(namespaceUri: string | null, prefix: string, local: string): string {
  if (namespaceUri === null) return prefix === '' ? local : `${prefix}:${local}`;
  const lower = namespaceUri.toLowerCase();
  if (CORE.has(lower) || lower.includes('backend.userland.com/rss')) return local;
  const known = PREFIXES.get(lower);
  if (known !== undefined) return `${known}:${local}`;
  return prefix === '' ? local : `${prefix}:${local}`;
}

export const ATOM10_NAMESPACE = 'http://www.w3.org/2005/atom';
export const ATOM03_NAMESPACE = 'http://purl.org/atom/ns#';
export const RSS090_NAMESPACE = 'http://my.netscape.com/rdf/simple/0.9/';
