/**
 * Whole-page figures taken before extraction mutates the DOM: how much visible text there is,
 * how much of it sits in links, and the lower-cased text itself for marker searches.
 */
export interface PageStats { text: string; textChars: number; linkChars: number; links: number }

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'HEAD']);

/** Walks the body once. */
export function readPageStats(document: Document): PageStats {
  const parts: string[] = [];
  let linkChars = 0;
  let links = 0;
  const walk = (node: Node, inLink: boolean): void => {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      parts.push(value);
      if (inLink) linkChars += value.trim().length;
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (SKIP.has(tag)) return;
    if (tag === 'A') links += 1;
    for (let child = node.firstChild; child !== null; child = child.nextSibling) walk(child, inLink || tag === 'A');
  };
  if (document.body !== null) walk(document.body, false);
  const text = parts.join(' ').replace(/\s+/g, ' ').trim().toLowerCase();
  return { text, textChars: text.replace(/\s/g, '').length, linkChars, links };
}
