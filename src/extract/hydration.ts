/**
 * Finds the article text in a page's hydration data: the JSON that script-rendered sites ship
 * for their framework to rebuild the page (`<script type="application/json">`, as Next.js's
 * `__NEXT_DATA__`), when the HTML itself carries next to no body. The longest string that reads
 * as prose (or as article markup) is the body; a record of short strings never is.
 */

const HYDRATION_SCRIPT = /<script\b[^>]*type\s*=\s*["']?application\/json["']?[^>]*>([\s\S]*?)<\/script\s*>/gi;
// Shorter strings are titles, teasers and descriptions.
const MIN_BODY_CHARS = 600;
// A body has sentences: at least this many sentence ends per 1,000 characters of text.
const MIN_SENTENCES_PER_KCHAR = 2;

function proseLike(value: string): boolean {
  const text = value.replace(/<[^>]+>/g, ' ');
  if (text.length < MIN_BODY_CHARS) return false;
  const sentences = text.match(/[.!?。！？](\s|$)/g)?.length ?? 0;
  const spaces = text.match(/\s/g)?.length ?? 0;
  return sentences >= (MIN_SENTENCES_PER_KCHAR * text.length) / 1000 && spaces > text.length / 12;
}

function longestProse(value: unknown, best: string | null): string | null {
  if (typeof value === 'string') return proseLike(value) && value.length > (best?.length ?? 0) ? value : best;
  if (Array.isArray(value)) return value.reduce<string | null>((b, v) => longestProse(v, b), best);
  if (value !== null && typeof value === 'object')
    return Object.values(value).reduce<string | null>((b, v) => longestProse(v, b), best);
  return best;
}

/** The longest prose string (plain text or markup) in the page's JSON hydration scripts, or null. */
export function hydratedBody(html: string): string | null {
  let best: string | null = null;
  for (const match of html.matchAll(HYDRATION_SCRIPT)) {
    const json = match[1] ?? '';
    if (json.length < MIN_BODY_CHARS) continue;
    try {
      best = longestProse(JSON.parse(json), best);
    } catch {
      // Not JSON after all (or truncated): other scripts may still hold the body.
    }
  }
  return best;
}
