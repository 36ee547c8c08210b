import { el, QUAD_LABELS, svg } from './dom.js';

const WIDTH = 720;
const HEIGHT = 200;
const PAD = { left: 30, right: 6, top: 8, bottom: 22 };

function countsByDay(events) {
  const days = new Map();
  for (const event of events) {
    const counts = days.get(event.date) ?? [0, 0, 0, 0, 0];
    counts[Math.max(0, Math.min(4, event.quad_class))] += 1;
    days.set(event.date, counts);
  }
  return [...days.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** Stacked bars: events per day, split by QuadClass (0 neutral ... 4 material conflict). */
export function drawTimeline(root, legend, events) {
  const days = countsByDay(events);
  const max = Math.max(1, ...days.map(([, counts]) => counts.reduce((sum, n) => sum + n, 0)));
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const step = Math.min(48, plotWidth / Math.max(1, days.length));
  const nodes = [
    svg('text', { x: PAD.left - 4, y: PAD.top + 8, class: 'axis', 'text-anchor': 'end' }, max),
    svg('text', { x: PAD.left - 4, y: HEIGHT - PAD.bottom, class: 'axis', 'text-anchor': 'end' }, 0),
  ];
  days.forEach(([day, counts], index) => {
    let top = HEIGHT - PAD.bottom;
    counts.forEach((count, quad) => {
      if (count === 0) return;
      const height = (count / max) * plotHeight;
      top -= height;
      nodes.push(
        svg(
          'rect',
          {
            x: (PAD.left + index * step + 1).toFixed(1),
            y: top.toFixed(1),
            width: Math.max(1, step - 2).toFixed(1),
            height: height.toFixed(1),
            class: `q${quad}`,
          },
          svg('title', {}, `${day}: ${count} × ${QUAD_LABELS[quad]}`),
        ),
      );
    });
  });
  for (const index of labelIndexes(days.length, step)) {
    const day = days[index]?.[0];
    if (day)
      nodes.push(
        svg('text', { x: PAD.left + (index + 0.5) * step, y: HEIGHT - 6, class: 'axis', 'text-anchor': 'middle' }, day),
      );
  }
  root.replaceChildren(...nodes);
  legend.replaceChildren(
    ...QUAD_LABELS.map((label, quad) => el('span', {}, el('i', { class: `swatch q${quad}` }), label)),
  );
}

// Every k-th day, k chosen so that labels (about 64 units wide) never overlap.
function labelIndexes(count, step) {
  const every = Math.max(1, Math.ceil(64 / step));
  return [...Array(count).keys()].filter((index) => index % every === 0);
}
