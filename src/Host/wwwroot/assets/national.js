// The national page: the picture as at a date, and the percentage good or outstanding quarter by quarter since 2014.
import { authorities, downloadCsv, getJson } from './api.js';
import { lineChart } from './chart.js';
import { areaLabel, formatDate, formatPercent, h, section, table } from './dom.js';

const AREAS = ['overall', 'impact_of_leaders', 'help_and_protection', 'children_in_care', 'care_leavers',
  'children_in_care_and_care_leavers'];
const BUCKETS = [['outstanding', 'Outstanding'], ['good', 'Good'], ['requiresImprovement', 'Requires improvement'],
  ['inadequate', 'Inadequate'], ['ungraded', 'Ungraded']];
const FROM = '2014-01-01';
// The national figures come from an async projection; while it is behind the event feed, redraw every second (a while).
const CATCH_UP_TRIES = 30;
let catchingUp = 0;

export async function nationalView(ctx) {
  const area = AREAS.includes(ctx.params.get('area')) ? ctx.params.get('area') : 'overall';
  const region = ctx.params.get('region') ?? '';
  const read = { area, asOf: ctx.asOf };
  const series = { area, from: FROM, to: ctx.asOf };
  const [england, englandSeries, list, feed, regional, regionalSeries] = await Promise.all([
    getJson('/api/national', read), getJson('/api/national/series', series), authorities(),
    getJson('/api/events', { after: '0', limit: '1' }).catch(() => null),
    region ? getJson(`/api/regions/${encodeURIComponent(region)}`, read) : null,
    region ? getJson('/api/national/series', { ...series, region }) : null,
  ]);
  const regions = [...new Set(list.filter(a => a.isCurrent && a.region).map(a => a.region))].sort();

  const controls = h('form', { class: 'controls', onsubmit: e => e.preventDefault() },
    h('label', { for: 'area' }, 'Judgement area'),
    h('select', { id: 'area', onchange: e => ctx.setParam('area', e.target.value === 'overall' ? '' : e.target.value) },
      AREAS.map(a => h('option', { value: a, selected: a === area }, areaLabel(a)))),
    h('label', { for: 'region' }, 'Compare with region'),
    h('select', { id: 'region', onchange: e => ctx.setParam('region', e.target.value) },
      h('option', { value: '' }, 'No region'), regions.map(r => h('option', { value: r, selected: r === region }, r))));

  const pictures = [england.body, regional?.body].filter(Boolean);
  const downloads = h('div', { class: 'downloads' }, h('span', {}, 'Download CSV: '),
    csvButton('Picture', '/api/national', read),
    csvButton('Quarterly series', '/api/national/series', series),
    region ? csvButton('Regional series', '/api/national/series', { ...series, region }) : null,
    csvButton('Authorities and grades', '/api/authorities', { ...read, pageSize: '500' }));

  const chartSeries = [toSeries('England', 'england', englandSeries.body)];
  if (regionalSeries) chartSeries.push(toSeries(regionalSeries.body.scope, 'region', regionalSeries.body));
  const chart = lineChart(chartSeries, {
    title: `Percentage of graded authorities good or outstanding (${areaLabel(area)}), quarter by quarter`,
    description: chartSeries.map(s => `${s.name}: ${describe(s.points)}`).join(' '),
    yMin: 0, yMax: 100, unit: '%',
  });

  return h('div', { class: 'view national', 'data-view': 'national' },
    h('h1', {}, 'Children\u2019s services in England', h('span', { class: 'sub' }, ` as at ${formatDate(ctx.asOf)}`)),
    catchUp(ctx, england.response, feed?.body.highWaterMark),
    section('picture-h', `${areaLabel(area)}: grades as at ${formatDate(ctx.asOf)}`, controls,
      h('div', { class: 'pictures' }, pictures.map(figures)), downloads,
      h('p', { class: 'method' }, england.body.method)),
    section('trend-h', 'Good or outstanding over time', chart, legend(chartSeries),
      h('details', {}, h('summary', {}, 'Show the figures as a table'), seriesTable(chartSeries))));
}

/** A notice, and a redraw soon, when the picture has not yet counted every recorded event (e.g. just after start). */
function catchUp(ctx, response, mark) {
  const processed = Number(response.headers.get('X-Projection-Sequence'));
  const behind = mark !== undefined && Number.isFinite(processed) ? mark - processed : 0;
  if (behind <= 0 || catchingUp >= CATCH_UP_TRIES) {
    catchingUp = 0;
    return null;
  }
  catchingUp++;
  ctx.later(1000);
  return h('p', { class: 'catching-up', role: 'status' },
    `Tracker is still counting ${behind} recently recorded events; these figures will refresh by themselves.`);
}

function figures(p) {
  const scope = p.scope === 'england' ? 'England' : p.scope;
  return h('div', { class: 'picture', 'data-scope': p.scope },
    h('h3', {}, scope),
    h('p', { class: 'big' },
      h('span', { class: 'figure', 'data-figure': 'percent' }, formatPercent(p.goodOrOutstandingPercent)),
      h('span', { class: 'caption' }, ` good or outstanding, of ${p.graded} graded (${p.authorities} authorities)`)),
    h('dl', { class: 'counts' }, BUCKETS.map(([key, label]) => h('div', { class: `count count-${key}` },
      h('dt', {}, label), h('dd', { 'data-figure': key }, String(p[key]))))));
}

function csvButton(label, path, params) {
  const button = h('button', { type: 'button', class: 'link' }, label);
  button.addEventListener('click', () => downloadCsv(path, params).catch(e => alert(e.message)));
  return button;
}

const toSeries = (name, cls, s) => ({
  name, cls, points: s.points.map(p => ({ x: p.asOf, y: p.goodOrOutstandingPercent, label: formatDate(p.asOf), p })),
});

function describe(points) {
  const known = points.filter(p => p.y !== null);
  if (known.length === 0) return 'no graded authorities in this period.';
  const [first, last] = [known[0], known.at(-1)];
  return `${formatPercent(first.y)} on ${first.label}, ${formatPercent(last.y)} on ${last.label}.`;
}

const legend = series => h('ul', { class: 'legend' },
  series.map(s => h('li', { class: `key ${s.cls}` }, h('span', { class: 'swatch', 'aria-hidden': 'true' }), s.name)));

function seriesTable(series) {
  const head = ['Quarter end', ...series.flatMap(s => [`${s.name} %`, `${s.name} graded`])];
  const rows = series[0].points.map((p, i) => h('tr', {}, h('th', { scope: 'row' }, p.label),
    series.flatMap(s => [h('td', {}, formatPercent(s.points[i]?.y)),
      h('td', {}, String(s.points[i]?.p.graded ?? '—'))])));
  return table('Percentage good or outstanding by quarter', head, rows);
}
