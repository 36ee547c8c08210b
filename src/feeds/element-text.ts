import { htmlToText, looksLikeHtml } from './html-text.js';
import type { XmlElement, XmlNode } from './xml-tree.js';

const SKIPPED = new Set(['script', 'style', 'xhtml:script', 'xhtml:style']);

/** Concatenated character data of the element's direct text children. */
export function ownText(el: XmlElement): string {
  let out = '';
  for (const child of el.children) if (typeof child === 'string') out += child;
  return out;
}

function appendText(node: XmlNode, parts: string[]): void {
  if (typeof node === 'string') {
    parts.push(node);
    return;
  }
  if (SKIPPED.has(node.key)) return;
  for (const child of node.children) appendText(child, parts);
  if (/^(xhtml:)?(p|div|br|li|h[1-6]|tr|blockquote)$/.test(node.key)) parts.push(' ');
}

/** Text of all descendants (inline XHTML or stray markup), scripts and styles left out. */
export function deepText(el: XmlElement): string {
  const parts: string[] = [];
  for (const child of el.children) appendText(child, parts);
  return parts.join('');
}

function hasElementChildren(el: XmlElement): boolean {
  return el.children.some((c) => typeof c !== 'string');
}

function decodeBase64(text: string): string {
  try {
    return Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8');
  } catch {
    return text;
  }
}

/**
 * Plain text of a text construct (Atom `type` text/html/xhtml, Atom 0.3 `mode`, RSS elements that carry
 * escaped HTML). HTML is reduced to its readable text; plain text is kept as written, trimmed.
 */
export function constructText(el: XmlElement): string {
  const type = (el.attrs.get('type') ?? '').trim().toLowerCase();
  const mode = (el.attrs.get('mode') ?? '').trim().toLowerCase();
  if (hasElementChildren(el)) return htmlToText(deepText(el).replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;')));
  let text = ownText(el);
  if (
    mode === 'base64' ||
    (type !== '' && !type.startsWith('text') && !type.includes('html') && !type.includes('xml'))
  ) {
    text = mode === 'base64' ? decodeBase64(text) : text;
  }
  if (type === 'text' || type === 'text/plain') return text.trim();
  if (type === 'html' || type === 'text/html' || type.includes('xhtml') || mode === 'escaped' || looksLikeHtml(text))
    return htmlToText(text);
  return text.trim();
}
