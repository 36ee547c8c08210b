import { svg } from './dom.js';

// Equirectangular world frame drawn locally: the page must work with no internet, so no map tiles.
const WIDTH = 720;
const HEIGHT = 360;

function project(lon, lat) {
  return [((lon + 180) / 360) * WIDTH, ((90 - lat) / 180) * HEIGHT];
}

function graticule() {
  const lines = [];
  for (let lon = -180; lon <= 180; lon += 30) {
    const [x] = project(lon, 0);
    lines.push(svg('line', { x1: x, y1: 0, x2: x, y2: HEIGHT, class: lon === 0 ? 'graticule major' : 'graticule' }));
  }
  for (let lat = -60; lat <= 60; lat += 30) {
    const [, y] = project(0, lat);
    lines.push(svg('line', { x1: 0, y1: y, x2: WIDTH, y2: y, class: lat === 0 ? 'graticule major' : 'graticule' }));
  }
  return lines;
}

let backdrop;

// The inhabited 2-degree cells of the globe (world-cells.json), loaded once and reused on every redraw.
async function backdropCells() {
  backdrop ??= fetch('/world-cells.json')
    .then((response) => response.json())
    .catch(() => ({ cell_degrees: 2, cells: [] }));
  const { cell_degrees: cellDegrees, cells } = await backdrop;
  const [cellWidth] = project(-180 + cellDegrees, 0);
  return svg(
    'g',
    { class: 'land' },
    ...cells.map(([lon, lat]) => {
      const [x, y] = project(lon, lat + cellDegrees);
      return svg('rect', {
        x: x.toFixed(1),
        y: y.toFixed(1),
        width: cellWidth.toFixed(1),
        height: cellWidth.toFixed(1),
      });
    }),
  );
}

/** Draws one dot per event with a place, coloured by QuadClass, sized by mentions; a click opens the event. */
export async function drawMap(root, events, onSelect) {
  root.replaceChildren(await backdropCells(), ...graticule());
  for (const event of events) {
    if (!event.location) continue;
    const [x, y] = project(event.location.lon, event.location.lat);
    const radius = Math.min(12, 3 + Math.sqrt(event.num_mentions || 1) * 1.5);
    const dot = svg(
      'circle',
      {
        cx: x.toFixed(1),
        cy: y.toFixed(1),
        r: radius.toFixed(1),
        class: `marker q${event.quad_class}`,
        'data-event-id': event.event_id,
      },
      svg('title', {}, `${event.date} ${event.type} at ${event.location.name}`),
    );
    dot.addEventListener('click', () => onSelect(event.event_id));
    root.append(dot);
  }
}
