// Hand-written SVG line charts: a few dozen lines instead of a charting library, so the console has no build step
// and nothing to fetch. Colours come from CSS classes (series-0…3, also dashed differently for colour blindness).
import { h } from './dom.js';
import { clock } from './format.js';

const svgNs = 'http://www.w3.org/2000/svg';
const width = 560;
const height = 180;
const pad = { left: 48, right: 12, top: 12, bottom: 24 };

function s(tag, attributes, ...children) {
  const element = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value !== null && value !== undefined) element.setAttribute(name, value);
  }
  for (const child of children) {
    if (child) element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/**
 * @param {{title: string, unit: string, from: number, to: number,
 *          series: {name: string, points: {t: number, v: number|null}[]}[],
 *          markers: {t: number, label: string, kind: string}[], max?: number}} chart
 */
export function lineChart(chart) {
  const values = chart.series.flatMap((series) => series.points.map((p) => p.v)).filter((v) => v !== null && Number.isFinite(v));
  const top = chart.max ?? niceMax(Math.max(1, ...values));
  const x = (t) => pad.left + ((t - chart.from) / Math.max(1, chart.to - chart.from)) * (width - pad.left - pad.right);
  const y = (v) => height - pad.bottom - (v / top) * (height - pad.top - pad.bottom);
  const summary = chart.series.map((series) => {
    const last = [...series.points].reverse().find((p) => p.v !== null);
    return `${series.name}: ${last ? `${round(last.v)} ${chart.unit}` : 'no data'}`;
  }).join('; ');

  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `${chart.title}. Latest: ${summary}`, class: 'chart' },
    s('title', {}, `${chart.title}. Latest: ${summary}`));
  for (const fraction of [0, 0.5, 1]) {
    const v = top * fraction;
    svg.append(s('line', { x1: pad.left, x2: width - pad.right, y1: y(v), y2: y(v), class: 'grid' }));
    svg.append(s('text', { x: pad.left - 6, y: y(v) + 4, class: 'axis', 'text-anchor': 'end' }, round(v)));
  }
  svg.append(s('text', { x: pad.left, y: height - 6, class: 'axis' }, clock(chart.from)));
  svg.append(s('text', { x: width - pad.right, y: height - 6, class: 'axis', 'text-anchor': 'end' }, clock(chart.to)));
  for (const marker of chart.markers.filter((m) => m.t >= chart.from && m.t <= chart.to)) {
    svg.append(s('line', { x1: x(marker.t), x2: x(marker.t), y1: pad.top, y2: height - pad.bottom, class: `marker marker-${marker.kind}` },
      s('title', {}, `${clock(marker.t)} ${marker.label}`)));
  }
  chart.series.forEach((series, i) => {
    for (const run of runs(series.points)) {
      if (run.length === 1) {
        svg.append(s('circle', { cx: x(run[0].t), cy: y(run[0].v), r: 2.5, class: `dot series-${i}` }));
      } else {
        svg.append(s('polyline', { points: run.map((p) => `${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(' '), class: `line series-${i}` }));
      }
    }
  });

  return h('figure', { class: 'chart-box' },
    h('figcaption', {}, chart.title, h('span', { class: 'muted' }, ` (${chart.unit})`)),
    svg,
    h('ul', { class: 'legend' }, chart.series.map((series, i) => h('li', { class: `key series-${i}` }, series.name))));
}

// Consecutive points with a value; a null breaks the line instead of drawing a misleading zero.
function runs(points) {
  const result = [];
  let current = [];
  for (const point of points) {
    if (point.v === null || !Number.isFinite(point.v)) {
      if (current.length) result.push(current);
      current = [];
    } else {
      current.push(point);
    }
  }
  if (current.length) result.push(current);
  return result;
}

function niceMax(value) {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((m) => m >= value) ?? value;
}

function round(value) {
  return Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
}
