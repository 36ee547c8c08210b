import { wordCount } from './block-filter.js';
import { BOILERPLATE } from './rules.js';
import {
  ancestorAt,
  commonDepth,
  type Frame,
  type PageBlocks,
  type PlacedBlock,
  type TextBlock,
} from './text-blocks.js';

/**
 * Widens the content scorer's pick to the whole article. Readability keeps one subtree and the
 * siblings that score well; an article split into many containers (cards of a list article,
 * sections between ads, figures or "read more" boxes) loses every part but one. Starting from
 * the smallest element holding the pick, each parent is taken when what it adds is mostly
 * unlinked prose and at least a good part of what is already kept. A parent that adds link lists
 * (a teaser rail, a footer menu) ends the walk; one that adds too little prose, or only short lines
 * (a masthead, a tagline), is passed over, and what it adds comes along only if a grandparent is taken.
 */

/** Tuning of the widening walk. */
export interface ExtentRules {
  /** Words in a block, at least, for it to count as prose. */
  minProseWords: number;
  /** Link characters per character, at most, in a prose block. */
  maxProseLinkShare: number;
  /** Link characters per character, at least, in a link-list block. */
  minLinkListShare: number;
  /** Prose a parent adds, at least, as a share of the prose kept so far. */
  minAddedShare: number;
  /** Link-list words a parent adds, at most, per added prose word. */
  maxAddedJunk: number;
}

export const EXTENT: ExtentRules = {
  minProseWords: 10,
  maxProseLinkShare: 0.3,
  minLinkListShare: 0.5,
  minAddedShare: 0.5,
  maxAddedJunk: 0.3,
};

interface Mass {
  prose: number;
  junk: number;
}

const threadCache = new WeakMap<Element, boolean>();
// Threads and forms are containers; inline elements and paragraphs are never asked (speed).
const CONTAINERS = new Set(['DIV', 'SECTION', 'ASIDE', 'ARTICLE', 'OL', 'UL', 'LI', 'FORM', 'FOOTER', 'DL']);

/** Whether an element's class or id names a reader comment thread ("comment-list", "disqus"). */
function isThread(el: Element): boolean {
  if (!CONTAINERS.has(el.tagName.toUpperCase())) return false;
  let known = threadCache.get(el);
  if (known === undefined) {
    const hint = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase();
    // A form (sign-up, contact, comment box) is no more part of the story than a thread.
    known =
      el.tagName.toUpperCase() === 'FORM' || hint.split(/[\s_-]+/).some((part) => BOILERPLATE.threadHints.has(part));
    threadCache.set(el, known);
  }
  return known;
}

const threadDepths = new WeakMap<Frame, number>();

/** Depth of the deepest comment-thread element around a frame, or -1 (remembered per frame). */
function threadDepth(frame: Frame | null): number {
  if (frame === null) return -1;
  let depth = threadDepths.get(frame);
  if (depth === undefined) {
    depth = isThread(frame.el) ? frame.depth : threadDepth(frame.up);
    threadDepths.set(frame, depth);
  }
  return depth;
}

/** Whether one of the block's elements from depth `below` down is a comment thread. */
function inThread(block: PlacedBlock, below: number): boolean {
  return threadDepth(block.frame) >= below;
}

type Kind = 'prose' | 'junk' | 'thread' | 'other';

/** A block's kind as the widening sees it; thread hints count only from depth `below` down. */
function kindOf(block: PlacedBlock, below: number, rules: ExtentRules): Kind {
  if (inThread(block, below)) return 'thread';
  const words = wordCount(block.text);
  const linkShare = block.linkChars / Math.max(1, block.text.length);
  if (linkShare >= rules.minLinkListShare) return 'junk';
  if (words >= rules.minProseWords && linkShare <= rules.maxProseLinkShare) return 'prose';
  return 'other';
}

// A story's meta line, in any language: short, with a year and a clock time or the separators such lines use
// ("By Ann Lee · Published 16 Oct 2026, 10:45", "Par Julien Faure · Publié le 16 octobre 2026").
const META_YEAR = /\b(19|20)\d{2}\b/;
const META_MARK = /\b\d{1,2}[:.h]\d{2}\b|\s[|·•]\s/;
const META_MAX_WORDS = 24;

function isMetaLine(text: string): boolean {
  return META_YEAR.test(text) && META_MARK.test(text) && wordCount(text) <= META_MAX_WORDS;
}

// Inside the pick, short blocks return only as structure: headings, list items, table rows.
const STRUCTURE = /^(H[1-6]|TR|LI|DT|DD)$/;

// A long block (this many words) that mostly repeats the article is a second copy of it: a print or
// markdown version, a hidden structured-data copy. Shorter repeats must be exact.
const LONG_COPY_WORDS = 150;
const COPY_SHARE = 0.6;

// Evenly spaced word runs sampled from a long block to test whether the article already holds it.
const COPY_SAMPLES = 8;
const COPY_RUN = 4;

function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** What the article holds so far: its texts and, built when first needed, all its words in one string. */
class Taken {
  private readonly texts = new Set<string>();
  private joined: string | null = null;

  add(text: string): void {
    this.texts.add(text);
    if (this.joined !== null) this.joined += `${tokens(text).join(' ')} `;
  }

  /** Whether a text repeats what is taken: the same text, or a long text whose sampled runs it holds. */
  repeats(text: string): boolean {
    if (this.texts.has(text)) return true;
    if (wordCount(text) < LONG_COPY_WORDS) return false;
    const words = tokens(text);
    if (words.length < COPY_RUN * COPY_SAMPLES) return false;
    if (this.joined === null) {
      let joined = ' ';
      for (const taken of this.texts) joined += `${tokens(taken).join(' ')} `;
      this.joined = joined;
    }
    const step = Math.floor((words.length - COPY_RUN) / (COPY_SAMPLES - 1));
    let found = 0;
    for (let k = 0; k < COPY_SAMPLES; k++) {
      const run = words.slice(k * step, k * step + COPY_RUN).join(' ');
      if (this.joined.includes(` ${run} `)) found += 1;
    }
    return found >= COPY_SHARE * COPY_SAMPLES;
  }
}

/** Prose and link-list words that a step adds, the texts it would take, and the copies it skips. */
interface Step extends Mass {
  texts: string[];
  copies: number[];
  seen: Set<string>;
}

function newStep(): Step {
  return { prose: 0, junk: 0, texts: [], copies: [], seen: new Set() };
}

/**
 * Adds the blocks in `ranges` to a step; `below` is the depth under which to look for threads.
 * A block repeating what is taken (or what the step holds) counts nothing and is noted as a copy.
 */
function extendStep(
  step: Step,
  blocks: readonly PlacedBlock[],
  ranges: [number, number][],
  below: number,
  rules: ExtentRules,
  taken: Taken,
): void {
  for (const [from, to] of ranges) {
    for (let i = from; i < to; i++) {
      const block = blocks[i];
      if (block === undefined) continue;
      if (step.seen.has(block.text) || taken.repeats(block.text)) {
        step.copies.push(i);
        continue;
      }
      step.seen.add(block.text);
      step.texts.push(block.text);
      const kind = kindOf(block, below, rules);
      if (kind === 'prose' || kind === 'junk') step[kind] += wordCount(block.text);
    }
  }
}

/**
 * Page index of each picked block: from its first text node found in the page, or, when the
 * scorer re-parsed the page (it retries short pages from their HTML), from equal text in order.
 * An unknown index is carried forward from the previous block.
 */
function pageIndexes(page: PageBlocks, pick: PageBlocks): number[] {
  const at: number[] = pick.blocks.map(() => -1);
  let found = 0;
  for (const [node, pickIndex] of pick.blockOf) {
    const pageIndex = page.blockOf.get(node);
    if (pageIndex === undefined) continue;
    found += 1;
    const known = at[pickIndex] ?? -1;
    if (known < 0 || pageIndex < known) at[pickIndex] = pageIndex;
  }
  if (found === 0) matchByText(page, pick, at);
  for (let i = 1; i < at.length; i++) if ((at[i] ?? -1) < 0) at[i] = at[i - 1] ?? -1;
  return at;
}

function matchByText(page: PageBlocks, pick: PageBlocks, at: number[]): void {
  let next = 0;
  pick.blocks.forEach((block, pickIndex) => {
    for (let i = next; i < page.blocks.length; i++) {
      if (page.blocks[i]?.text !== block.text) continue;
      at[pickIndex] = i;
      next = i + 1;
      return;
    }
  });
}

/** The widened article: its first and last page block. */
interface Extent {
  lo: number;
  hi: number;
  /** Blocks in the extent that repeat the article (never emitted). */
  copies: Set<number>;
}

/**
 * Widens [lo, hi] parent by parent. A parent adding links and little prose ends the walk; one
 * adding too little prose is passed over (its grandparent may add the rest of the story).
 */
function widen(blocks: readonly PlacedBlock[], lo0: number, hi0: number, rules: ExtentRules): Extent {
  let [lo, hi] = [lo0, hi0];
  const first = blocks[lo]?.frame ?? null;
  let depth = commonDepth(first, blocks[hi]?.frame ?? null);
  const taken = new Taken();
  const start = newStep();
  extendStep(start, blocks, [[lo, hi + 1]], depth + 1, rules, taken);
  for (const text of start.texts) taken.add(text);
  let kept = start.prose;
  const copies = new Set<number>();
  // [a, b]: the extent of the parent looked at last; `pending` what it adds around [lo, hi].
  let [a, b] = [lo, hi];
  let pending = newStep();
  while (depth > 0) {
    depth -= 1;
    const parent = ancestorAt(first, depth);
    let [a2, b2] = [a, b];
    while (a2 > 0 && ancestorAt(blocks[a2 - 1]?.frame ?? null, depth) === parent) a2--;
    while (b2 < blocks.length - 1 && ancestorAt(blocks[b2 + 1]?.frame ?? null, depth) === parent) b2++;
    if (a2 === a && b2 === b) continue;
    extendStep(
      pending,
      blocks,
      [
        [a2, a],
        [b + 1, b2 + 1],
      ],
      depth + 1,
      rules,
      taken,
    );
    [a, b] = [a2, b2];
    // A parent that adds only headings and short lines is passed over like one adding too little prose: they
    // come along when a grandparent adds the rest of the story, and stay out when nothing does (a masthead, a
    // tagline or a toolbar line around the article).
    if (pending.junk > rules.maxAddedJunk * pending.prose) break;
    if (pending.prose === 0 || pending.prose < rules.minAddedShare * kept) continue;
    kept += pending.prose;
    for (const text of pending.texts) taken.add(text);
    for (const i of pending.copies) copies.add(i);
    [lo, hi] = [a, b];
    pending = newStep();
  }
  return { lo, hi, copies };
}

/**
 * Indexes of picked blocks inside a comment thread. Only elements below the one holding all of
 * the pick count: a body wrapper with an unlucky class name ("post has-comments") holds it all.
 */
function threadedPicks(pick: PageBlocks): Set<number> {
  const below = commonDepth(pick.blocks[0]?.frame ?? null, pick.blocks[pick.blocks.length - 1]?.frame ?? null) + 1;
  const threaded = new Set<number>();
  pick.blocks.forEach((block, i) => {
    if (inThread(block, below)) threaded.add(i);
  });
  return threaded;
}

/**
 * The article's blocks: the scorer's pick (`pick`, its placed blocks) without comment threads,
 * the prose blocks inside its extent that the scorer's own cleaning dropped, and the parts the
 * widened article adds around it, in page order. `page` holds the blocks of the cleaned page
 * taken before scoring.
 */
/** The article's blocks and the page index where it starts (-1 when its place is unknown). */
export interface Widened {
  blocks: TextBlock[];
  start: number;
}

export function widenPick(page: PageBlocks, pick: PageBlocks, rules: ExtentRules = EXTENT): Widened {
  const at = pageIndexes(page, pick);
  const known = at.filter((i) => i >= 0);
  const threaded = threadedPicks(pick);
  const picked = pick.blocks.filter((_, i) => !threaded.has(i));
  if (known.length === 0) return { blocks: picked, start: -1 };
  const pickLo = Math.min(...known);
  const pickHi = Math.max(...known);
  const { lo, hi, copies } = widen(page.blocks, pickLo, pickHi, rules);
  const pickFrame = page.blocks[pickLo]?.frame ?? null;
  const pickDepth = commonDepth(pickFrame, page.blocks[pickHi]?.frame ?? null) + 1;
  const covered = new Set(known);
  // A block around the pick that repeats one inside it is a second copy (print version, carousel).
  const inside = new Set(picked.map((b) => b.text));
  const keep = (block: PlacedBlock, i: number): boolean => {
    if (covered.has(i)) return false;
    // Inside the pick only prose that the scorer's cleaning dropped returns; around it, no junk.
    const outside = i < pickLo || i > pickHi;
    if (outside && (copies.has(i) || inside.has(block.text))) return false;
    const below = outside ? Math.min(pickDepth, commonDepth(pickFrame, block.frame) + 1) : pickDepth;
    const kind = kindOf(block, below, rules);
    // Short lines above the story that are neither prose nor headings are its header's chrome (kicker, byline,
    // date line, share labels); below the pick's start they are the story's own short paragraphs.
    // Meta lines are never brought back, above the story or inside it.
    if (isMetaLine(block.text)) return false;
    const above = i < pickLo;
    return kind === 'prose' || (kind === 'other' && ((outside && !above) || block.inList || STRUCTURE.test(block.tag)));
  };
  const out: TextBlock[] = [];
  let j = 0;
  for (let i = lo; i <= hi; i++) {
    for (; j < pick.blocks.length && (at[j] ?? -1) <= i; j++)
      if (!threaded.has(j)) out.push(pick.blocks[j] as TextBlock);
    const block = page.blocks[i];
    if (block !== undefined && keep(block, i)) out.push(block);
  }
  for (; j < pick.blocks.length; j++) if (!threaded.has(j)) out.push(pick.blocks[j] as TextBlock);
  return { blocks: out, start: lo };
}
