// The authority page: codes and lineage, current grades, next-inspection window, trends, neighbours and the timeline.
import { authorities, downloadCsv, getJson } from './api.js';
import { lineChart } from './chart.js';
import { areaLabel, formatDate, gradeChip, gradeLabel, h, section, table, words } from './dom.js';
import { metricValue, timelineSection } from './timeline.js';

const DIRECTIONS = {
  improved: '↑ Improved', declined: '↓ Declined', unchanged: '→ Unchanged', first: 'First inspection',
};

export async function authorityView(ctx, key) {
  const entry = (await getJson(`/api/authorities/${encodeURIComponent(key)}`)).body;
  const base = `/api/authorities/${encodeURIComponent(entry.id)}`;
  const read = { asOf: ctx.asOf };
  const [current, timeline, trends, neighbours, list] = await Promise.all([
    getJson(`${base}/current`, read), getJson(`${base}/timeline`, read), getJson(`${base}/trends`, read),
    getJson(`${base}/neighbours`, read), authorities().catch(() => []),
  ]);
  ctx.showing(entry);
  const names = new Map(list.map(a => [a.id, a]));
  const csv = (label, path) => h('button', { type: 'button', class: 'link',
    onclick: () => downloadCsv(path, read).catch(e => alert(e.message)) }, `Download ${label} (CSV)`);

  return h('div', { class: 'view authority', 'data-view': 'authority', 'data-authority': entry.id },
    h('h1', {}, entry.name, h('span', { class: 'sub' }, ` as at ${formatDate(ctx.asOf)}`)),
    identity(entry, names),
    currentSection(current.body),
    trendsSection(trends.body, csv('trends', `${base}/trends`)),
    neighboursSection(neighbours.body, csv('neighbours', `${base}/neighbours`)),
    timelineSection(timeline.body, csv('timeline', `${base}/timeline`)));
}

function identity(e, names) {
  // Lineage entries are { authorityId, name }; a bare id is accepted too.
  const link = ref => {
    const id = typeof ref === 'string' ? ref : ref.authorityId;
    return h('a', { href: `/authorities/${names.get(id)?.slug ?? id}` }, ref.name ?? names.get(id)?.name ?? id);
  };
  const row = (label, ...value) => h('div', {}, h('dt', {}, label), h('dd', {}, ...value));
  const status = [e.isCurrent ? 'Current' : 'Defunct', e.formedOn ? `, formed ${formatDate(e.formedOn)}` : '',
    e.abolishedOn ? `, abolished ${formatDate(e.abolishedOn)}` : ''].join('');
  return section('codes-h', 'Codes, region and lineage', h('dl', { class: 'codes' },
    row('DfE code', e.dfeCode), row('GSS code', e.gssCode ?? '—'), row('Ofsted URN', e.urn ?? '—'),
    row('Slug', e.slug), row('Region', e.region ?? '—'), row('Type', e.authorityType ?? '—'), row('Status', status),
    e.predecessors.length ? row('Formed from', join(e.predecessors.map(link))) : null,
    e.successors.length ? row('Succeeded by', join(e.successors.map(link))) : null));
}

const join = items => items.flatMap((x, i) => (i ? [', ', x] : [x]));

function currentSection(c) {
  const title = 'Current grades';
  if (!c.latest) {
    return section('current-h', title, h('p', {}, `No graded inspection published by ${formatDate(c.asOf)}.`));
  }
  const l = c.latest;
  const direction = a => (a.direction ? DIRECTIONS[a.direction] ?? words(a.direction) : 'Not comparable');
  const rows = c.areas.map(a => h('tr', { 'data-area': a.area }, h('th', { scope: 'row' }, areaLabel(a.area)),
    h('td', {}, gradeChip(a.grade)), h('td', {}, a.previousGrade ? gradeLabel(a.previousGrade) : '—'),
    h('td', { class: `dir dir-${a.direction ?? 'none'}` }, direction(a))));
  const published = h('strong', { 'data-figure': 'latest-published', 'data-date': l.publishedOn },
    formatDate(l.publishedOn));
  return section('current-h', title,
    h('p', { class: 'latest' }, `Latest graded inspection: ${(l.framework ?? '').toUpperCase()} ${words(l.kind)}, `,
      'published ', published, ` (${c.daysSince} days since fieldwork ended).`),
    table('Grade per judgement area', ['Area', 'Grade', 'Previous', 'Direction'], rows, { class: 'grades-table' }),
    nextInspection(c.nextInspection),
    h('p', {}, `Monitoring visits since: ${c.monitoringVisitsSince}.`,
      c.latestFocusedVisit ? ` Latest focused visit: ${formatDate(c.latestFocusedVisit.publishedOn)}.` : '',
      c.latestJtai ? ` Latest JTAI: ${formatDate(c.latestJtai.publishedOn)}.` : ''));
}

function nextInspection(next) {
  if (!next) return h('p', { class: 'hint' }, 'No next-inspection window (the ILACS cycle does not apply).');
  return h('p', { class: `next${next.overdue ? ' overdue' : ''}` },
    `Next inspection (${words(next.kind)}) expected around `, h('strong', {}, formatDate(next.expected)),
    `, window ${formatDate(next.earliest)} to ${formatDate(next.latest)}`,
    next.overdue ? h('strong', { class: 'flag' }, ' — overdue') : '.', h('span', { class: 'hint block' }, next.rule));
}

function trendsSection(t, download) {
  if (t.trends.length === 0) return section('trends-h', 'Metric trends', h('p', {}, 'No dated metric observations.'));
  return section('trends-h', 'Metric trends', t.trends.map(trendFigure), download);
}

function trendFigure(trend) {
  const g = trend.guideline;
  const band = g ? { low: g.low, high: g.high, label: `guideline ${g.low}–${g.high}` } : null;
  const points = trend.points.map(p => ({ x: p.to ?? p.from, y: Number(p.value), label: p.period }));
  const title = words(trend.metric);
  const change = trend.change === null ? '' : ` (${trend.change > 0 ? '+' : ''}${trend.change} ` +
    `${trend.changeUnit === 'percentage_points' ? 'percentage points' : trend.changeUnit ?? ''})`;
  return h('figure', { class: 'trend', 'data-metric': trend.metric },
    h('h3', {}, title),
    lineChart([{ name: title, cls: 'metric', points }], { title: `${title} by period`, band,
      unit: trend.unit === 'percent' ? '%' : '',
      description: trend.points.map(p => `${p.period}: ${metricValue(p)}`).join('; ') }),
    h('figcaption', {}, words(trend.direction), change, g ? `; latest value ${g.position} the guideline band.` : '.'),
    table(`${title}: values`, ['Period', 'Value'], trend.points.map(p => h('tr', {},
      h('th', { scope: 'row' }, p.period), h('td', {}, metricValue(p))))));
}

function neighboursSection(n, download) {
  const row = (r, self) => h('tr', { class: self ? 'self' : null },
    h('th', { scope: 'row' }, self ? h('strong', {}, r.name) : h('a', { href: `/authorities/${r.slug}` }, r.name)),
    h('td', {}, r.region ?? '—'), h('td', {}, gradeChip(r.grade)),
    h('td', {}, r.latestPublishedOn ? formatDate(r.latestPublishedOn) : 'None yet'));
  const p = n.picture;
  const percent = p.goodOrOutstandingPercent === null ? '—' : `${p.goodOrOutstandingPercent}%`;
  return section('neighbours-h', 'Statistical neighbours',
    table(`${n.authority.name} beside its statistical neighbours (${areaLabel(n.authority.area)})`,
      ['Authority', 'Region', 'Grade', 'Latest inspection'],
      [row(n.authority, true), ...n.neighbours.map(r => row(r, false))]),
    h('p', {}, `Neighbours: ${percent} good or outstanding of ${p.graded} graded.`), download);
}
