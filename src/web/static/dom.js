// Builds elements with text set through textContent only: event data never becomes markup.
const SVG_NS = 'http://www.w3.org/2000/svg';

/** el('td', { class: 'x' }, 'text', child) */
export function el(tag, attrs = {}, ...children) {
  return build(document.createElement(tag), attrs, children);
}

export function svg(tag, attrs = {}, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

function build(node, attrs, children) {
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined) node.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child);
  }
  return node;
}

/** Fetches JSON from the read API; a non-2xx answer throws with the API's error message. */
export async function getJson(path) {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
  return body;
}

export const QUAD_LABELS = [
  '0 neutral',
  '1 verbal coop.',
  '2 material coop.',
  '3 verbal conflict',
  '4 material conflict',
];

export function actorLabel(actor) {
  if (!actor) return '';
  return [actor.code, actor.sector].filter(Boolean).join(' ') + (actor.name ? ` (${actor.name})` : '');
}
