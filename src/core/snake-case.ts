/**
 * Every JSON eventwire emits names its fields in snake_case (the `code` command's contract, followed by records,
 * exports, the API and the bus). Types that live in TypeScript code under camelCase names (an extracted article,
 * a parsed feed) go through `snakeCaseKeys` on their way out. Two small functions, so no dependency
 * (snakecase-keys) for them.
 */

/** `wordCount` -> `word_count`, `siteName` -> `site_name`; snake_case names are left as they are. */
export function snakeCase(name: string): string {
  return name.replace(/(?<=[a-z0-9])([A-Z])/g, '_$1').toLowerCase();
}

/** A copy of a JSON-like value with every object key in snake_case, at any depth. */
export function snakeCaseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeCaseKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [snakeCase(key), snakeCaseKeys(inner)]));
}
