import { BOILERPLATE, type BoilerplateRules } from './rules.js';

/**
 * Removes boilerplate containers from a parsed page before main-text scoring: captions, share
 * bars, related-link boxes, newsletters, cookie banners, bylines and datelines. Class names are
 * general news-page conventions from data/extract/boilerplate.json, never one site's markup.
 */

const PROTECTED = new Set(['HTML', 'BODY', 'HEAD']);

/** Whether an element's class/id marks it as a boilerplate container. */
export function hasBoilerplateHint(el: Element, rules: BoilerplateRules = BOILERPLATE): boolean {
  const cls = el.getAttribute('class');
  const id = el.getAttribute('id');
  if (cls === null && id === null) return false;
  const raw = `${cls ?? ''} ${id ?? ''}`.toLowerCase();
  // Hints hold no spaces, so testing the joined values equals testing each value.
  if (rules.keepPattern.test(raw)) return false;
  if (rules.compoundPattern.test(raw)) return true;
  for (const part of raw.split(/[\s_-]+/)) if (rules.singleHints.has(part)) return true;
  return false;
}

// A container with this much unlinked text is a body wrapper with an unlucky class name.
function proseChars(node: Node, limit: number, inLink = false): number {
  if (node.nodeType === 3) return inLink ? 0 : (node.nodeValue ?? '').trim().length;
  if (node.nodeType !== 1) return 0;
  const tag = (node as Element).tagName.toUpperCase();
  if (tag === 'SCRIPT' || tag === 'STYLE') return 0;
  let total = 0;
  for (let child = node.firstChild; child !== null && total <= limit; child = child.nextSibling) {
    total += proseChars(child, limit - total, inLink || tag === 'A');
  }
  return total;
}

function isRemovable(el: Element, rules: BoilerplateRules, wrapperChars: number): boolean {
  const tag = el.tagName.toUpperCase();
  if (PROTECTED.has(tag)) return false;
  if (rules.removeTags.has(tag)) {
    // An element holding most of the page's text is a wrapper (an unclosed <aside>, a <nav> around all).
    return proseChars(el, wrapperChars) <= wrapperChars;
  }
  if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden')) {
    // Prose in a hidden container is revealed by script (streamed server rendering, "show more"):
    // show it to the content scorer, which skips hidden nodes.
    if (proseChars(el, rules.maxProseCharsToRemove) <= rules.maxProseCharsToRemove) return true;
    el.removeAttribute('hidden');
    el.removeAttribute('aria-hidden');
    return false;
  }
  if (!hasBoilerplateHint(el, rules)) return false;
  // Embedded posts and quotes ("social-embed" holding a blockquote) are part of the story.
  if (tag === 'BLOCKQUOTE' || el.getElementsByTagName('blockquote').length > 0) return false;
  return proseChars(el, rules.maxProseCharsToRemove) <= rules.maxProseCharsToRemove;
}

/**
 * The cleaner as a test for one element at a time (for a walk that also reads the page):
 * whether to remove it. `pageChars`, the unlinked text of the whole page, marks an element
 * holding over half of it as a wrapper to keep (an unclosed `<aside>`, a `<nav>` around all).
 */
export function boilerplatePruner(
  rules: BoilerplateRules = BOILERPLATE,
  pageChars = Number.POSITIVE_INFINITY,
): (el: Element) => boolean {
  const wrapperChars = Math.max(rules.maxProseCharsToRemove, pageChars / 2);
  return (el) => isRemovable(el, rules, wrapperChars);
}
