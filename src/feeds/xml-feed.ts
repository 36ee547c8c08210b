import { parseFeedDate } from './dates.js';
import { constructText, ownText } from './element-text.js';
import type { FeedItem } from './types.js';
import { resolveLink } from './urls.js';
import { alternateLink } from './xml-links.js';
import type { XmlElement } from './xml-tree.js';

/** Item/entry field sources, most specific first (RSS, Atom 1.0, Atom 0.3 and Dublin Core spellings). */
const FIELDS = {
  title: ['title', 'dc:title'],
  id: ['guid', 'id', 'dc:identifier'],
  published: ['pubDate', 'published', 'issued', 'dcterms:issued', 'dcterms:created', 'created'],
  updated: ['updated', 'modified', 'dc:date', 'dcterms:modified', 'lastBuildDate'],
  author: ['author', 'dc:creator', 'itunes:author', 'dc:author', 'creator'],
  summary: ['description', 'summary', 'content:encoded', 'content', 'dc:description', 'itunes:summary', 'abstract'],
} as const;
/** Elements whose content is text: never searched for nested items. */
const LEAF_ELEMENTS = new Set([
  'title',
  'description',
  'summary',
  'content',
  'content:encoded',
  'link',
  'author',
  'source',
]);
const ITEM_ELEMENTS = new Set(['item', 'entry']);

export function firstChild(el: XmlElement, keys: readonly string[]): XmlElement | null {
  for (const key of keys) {
    for (const child of el.children) if (typeof child !== 'string' && child.key === key) return child;
  }
  return null;
}

function textField(el: XmlElement, keys: readonly string[]): string | null {
  const child = firstChild(el, keys);
  if (child === null) return null;
  const text = constructText(child);
  return text === '' ? null : text;
}

function dateField(el: XmlElement, keys: readonly string[]): string | null {
  for (const key of keys) {
    for (const child of el.children) {
      if (typeof child === 'string' || child.key !== key) continue;
      const date = parseFeedDate(ownText(child));
      if (date !== null) return date;
    }
  }
  return null;
}

function authorField(el: XmlElement): string | null {
  const child = firstChild(el, FIELDS.author);
  if (child === null) return null;
  const name = firstChild(child, ['name']) ?? firstChild(child, ['email']);
  const text = (name !== null ? ownText(name) : constructText(child)).trim();
  return text === '' ? null : text;
}

function idField(el: XmlElement, baseUrl: string | null): string | null {
  const child = firstChild(el, FIELDS.id);
  // RSS 1.0 identifies items by their rdf:about URI.
  if (child === null) return el.attrs.get('rdf:about')?.trim() || null;
  const text = ownText(child).trim();
  if (text === '') return null;
  return child.key === 'id' && /^[./?#]|^[\w-]+\//.test(text) ? resolveLink(text, child, baseUrl) : text;
}

/** `<guid>` doubles as the item link unless `isPermaLink="false"` (RSS 2.0 spec). */
function guidLink(el: XmlElement, baseUrl: string | null): string | null {
  const guid = firstChild(el, ['guid']);
  if (guid === null || (guid.attrs.get('isPermaLink') ?? 'true').trim().toLowerCase() === 'false') return null;
  const text = ownText(guid).trim();
  return /^https?:\/\//i.test(text) ? resolveLink(text, guid, baseUrl) : null;
}

/** Maps one `<item>` or `<entry>` to a FeedItem. */
export function mapItem(el: XmlElement, baseUrl: string | null): FeedItem {
  return {
    title: textField(el, FIELDS.title),
    link: alternateLink(el, baseUrl) ?? guidLink(el, baseUrl),
    id: idField(el, baseUrl),
    published: dateField(el, FIELDS.published),
    updated: dateField(el, FIELDS.updated),
    author: authorField(el),
    summary: textField(el, FIELDS.summary),
  };
}

/** Every item/entry element below `container`, in document order (also ones misnested by broken markup). */
export function collectItems(container: XmlElement): XmlElement[] {
  const items: XmlElement[] = [];
  const walk = (el: XmlElement): void => {
    for (const child of el.children) {
      if (typeof child === 'string') continue;
      if (ITEM_ELEMENTS.has(child.key)) items.push(child);
      if (!LEAF_ELEMENTS.has(child.key) && !child.key.includes(':')) walk(child);
    }
  };
  walk(container);
  return items;
}

/** Title of the feed itself (channel or Atom feed element). */
export function feedTitle(channel: XmlElement): string | null {
  return textField(channel, FIELDS.title);
}
