import { parseHTML } from 'linkedom';

/**
 * Parses page HTML into a DOM with linkedom (a fast, dependency-light DOM, no script execution,
 * no network). The result is typed as the standard `Document` that Readability expects.
 */

// Script bodies (except JSON-LD metadata), styles, comments and inline SVG are never article
// text; dropping them before parsing roughly halves the DOM of a modern news page.
const NOISE =
  /<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script\s*>|<style\b[^>]*>[\s\S]*?<\/style\s*>|<!--[\s\S]*?-->|<svg\b[^>]*>[\s\S]*?<\/svg\s*>/gi;

/** Removes markup that can never hold article text. */
export function stripNoise(html: string): string {
  return html.replace(NOISE, '');
}

/** Parses (noise-stripped) HTML into a Document. */
export function parseDocument(html: string): Document {
  const clean = stripNoise(html);
  // linkedom drops everything when the text lacks a root element; wrap bare fragments.
  const source = /<html[\s>]/i.test(clean) ? clean : `<!doctype html><html><head></head><body>${clean}</body></html>`;
  const { document } = parseHTML(source);
  return document as unknown as Document;
}
