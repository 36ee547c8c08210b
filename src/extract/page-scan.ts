import { attributeOf } from './attributes.js';
import { anyOf, FLAGS } from './rules.js';

/**
 * One walk over the parsed page, before extraction mutates it, collecting everything the
 * metadata readers and flags need: meta tags, JSON-LD, canonical link, time elements, the first
 * h1s, author links, paywall containers and how much of the visible text sits in links.
 * (linkedom's CSS selector engine is slow; one walk replaces a dozen querySelector calls.)
 */
export interface PageScan {
  metas: Element[];
  jsonLd: string[];
  canonicalHref: string | null;
  timePublished: string | null;
  timeModified: string | null;
  firstTime: string | null;
  /** Texts of the page's first few h1 elements, in order. */
  h1s: string[];
  authorLink: string | null;
  paywallMarkup: boolean;
  /** Visible page text, lower-cased and whitespace-normalised, for marker searches (built lazily). */
  text: () => string;
  textChars: number;
  linkChars: number;
  links: number;
}

const CONTAINERS = new Set(['DIV', 'SECTION', 'ASIDE', 'ARTICLE', 'FORM', 'DIALOG']);
// Pages with more h1 elements than this use them for teasers; the headline is among the first.
const MAX_H1S = 8;
const SKIP_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'HEAD', 'TITLE']);
const PAYWALL_HINTS = anyOf(FLAGS.paywallHints.map((h) => h.toLowerCase()));

function visitElement(el: Element, tag: string, scan: PageScan): void {
  if (tag === 'META') scan.metas.push(el);
  else if (tag === 'SCRIPT' && (el.getAttribute('type') ?? '').toLowerCase() === 'application/ld+json')
    scan.jsonLd.push(el.textContent ?? '');
  else if (
    tag === 'LINK' &&
    scan.canonicalHref === null &&
    (el.getAttribute('rel') ?? '').toLowerCase() === 'canonical'
  )
    scan.canonicalHref = el.getAttribute('href');
  else if (tag === 'H1' && scan.h1s.length < MAX_H1S) {
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length > 0) scan.h1s.push(text);
  }
  if (tag === 'TIME' || tag === 'META' || tag === 'SPAN') {
    const datetime = attributeOf(el, 'datetime', 'dateTime');
    if (datetime !== null) {
      const prop = attributeOf(el, 'itemprop', 'itemProp');
      if (prop === 'datePublished') scan.timePublished ??= datetime;
      else if (prop === 'dateModified') scan.timeModified ??= datetime;
      else if (tag === 'TIME') scan.firstTime ??= datetime;
    }
  }
  if (scan.authorLink === null && (tag === 'A' || tag === 'LINK') && el.getAttribute('rel') === 'author')
    scan.authorLink = el.textContent;
  // Paywalls are boxes: only containers are asked for their class (reading it is slow on linkedom).
  if (!scan.paywallMarkup && CONTAINERS.has(tag)) {
    const hint = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase();
    scan.paywallMarkup = hint.length > 1 && PAYWALL_HINTS.test(hint);
  }
}

/** Scans the whole document once. */
export function scanPage(document: Document): PageScan {
  const scan: PageScan = {
    metas: [],
    jsonLd: [],
    canonicalHref: null,
    timePublished: null,
    timeModified: null,
    firstTime: null,
    h1s: [],
    authorLink: null,
    paywallMarkup: false,
    text: () => '',
    textChars: 0,
    linkChars: 0,
    links: 0,
  };
  const parts: string[] = [];
  const walk = (node: Node, inLink: boolean, visible: boolean): void => {
    if (node.nodeType === 3) {
      if (!visible) return;
      const value = node.nodeValue ?? '';
      parts.push(value);
      const chars = value.trim().length;
      scan.textChars += chars;
      if (inLink) scan.linkChars += chars;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    visitElement(el, tag, scan);
    if (tag === 'A') scan.links += 1;
    const childVisible = visible && !SKIP_TEXT.has(tag);
    for (let child = el.firstChild; child !== null; child = child.nextSibling)
      walk(child, inLink || tag === 'A', childVisible);
  };
  walk(document.documentElement, false, true);
  let text: string | null = null;
  // Most pages never need the whole text (only short bodies are checked for walls); join on demand.
  scan.text = () => (text ??= parts.join(' ').replace(/\s+/g, ' ').trim().toLowerCase());
  return scan;
}
