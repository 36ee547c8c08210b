/**
 * User names and passwords written into URLs (`http://user:secret@host/feed`). eventwire fetches public pages
 * only: a feed list may not carry them, the fetcher never sends them (Node would turn them into Basic auth, on
 * every hop), and they are never stored or printed.
 */

/** Whether the URL carries a user name or password. */
export function hasCredentials(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.username !== '' || parsed.password !== '';
  } catch {
    return /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(url.trim());
  }
}

/** The URL without its user name and password; a string that is no URL loses what looks like them. */
export function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username === '' && parsed.password === '') return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.href;
  } catch {
    return url.replace(/^(\s*[a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1');
  }
}
