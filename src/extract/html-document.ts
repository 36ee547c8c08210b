import { parseHTML } from 'linkedom';

/**
 * Parses page HTML into a DOM with linkedom (a fast, dependency-light DOM, no script execution,
 * no network). The result is typed as the standard `Document` that Readability expects.
 */
export function parseDocument(html: string): Document {
  // linkedom drops everything when the text lacks a root element; wrap bare fragments.
  const source = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(source);
  return document as unknown as Document;
}
