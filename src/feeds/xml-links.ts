import { ownText } from './element-text.js';
import { resolveLink } from './urls.js';
import type { XmlElement } from './xml-tree.js';

const HTML_TYPES = new Set(['', 'text/html', 'application/xhtml+xml', 'html']);

/** Alternate (web page) link among Atom-style `<link href rel type>` and RSS `<link>text</link>` children. */
export function alternateLink(parent: XmlElement, baseUrl: string | null): string | null {
  let textLink: string | null = null;
  for (const child of parent.children) {
    if (typeof child === 'string' || child.key !== 'link') continue;
    const href = child.attrs.get('href');
    if (href === undefined) {
      textLink ??= resolveLink(ownText(child), child, baseUrl);
      continue;
    }
    const rel = (child.attrs.get('rel') ?? 'alternate').trim().toLowerCase();
    const type = (child.attrs.get('type') ?? '').trim().toLowerCase();
    if (rel === 'alternate' && HTML_TYPES.has(type)) {
      const link = resolveLink(href, child, baseUrl);
      if (link !== null) return link;
    }
  }
  return textLink;
}
