import type { PageBlocks } from './text-blocks.js';

/**
 * Narrows what the content scorer reads to the page's declared main region. A page whose one
 * `<main>` (or, failing that, one `<article>`) holds nearly all of its prose needs no scoring of
 * the header, rails and footer around it: they are detached from the document, which makes
 * scoring faster and keeps it from picking a rail. The blocks read before are untouched.
 */

// Share of the page's prose that the region must hold.
const MIN_PROSE_SHARE = 0.85;
// Blocks of at least this many characters of unlinked text count as prose.
const MIN_PROSE_CHARS = 60;
const REGION_TAGS = ['MAIN', 'ARTICLE'];

function proseChars(text: string, linkChars: number): number {
  const chars = text.length - linkChars;
  return chars >= MIN_PROSE_CHARS ? chars : 0;
}

/** The single element of `tag` on the page path of some block, or null when none or several. */
function soleRegion(page: PageBlocks, tag: string): Element | null {
  let found: Element | null = null;
  for (const block of page.blocks) {
    for (let f = block.frame; f !== null; f = f.up) {
      if (f.el.tagName.toUpperCase() !== tag) continue;
      if (found !== null && found !== f.el) return null;
      found = f.el;
      break;
    }
  }
  return found;
}

/** Detaches everything but the main region from `body` when that region holds nearly all prose. */
export function narrowToMainRegion(body: Element, page: PageBlocks): Element | null {
  let total = 0;
  for (const block of page.blocks) total += proseChars(block.text, block.linkChars);
  if (total === 0) return null;
  for (const tag of REGION_TAGS) {
    const region = soleRegion(page, tag);
    if (region === null) continue;
    let inside = 0;
    for (const block of page.blocks) {
      for (let f = block.frame; f !== null; f = f.up) {
        if (f.el !== region) continue;
        inside += proseChars(block.text, block.linkChars);
        break;
      }
    }
    if (inside < MIN_PROSE_SHARE * total) return null;
    for (let node: Element = region; node !== body && node.parentElement !== null; node = node.parentElement) {
      for (const sibling of Array.from(node.parentElement.children)) if (sibling !== node) sibling.remove();
    }
    return region;
  }
  return null;
}
