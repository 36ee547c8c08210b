/**
 * Turns a DOM subtree into text blocks: one block per paragraph-like element, whitespace
 * normalised, scripts/styles never emitted. Blocks keep the tag of the element that opened
 * them so later filters can judge boilerplate without re-walking the DOM.
 */

/** One paragraph-like run of text. */
export interface TextBlock {
  text: string;
  tag: string;
  linkChars: number;
  inList: boolean;
}

/**
 * An element as the walk met it, linked to the one around it: the page's shape as it was before
 * the content scorer moved its pick out. One frame per element, shared by the blocks inside it.
 */
export interface Frame {
  el: Element;
  up: Frame | null;
  /** 0 for the walk's root. */
  depth: number;
}

/** A block of the whole page and the innermost element around its first text. */
export interface PlacedBlock extends TextBlock {
  frame: Frame | null;
}

/** The element around `frame` at `depth` (its own when equal), or undefined when deeper than it. */
export function ancestorAt(frame: Frame | null, depth: number): Element | undefined {
  let f = frame;
  while (f !== null && f.depth > depth) f = f.up;
  return f !== null && f.depth === depth ? f.el : undefined;
}

/** Depth of the deepest element around both frames, or -1. */
export function commonDepth(a: Frame | null, b: Frame | null): number {
  let x = a;
  let y = b;
  while (x !== null && y !== null && x.depth > y.depth) x = x.up;
  while (x !== null && y !== null && y.depth > x.depth) y = y.up;
  while (x !== null && y !== null && x !== y) {
    x = x.up;
    y = y.up;
  }
  return x?.depth ?? -1;
}

/** Every block of a page, and which block each block's first text node opened. */
export interface PageBlocks {
  blocks: PlacedBlock[];
  blockOf: Map<Node, number>;
}

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'THEAD',
  'TFOOT',
  'TR',
  'UL',
  'CAPTION',
  'CENTER',
]);
const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'IFRAME',
  'OBJECT',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
]);

interface Walker {
  blocks: PlacedBlock[];
  parts: string[];
  linkChars: number;
  tag: string;
  inList: boolean;
  /** Only when placing blocks: the open element, the current block's frame, text node -> block index. */
  placing: boolean;
  open: Frame | null;
  frame: Frame | null;
  blockOf: Map<Node, number> | null;
  skipHidden: boolean;
  /** Removes an element (and skips it) when this says so: the boilerplate cleaner, in the same walk. */
  prune: ((el: Element) => boolean) | null;
}

function flush(w: Walker): void {
  const text = w.parts.join('').replace(/\s+/g, ' ').trim();
  if (text.length > 0) w.blocks.push({ text, tag: w.tag, linkChars: w.linkChars, inList: w.inList, frame: w.frame });
  w.parts = [];
  w.linkChars = 0;
  w.frame = null;
}

function placeText(node: Node, value: string, w: Walker): void {
  if (!w.placing || w.blockOf === null || w.frame !== null || value.trim().length === 0) return;
  // Only a block's first text is recorded: enough to find the block, and a far smaller map.
  w.frame = w.open;
  w.blockOf.set(node, w.blocks.length);
}

// What readers never see: closed menus, a structured-data (microdata) copy of the article. A
// hidden container with much text is kept: pages hide what a script reveals (a loading layer).
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
const MAX_HIDDEN_CHARS = 400;

function isHidden(el: Element): boolean {
  const style = el.getAttribute('style');
  if (!el.hasAttribute('hidden') && (style === null || !HIDDEN_STYLE.test(style))) return false;
  if (el.hasAttribute('itemscope') || el.hasAttribute('itemprop')) return true;
  return (el.textContent ?? '').trim().length <= MAX_HIDDEN_CHARS;
}

function walk(node: Node, w: Walker, inLink: boolean, inList: boolean): void {
  if (node.nodeType === 3) {
    const value = node.nodeValue ?? '';
    placeText(node, value, w);
    w.parts.push(value);
    if (inLink) w.linkChars += value.trim().length;
    return;
  }
  if (node.nodeType !== 1) return;
  const el = node as Element;
  const tag = el.tagName.toUpperCase();
  if (SKIP_TAGS.has(tag) || (w.skipHidden && isHidden(el))) return;
  const isBlock = BLOCK_TAGS.has(tag);
  if (isBlock) {
    flush(w);
    w.tag = tag;
    w.inList = inList || tag === 'LI';
  }
  // Table cells stay on their row's line, separated by a space.
  if (tag === 'TD' || tag === 'TH') w.parts.push(' ');
  const link = inLink || tag === 'A';
  const list = inList || tag === 'LI';
  const outer = w.open;
  if (w.placing) w.open = { el, up: outer, depth: outer === null ? 0 : outer.depth + 1 };
  for (let child = el.firstChild; child !== null; ) {
    const next = child.nextSibling;
    if (w.prune !== null && child.nodeType === 1 && w.prune(child as Element)) (child as Element).remove();
    else walk(child, w, link, list);
    child = next;
  }
  w.open = outer;
  if (isBlock) flush(w);
}

function newWalker(placed: boolean, skipHidden = false, prune: ((el: Element) => boolean) | null = null): Walker {
  const w: Walker = {
    blocks: [],
    parts: [],
    linkChars: 0,
    tag: 'DIV',
    inList: false,
    placing: placed,
    open: null,
    frame: null,
    blockOf: null,
    skipHidden,
    prune,
  };
  if (placed) w.blockOf = new Map();
  return w;
}

/** Splits the text of `root` into normalised blocks in document order. */
export function textBlocks(root: Node): TextBlock[] {
  const w = newWalker(false);
  walk(root, w, false, false);
  flush(w);
  return w.blocks;
}

/** Options of `placedBlocks`. */
export interface PlaceOptions {
  /**
   * Leave out what readers never see: a whole page's structured-data copies and closed menus
   * (inside a chosen article, hidden tabs and accordions are content and stay).
   */
  visibleOnly?: boolean;
  /** Elements to remove from the DOM on the way (one walk cleans the page and reads it). */
  prune?: (el: Element) => boolean;
}

/** Like `textBlocks`, but each block keeps its place in the DOM (for widening a selection). */
export function placedBlocks(root: Node, options: PlaceOptions = {}): PageBlocks {
  const w = newWalker(true, options.visibleOnly ?? false, options.prune ?? null);
  walk(root, w, false, false);
  flush(w);
  return { blocks: w.blocks, blockOf: w.blockOf ?? new Map() };
}

/** Joins blocks into the article text: one blank line between paragraphs. */
export function joinBlocks(blocks: readonly TextBlock[]): string {
  return blocks.map((b) => b.text).join('\n\n');
}
