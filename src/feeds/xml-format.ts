import { ATOM03_NAMESPACE, ATOM10_NAMESPACE, RSS090_NAMESPACE } from './namespaces.js';
import type { FeedFormat } from './types.js';
import type { XmlElement } from './xml-tree.js';

/** Format of an XML feed from its document element (and DOCTYPE, for Netscape RSS 0.91). */
export function detectXmlFormat(root: XmlElement | null, doctype: string): FeedFormat {
  if (root === null) return 'unknown';
  const version = (root.attrs.get('version') ?? '').trim();
  switch (root.key) {
    case 'rss':
      return /^0\.9/.test(version) ? 'rss0.9' : 'rss2.0';
    case 'rdf:RDF': {
      const usesRss090 =
        root.declares?.get('') === RSS090_NAMESPACE ||
        root.children.some((c) => typeof c !== 'string' && c.ns === RSS090_NAMESPACE);
      return usesRss090 ? 'rss0.9' : 'rss1.0';
    }
    case 'feed':
      if (root.ns === ATOM10_NAMESPACE) return 'atom1.0';
      if (root.ns === ATOM03_NAMESPACE || version.startsWith('0.')) return 'atom0.3';
      return 'atom1.0';
    case 'channel':
      return doctype === 'rss' ? 'rss0.9' : 'rss2.0';
    default:
      return 'unknown';
  }
}
