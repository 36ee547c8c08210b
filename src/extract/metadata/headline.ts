import { decodeHTML } from 'entities';
import { getDomainWithoutSuffix } from 'tldts';
import { wordCount } from '../block-filter.js';

/**
 * Chooses the article's headline among what a page offers: its h1 elements, JSON-LD `headline`
 * and `name`, og:title, twitter:title and <title>. The visible h1 is the headline readers see;
 * metadata titles are variants made for search and sharing, often with the site's name attached
 * ("... | Bay Herald") and sometimes a lead sentence in place of the headline. So an h1 that a
 * metadata title confirms wins; otherwise the metadata title most sources agree on, with the
 * site's name cut off.
 */

/** Where headline candidates come from; any may be missing. */
export interface HeadlineSources {
  h1s: readonly string[];
  jsonLdHeadline: string | null;
  jsonLdName: string | null;
  ogTitle: string | null;
  twitterTitle: string | null;
  documentTitle: string | null;
  /** og:site_name, application-name, the JSON-LD publisher: names the title may carry. */
  siteNames: readonly (string | null)[];
  url: string;
}

// A headline is a line, not a paragraph: longer candidates are lead sentences or descriptions.
const MAX_HEADLINE_WORDS = 40;
const SEPARATOR = /\s+(?:[|–—•·»:/~]|-{1,2}|::)\s+/;

/** Entities decoded (twice: some CMSs escape `&amp;#8211;`), whitespace collapsed. */
export function cleanTitle(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  let text = value;
  for (let i = 0; i < 2 && /&(#\d+|#x[0-9a-f]+|[a-z]+\d*);/i.test(text); i++) text = decodeHTML(text);
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > 0 ? text : null;
}

/** Lower-cased letters and digits only, for comparing spellings of one name. */
function squash(value: string): string {
  return value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

// Scripts written without spaces: each character stands for a word in comparisons.
const UNSPACED = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Thai}';
const TOKEN = new RegExp(`[${UNSPACED}]|[^\\s\\p{P}\\p{S}${UNSPACED}]+`, 'gu');

/** Words of a title, lower-cased; a character of an unspaced script counts as one. */
function words(value: string): string[] {
  return value.toLowerCase().match(TOKEN) ?? [];
}

function siteKeys(sources: HeadlineSources): Set<string> {
  const keys = new Set<string>();
  for (const name of sources.siteNames) {
    const key = name === null ? '' : squash(name.replace(/^@/, ''));
    if (key.length > 0) keys.add(key);
  }
  try {
    const label = getDomainWithoutSuffix(new URL(sources.url).hostname);
    if (label !== null && label.length > 0) keys.add(squash(label));
  } catch {
    // No usable URL: the page's own names still apply.
  }
  return keys;
}

function isSiteName(segment: string, keys: ReadonlySet<string>): boolean {
  const key = squash(segment);
  if (key.length === 0) return false;
  for (const site of keys) if (key === site || (site.length >= 4 && key.startsWith(site))) return true;
  return false;
}

// A trailing segment this short after a bar or dash is a site, section or slogan ("Story | Bay Herald").
const MAX_SUFFIX_WORDS = 4;
// A leading one only before a bar ("Bay Herald | Story"): "Russia - Ukraine talks" must stay whole.
const MAX_PREFIX_WORDS = 3;
const BAR = /^\s+\|\s+$/;

/**
 * The title without leading or trailing segments that name the site or a section: a segment
 * equal to one of the site's names anywhere, or a short one after the headline ("Story | Site |
 * Section") and, before a bar, in front of it. The headline itself keeps at least three words.
 * `barsOnly` (for a visible h1) cuts short segments only after a bar, never after a dash.
 */
export function stripSiteName(title: string, keys: ReadonlySet<string>, barsOnly = false): string {
  const pieces = title.split(new RegExp(`(${SEPARATOR.source})`));
  // pieces: segment, separator, segment, separator, ...
  let first = 0;
  let last = pieces.length - 1;
  const count = (i: number): number => wordCount(pieces[i] ?? '');
  const restWords = (from: number, to: number): number => {
    let n = 0;
    for (let i = from; i <= to; i += 2) n += count(i);
    return n;
  };
  while (last > first) {
    const site = isSiteName(pieces[last] ?? '', keys);
    const short = count(last) <= MAX_SUFFIX_WORDS && (!barsOnly || BAR.test(pieces[last - 1] ?? ''));
    if (!site && (!short || restWords(first, last - 2) < 3)) break;
    last -= 2;
  }
  while (first < last) {
    const site = isSiteName(pieces[first] ?? '', keys);
    const bar = BAR.test(pieces[first + 1] ?? '');
    if (!site && (!bar || count(first) > MAX_PREFIX_WORDS || restWords(first + 2, last) < 3)) break;
    first += 2;
  }
  return pieces
    .slice(first, last + 1)
    .join('')
    .trim();
}

const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DATE = `(${MONTH}\\s+\\d{1,2}(st|nd|rd|th)?,?\\s+(19|20)\\d{2}|\\d{1,2}\\s+${MONTH},?\\s+(19|20)\\d{2}|(19|20)\\d{2}-\\d{2}-\\d{2})`;
// An h1 that holds the story's dateline too: "Headline Posted on July 1, 2024 by Jane", "Dec 18 2025 Headline".
const TRAILING_DATELINE = new RegExp(`\\s+((posted|published|updated)\\s+(on|by)\\b.*|[|·–—-]?\\s*${DATE})$`, 'i');
const LEADING_DATE = new RegExp(`^${DATE}\\s+(?=\\S)`, 'i');

/** An h1 without the dateline or byline that some pages print inside it. */
function withoutDateline(h1: string | null): string | null {
  if (h1 === null) return null;
  const cut = h1.replace(TRAILING_DATELINE, '').replace(LEADING_DATE, '').trim();
  return wordCount(cut) >= 2 ? cut : h1;
}

/** Whether a metadata title confirms an h1: the same letters and digits, or holding them all (with a site name or a dek). */
function confirms(meta: string, h1: string): boolean {
  const m = squash(meta);
  const h = squash(h1);
  return m === h || (wordCount(h1) >= 3 && m.includes(h));
}

/** Share of the h1's words that the metadata title also uses. */
function overlap(meta: string, h1: string): number {
  const metaWords = new Set(words(meta));
  const h1Words = words(h1);
  return h1Words.length === 0 ? 0 : h1Words.filter((w) => metaWords.has(w)).length / h1Words.length;
}

function plausible(title: string): boolean {
  const count = wordCount(title);
  return count >= 1 && count <= MAX_HEADLINE_WORDS;
}

/** The article's headline, or null when the page offers none. */
export function chooseHeadline(sources: HeadlineSources): string | null {
  const keys = siteKeys(sources);
  const metas = [
    sources.jsonLdHeadline,
    sources.jsonLdName,
    sources.ogTitle,
    sources.twitterTitle,
    sources.documentTitle,
  ]
    .map(cleanTitle)
    .filter((t): t is string => t !== null && plausible(t));
  const h1s = sources.h1s
    .map((h1) => withoutDateline(cleanTitle(h1)))
    .filter((t): t is string => t !== null && plausible(t) && !isSiteName(t, keys));
  for (const h1 of h1s) if (metas.some((m) => confirms(m, h1))) return stripSiteName(h1, keys, true);
  for (const h1 of h1s) if (wordCount(h1) >= 3 && metas.some((m) => overlap(m, h1) >= 0.5)) return h1;
  const stripped = metas.map((m) => stripSiteName(m, keys));
  // The stripped title most sources agree on; ties go to the most trusted source (listed first).
  let best: string | null = null;
  let bestVotes = 0;
  for (const candidate of stripped) {
    const votes = stripped.filter((other) => squash(other) === squash(candidate)).length;
    if (votes > bestVotes) {
      best = candidate;
      bestVotes = votes;
    }
  }
  return best ?? h1s[0] ?? null;
}
