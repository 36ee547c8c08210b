import { getDomain } from 'tldts';

/**
 * Keeps a page's declared canonical URL only when it points at the same registrable domain
 * (eTLD+1) as the URL the page was fetched from; a canonical on another site is ignored, as
 * it could be used to attribute one outlet's text to another.
 */
export function sameSiteCanonical(declared: string | null, pageUrl: string): string | null {
  if (declared === null || declared.trim().length === 0) return null;
  let resolved: URL;
  let page: URL;
  try {
    page = new URL(pageUrl);
    resolved = new URL(declared.trim(), page);
  } catch {
    return null;
  }
  if (resolved.protocol !== 'http:' && resolved.protocol !== 'https:') return null;
  const a = getDomain(resolved.hostname) ?? resolved.hostname;
  const b = getDomain(page.hostname) ?? page.hostname;
  return a === b ? resolved.href : null;
}
