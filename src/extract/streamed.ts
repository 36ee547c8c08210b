/**
 * Completes server-streamed rendering. React (and frameworks on it, as Next.js) streams a page
 * in order of readiness: a placeholder `<template id="B:n">` (a boundary: its "Loading…" fallback
 * follows, up to the `<!--/$-->` mark) or `<template id="P:n">` (a segment) where a part belongs, and the part
 * itself later in a hidden `<div id="S:n">` that an inline script swaps in (`$RC("B:0","S:0")`,
 * `$RS("S:1","P:1")`). Without scripts the article sits at the end of the page, hidden and in
 * pieces; this does the swaps the way the browser would.
 */

const SWAP_CALL = /\$R[CS]\(\s*"([BPS]:[0-9a-z]+)"\s*,\s*"([BPS]:[0-9a-z]+)"\s*\)/gi;

/** Whether the HTML streams parts at all (checked before any DOM work). */
export function hasStreamedParts(html: string): boolean {
  return html.includes('id="S:');
}

/** Segment id -> placeholder id, from the page's swap calls (read before scripts are stripped). */
export function streamedSwaps(html: string): Map<string, string> {
  const swaps = new Map<string, string>();
  for (const [, a = '', b = ''] of html.matchAll(SWAP_CALL)) {
    if (a.startsWith('S:')) swaps.set(a, b);
    else if (b.startsWith('S:')) swaps.set(b, a);
  }
  return swaps;
}

function streamIds(root: Element): Map<string, Element> {
  const ids = new Map<string, Element>();
  const visit = (el: Element): void => {
    const id = el.getAttribute('id');
    if (id !== null && /^[BPS]:/.test(id)) ids.set(id, el);
    for (let child = el.firstElementChild; child !== null; child = child.nextElementSibling) visit(child);
  };
  visit(root);
  return ids;
}

/** Removes a boundary's fallback: the nodes after its placeholder up to the boundary's end mark. */
function removeFallback(placeholder: Element): void {
  const fallback: Node[] = [];
  let depth = 0;
  for (let node = placeholder.nextSibling; node !== null; node = node.nextSibling) {
    if (node.nodeType === 8) {
      const mark = node.nodeValue ?? '';
      if (mark === '/$') depth -= 1;
      else if (mark.startsWith('$')) depth += 1;
      if (depth < 0) {
        for (const n of fallback) n.parentNode?.removeChild(n);
        return;
      }
    }
    fallback.push(node);
  }
  // No end mark (a copy of the page without comments): leave the fallback, it is short.
}

/**
 * Moves each streamed part into its placeholder (named by `swaps`, else the boundary or segment
 * placeholder with the same number), dropping a boundary's short fallback. Returns the swaps done.
 */
export function swapStreamedParts(document: Document, swaps: ReadonlyMap<string, string>): number {
  const ids = streamIds(document.documentElement);
  let done = 0;
  // Parts may nest (a part holds another's placeholder): swap in page order, outer parts first.
  for (const [id, part] of ids) {
    if (!id.startsWith('S:')) continue;
    const suffix = id.slice(2);
    const target = swaps.get(id) ?? (ids.has(`P:${suffix}`) ? `P:${suffix}` : `B:${suffix}`);
    const placeholder = ids.get(target);
    const parent = placeholder?.parentNode;
    if (placeholder === undefined || parent === null || parent === undefined) continue;
    if (target.startsWith('B:')) removeFallback(placeholder);
    while (part.firstChild !== null) parent.insertBefore(part.firstChild, placeholder);
    placeholder.remove();
    part.remove();
    done += 1;
  }
  return done;
}
