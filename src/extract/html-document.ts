import { parseHTML } from './dom.js';
import { hasStreamedParts, streamedSwaps, swapStreamedParts } from './streamed.js';

/**
 * Parses page HTML into a DOM with linkedom (a fast, dependency-light DOM, no script execution,
 * no network). The result is typed as the standard `Document` that Readability expects.
 */

// Script bodies (except JSON-LD metadata), styles, comments (except streaming boundary marks), inline SVG, <noscript>, <template>
// (except streaming placeholders, see streamed.ts) and <iframe> fallbacks are never article text (the cleaner drops the last three anyway);
// dropping them before parsing roughly halves the DOM of a modern news page.
const NOISE =
  /<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script\s*>|<style\b[^>]*>[\s\S]*?<\/style\s*>|<!--(?!\/?\$[!?]?-->)[\s\S]*?-->|<(svg|noscript|iframe)\b[^>]*>[\s\S]*?<\/\1\s*>|<template\b(?![^>]*\bid="?[BP]:)[^>]*>[\s\S]*?<\/template\s*>/gi;

/** Removes markup that can never hold article text. */
export function stripNoise(html: string): string {
  return html.replace(NOISE, '');
}

/**
 * Puts everything after the head into one body. Browsers open the body implicitly at the first
 * element outside the head ("</head><div>...</div><body>"); linkedom instead keeps such elements
 * beside the body, or answers `document.body` with an empty element, and the article is lost.
 */
function oneBody(document: Document): void {
  const root = document.documentElement;
  const isTag = (n: Node, tag: string): boolean => n.nodeType === 1 && (n as Element).tagName.toUpperCase() === tag;
  const outside = [...root.childNodes].filter((n) => !isTag(n, 'HEAD'));
  const bodies = outside.filter((n): n is Element => isTag(n, 'BODY'));
  const strays = outside.some((n) => n.nodeType === 1 && !isTag(n, 'BODY'));
  if (bodies.length === 1 && !strays && document.body === bodies[0]) return;
  const body = bodies[0] ?? document.createElement('body');
  // Snapshot in document order first, then re-append: appending moves a node to the end.
  const items = outside.flatMap((n) => (isTag(n, 'BODY') ? [...n.childNodes] : [n]));
  for (const node of items) body.appendChild(node);
  for (const extra of bodies.slice(1)) extra.remove();
  if (body.parentNode !== root) root.appendChild(body);
}

/** Parses (noise-stripped) HTML into a Document. */
export function parseDocument(html: string): Document {
  // Streamed parts are swapped by inline scripts: read the swaps before scripts are stripped.
  const swaps = hasStreamedParts(html) ? streamedSwaps(html) : null;
  const clean = stripNoise(html);
  // linkedom drops everything when the text lacks a root element; wrap bare fragments.
  const source = /<html[\s>]/i.test(clean) ? clean : `<!doctype html><html><head></head><body>${clean}</body></html>`;
  const document = parseHTML(source).document as unknown as Document;
  oneBody(document);
  if (swaps !== null) swapStreamedParts(document, swaps);
  return document;
}
