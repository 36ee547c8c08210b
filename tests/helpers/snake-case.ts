/** Field names of the one JSON convention: lower-case words joined by underscores. */
export const SNAKE_CASE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

/**
 * Every object key in `value` that is not snake_case, as a path (`items[0].event.quadClass`). `allowed` names keys
 * accepted anywhere (the table-design attributes of a raw item); an empty result means the convention holds.
 */
export function keysNotSnakeCase(value: unknown, allowed: ReadonlySet<string> = new Set(), path = ''): string[] {
  if (value instanceof Set) return [];
  if (Array.isArray(value)) return value.flatMap((inner, i) => keysNotSnakeCase(inner, allowed, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const here = path ? `${path}.${key}` : key;
    const own = SNAKE_CASE.test(key) || allowed.has(key) ? [] : [here];
    return [...own, ...keysNotSnakeCase(inner, allowed, here)];
  });
}
