/** `fetch-feed` -> `FetchFeed`: construct ids from function and queue ids. */
export function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase());
}
