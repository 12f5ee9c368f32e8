// A line chart drawn as inline SVG by the project's own code: no chart library, no build step.
// Values are percentages or metric values; x is time. A chart always comes with a data table (see views).

const NS = 'http://www.w3.org/2000/svg';
const svg = (tag, attrs = {}, text) => {
  const el = document.createElementNS(NS, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined) el.setAttribute(key, value);
  }
  if (text !== undefined) el.textContent = text;
  return el;
};

const PAD = { left: 44, right: 14, top: 14, bottom: 30 };

// Drawn at about the width it will be shown, so its 12px labels stay readable on a phone instead of shrinking.
const chartWidth = () => Math.max(300, Math.min(720, (document.getElementById('main')?.clientWidth ?? 680) - 40));

/**
 * series: [{ name, cls, points: [{ x: 'YYYY-MM-DD', y: number|null, label }] }]
 * options: { title, description, yMin, yMax, unit, band: { low, high, label } }
 */
export function lineChart(series, options) {
  const W = options.width ?? chartWidth(), H = Math.max(220, Math.round(W * 0.42));
  const all = series.flatMap(s => s.points);
  const values = all.map(p => p.y).filter(y => y !== null && y !== undefined);
  const xs = all.map(p => Date.parse(p.x));
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const bandValues = options.band ? [options.band.low, options.band.high] : [];
  let yMin = options.yMin ?? Math.min(...values, ...bandValues);
  let yMax = options.yMax ?? Math.max(...values, ...bandValues);
  if (!(yMax > yMin)) { yMin -= 1; yMax += 1; }
  const px = x => PAD.left + (x1 > x0 ? (Date.parse(x) - x0) / (x1 - x0) : 0.5) * (W - PAD.left - PAD.right);
  const py = y => H - PAD.bottom - ((y - yMin) / (yMax - yMin)) * (H - PAD.top - PAD.bottom);

  const id = `c${Math.random().toString(36).slice(2, 8)}`;
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img',
    'aria-labelledby': `${id}t ${id}d` });
  root.append(svg('title', { id: `${id}t` }, options.title), svg('desc', { id: `${id}d` }, options.description ?? ''));

  if (options.band) {
    const top = py(Math.min(options.band.high, yMax)), bottom = py(Math.max(options.band.low, yMin));
    root.append(svg('rect', { class: 'band', x: PAD.left, y: top, width: W - PAD.left - PAD.right,
      height: bottom - top }));
    root.append(svg('text', { class: 'band-label', x: W - PAD.right - 4, y: top + 14, 'text-anchor': 'end' },
      options.band.label));
  }
  for (const tick of ticks(yMin, yMax)) {
    root.append(svg('line', { class: 'grid', x1: PAD.left, x2: W - PAD.right, y1: py(tick), y2: py(tick) }));
    root.append(svg('text', { class: 'axis', x: PAD.left - 6, y: py(tick) + 4, 'text-anchor': 'end' },
      `${tick}${options.unit ?? ''}`));
  }
  for (const year of years(x0, x1, W)) {
    const x = px(`${year}-01-01`);
    root.append(svg('text', { class: 'axis', x, y: H - 10, 'text-anchor': 'middle' }, String(year)));
  }
  for (const s of series) {
    let d = '', pen = 'M';
    for (const p of s.points) {
      if (p.y === null || p.y === undefined) { pen = 'M'; continue; }
      d += `${pen}${px(p.x).toFixed(1)},${py(p.y).toFixed(1)} `;
      pen = 'L';
    }
    const group = svg('g', { class: `series ${s.cls ?? ''}`, 'data-series': s.name });
    group.append(svg('path', { d: d.trim(), class: 'line' }));
    for (const p of s.points.filter(q => q.y !== null && q.y !== undefined)) {
      const dot = svg('circle', { cx: px(p.x).toFixed(1), cy: py(p.y).toFixed(1), r: 3, class: 'dot' });
      dot.append(svg('title', {}, `${s.name}, ${p.label ?? p.x}: ${p.y}${options.unit ?? ''}`));
      group.append(dot);
    }
    root.append(group);
  }
  return root;
}

function ticks(min, max) {
  const span = max - min, raw = span / 4, mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map(m => m * mag).find(s => s >= raw) ?? raw;
  const out = [];
  for (let t = Math.ceil(min / step) * step; t <= max + 1e-9; t += step) out.push(Number(t.toFixed(2)));
  return out;
}

function years(x0, x1, width) {
  const [first, last] = [new Date(x0).getUTCFullYear() + 1, new Date(x1).getUTCFullYear()];
  const every = Math.max(1, Math.ceil((last - first + 1) / Math.max(3, Math.floor(width / 90))));
  const out = [];
  for (let y = first; y <= last; y += every) out.push(y);
  return out;
}
