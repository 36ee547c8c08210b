import { getDomain } from 'tldts';
import { z } from 'zod';
import { OutletListError } from './errors.js';

/**
 * One outlet of an outlet list: its name (stored on its articles, as a feed's name is in a live run) and where its
 * pages live, either a `domain` (the host and its subdomains: "example.org" also matches "www.example.org") or a
 * URL `prefix` (several outlets on one host, told apart by path).
 */
const OutletSchema = z.union([
  z.strictObject({ name: z.string().min(1), domain: z.string().regex(/^[a-z0-9.-]+$/i) }),
  z.strictObject({ name: z.string().min(1), prefix: z.url({ protocol: /^https?$/ }) }),
]);
export const OutletListSchema = z.array(OutletSchema).min(1);
export type OutletList = z.infer<typeof OutletListSchema>;

/** Which outlet a page belongs to: its name, or null when the list does not name it (the record is skipped). */
export type OutletMatcher = (url: URL) => string | null;

/**
 * Parses an outlet list (JSON, see OutletSchema).
 * @throws OutletListError naming `source` and what is wrong
 */
export function parseOutletList(text: string, source: string): OutletList {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new OutletListError(`${source} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = OutletListSchema.safeParse(json);
  if (!parsed.success)
    throw new OutletListError(
      `${source} is not an outlet list [{"name","domain"} or {"name","prefix"}]: ${z.prettifyError(parsed.error)}`,
    );
  return parsed.data;
}

/**
 * The outlet of a page. With a list, the longest matching prefix or domain wins and pages of other sites get null;
 * without one, every page is kept and named after its registrable domain (the host for IP addresses).
 */
export function outletMatcher(list: OutletList | null): OutletMatcher {
  if (!list) return (url) => getDomain(url.hostname) ?? url.hostname;
  const rules = list
    .map((outlet) =>
      'domain' in outlet
        ? { name: outlet.name, length: outlet.domain.length, matches: domainRule(outlet.domain.toLowerCase()) }
        : { name: outlet.name, length: outlet.prefix.length, matches: prefixRule(new URL(outlet.prefix).href) },
    )
    .sort((a, b) => b.length - a.length);
  return (url) => rules.find((rule) => rule.matches(url))?.name ?? null;
}

function domainRule(domain: string): (url: URL) => boolean {
  return (url) => url.hostname === domain || url.hostname.endsWith(`.${domain}`);
}

function prefixRule(prefix: string): (url: URL) => boolean {
  return (url) => url.href.startsWith(prefix);
}
