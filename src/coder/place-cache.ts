import type { Place } from '../core/event-schema.js';
import type { PlaceResolver } from './geo/index.js';

const MAX_ENTRIES = 20_000;

/**
 * Memoises a PlaceResolver: news repeats the same place names constantly and gazetteer scoring
 * is the costliest per-sentence step after tokenisation. The cache is cleared when full.
 */
export function cachedResolver(inner: PlaceResolver): PlaceResolver {
  const resolved = new Map<string, Place | null>();
  const ambiguous = new Map<string, boolean>();
  return {
    resolve(name, hints) {
      const key = `${name}|${hints.countries.join(',')}`;
      const hit = resolved.get(key);
      if (hit !== undefined) return hit;
      if (resolved.size >= MAX_ENTRIES) resolved.clear();
      const value = inner.resolve(name, hints);
      resolved.set(key, value);
      return value;
    },
    isCapitalOf: (name) => inner.isCapitalOf(name),
    isPlace: (name) => inner.isPlace(name),
    ambiguous(name) {
      const hit = ambiguous.get(name);
      if (hit !== undefined) return hit;
      if (ambiguous.size >= MAX_ENTRIES) ambiguous.clear();
      const value = inner.ambiguous(name);
      ambiguous.set(name, value);
      return value;
    },
  };
}
