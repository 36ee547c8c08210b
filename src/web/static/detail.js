import { actorLabel, el, getJson } from './dom.js';
import { highlightedSentence } from './highlight.js';

function fields(event) {
  const place = event.location
    ? `${event.location.name}${event.location.country ? `, ${event.location.country}` : ''} (${event.location.lat.toFixed(2)}, ${event.location.lon.toFixed(2)})${event.location.basis ? `, from the ${event.location.basis.replace('_', ' ')}` : ''}`
    : '';
  const rows = [
    ['Date', event.date],
    ['Type', event.type],
    ['CAMEO', `${event.code} (root ${event.root})`],
    ['QuadClass', event.quad_class],
    ['Goldstein', event.goldstein],
    ['Mode', event.mode ?? ''],
    ['Source', actorLabel(event.source)],
    ['Target', actorLabel(event.target)],
    ['Reciprocal', event.reciprocal ? 'yes' : 'no'],
    ['Place', place],
    ['Context', event.context.join(', ')],
    ['Confidence', event.confidence.toFixed(2)],
    ['Reports', `${event.num_mentions} mentions, ${event.num_articles} articles, ${event.num_sources} outlets`],
    ['Seen', `${event.first_seen} … ${event.last_seen}`],
    ['Event id', event.event_id],
  ];
  return el('dl', {}, ...rows.flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, String(value))]));
}

function mentionBlock(mention, event) {
  // Only http(s) links: a stored URL is data from the web and must not become a javascript: link.
  const safe = /^https?:\/\//i.test(mention.url);
  const link = safe
    ? el('a', { href: mention.url, target: '_blank', rel: 'noopener noreferrer' }, mention.title ?? mention.url)
    : el('span', {}, mention.title ?? mention.url);
  return el(
    'div',
    { class: 'mention' },
    highlightedSentence(mention, event),
    el('div', { class: 'meta' }, `${mention.outlet} · ${mention.published ?? 'undated'} · `, link),
  );
}

/** Fills the detail panel with the event's fields and every report of it. */
export async function showDetail(panel, eventId) {
  panel.hidden = false;
  panel.replaceChildren(el('p', {}, 'Loading…'));
  try {
    const path = `/api/events/${encodeURIComponent(eventId)}`;
    const [event, mentions] = await Promise.all([getJson(path), getJson(`${path}/mentions`)]);
    panel.replaceChildren(
      el('h2', {}, `${event.type}: ${actorLabel(event.source)}${event.target ? ` → ${actorLabel(event.target)}` : ''}`),
      fields(event),
      el('h3', {}, `Mentions (${mentions.items.length})`),
      ...mentions.items.map((mention) => mentionBlock(mention, event)),
    );
  } catch (error) {
    panel.replaceChildren(el('p', { class: 'error' }, `Could not load the event: ${error.message}`));
  }
}
