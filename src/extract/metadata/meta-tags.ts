import { attribute } from '../attributes.js';

/**
 * Collects `<meta>` values keyed by lower-cased name/property/itemprop, first value kept:
 * Open Graph, article:*, Dublin Core, Parse.ly, Sailthru and plain HTML names alike, attribute
 * names in any case.
 */
export type MetaTags = ReadonlyMap<string, string>;

/** Indexes the page's meta elements. */
export function readMetaTags(metas: readonly Element[]): MetaTags {
  const tags = new Map<string, string>();
  for (const meta of metas) {
    const key =
      attribute(meta, 'property') ??
      attribute(meta, 'name') ??
      attribute(meta, 'itemprop') ??
      attribute(meta, 'http-equiv');
    const value = attribute(meta, 'content')?.trim();
    if (key === null || value === undefined || value.length === 0) continue;
    const normal = key.trim().toLowerCase();
    if (!tags.has(normal)) tags.set(normal, value);
  }
  return tags;
}

/** First non-empty value among `keys`, in order of trust. */
export function firstMeta(tags: MetaTags, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = tags.get(key);
    if (value !== undefined) return value;
  }
  return null;
}
