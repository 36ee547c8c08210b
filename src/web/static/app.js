import { showDetail } from './detail.js';
import { actorLabel, el, getJson } from './dom.js';
import { drawMap } from './map.js';
import { drawTimeline } from './timeline.js';

const FILTERS = ['from', 'to', 'actor', 'type', 'location'];
const PAGE = 200;
const form = document.getElementById('filters');
const status = document.getElementById('status');
const tbody = document.querySelector('#events tbody');
const more = document.getElementById('more');
const detail = document.getElementById('detail');
const state = { events: [], cursor: undefined, query: new URLSearchParams() };

function queryFromForm() {
  const query = new URLSearchParams();
  for (const name of FILTERS) {
    const value = form.elements[name].value.trim();
    if (value) query.set(name, value);
  }
  return query;
}

function row(event) {
  const cells = [
    event.date,
    event.type,
    event.code,
    actorLabel(event.source),
    actorLabel(event.target),
    event.location ? `${event.location.name} ${event.location.country ?? ''}` : '',
    event.num_mentions,
    event.confidence.toFixed(2),
  ];
  const tr = el('tr', { 'data-event-id': event.event_id }, ...cells.map((cell) => el('td', {}, String(cell))));
  tr.addEventListener('click', () => select(event.event_id));
  return tr;
}

function render() {
  tbody.replaceChildren(...state.events.map(row));
  drawMap(document.getElementById('map'), state.events, select);
  drawTimeline(document.getElementById('timeline'), document.getElementById('legend'), state.events);
  more.hidden = !state.cursor;
  status.className = '';
  status.textContent = `${state.events.length} events${state.cursor ? ' (more available)' : ''}`;
}

function select(eventId) {
  for (const tr of tbody.querySelectorAll('tr')) tr.classList.toggle('selected', tr.dataset.eventId === eventId);
  showDetail(detail, eventId);
}

async function load(append) {
  const query = new URLSearchParams(state.query);
  query.set('limit', String(PAGE));
  if (append && state.cursor) query.set('cursor', state.cursor);
  status.textContent = 'Loading…';
  try {
    const page = await getJson(`/api/events?${query}`);
    state.events = append ? [...state.events, ...page.items] : page.items;
    state.cursor = page.cursor ?? undefined;
    render();
  } catch (error) {
    status.className = 'error';
    status.textContent = `Could not load events: ${error.message}`;
  }
}

form.addEventListener('submit', (submit) => {
  submit.preventDefault();
  state.query = queryFromForm();
  // Filters live in the address, so a filtered view can be bookmarked or shared.
  history.replaceState(null, '', state.query.size ? `?${state.query}` : '/');
  detail.hidden = true;
  load(false);
});
more.addEventListener('click', () => load(true));

const initial = new URLSearchParams(location.search);
for (const name of FILTERS) if (initial.has(name)) form.elements[name].value = initial.get(name);
state.query = queryFromForm();
load(false);
