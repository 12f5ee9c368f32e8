// The authority's timeline: every fact in date order, filterable by kind without another request.
import { areaLabel, formatDate, gradeChip, h, section, words } from './dom.js';

const KINDS = {
  inspection: 'Inspections', monitoring_visit: 'Monitoring visits', focused_visit: 'Focused visits', jtai: 'JTAIs',
  finding: 'Findings', metric: 'Metrics',
};

export function timelineSection(timeline, download) {
  const entries = timeline.entries;
  const kinds = Object.keys(KINDS).filter(k => entries.some(e => e.kind === k));
  const shown = new Set(kinds);
  const status = h('p', { class: 'hint', id: 'timeline-count' });
  const list = h('ol', { class: 'timeline', 'aria-describedby': 'timeline-count' }, entries.map(item));
  const apply = () => {
    let visible = 0;
    for (const li of list.children) {
      li.hidden = !shown.has(li.dataset.kind);
      if (!li.hidden) visible++;
    }
    status.textContent = `Showing ${visible} of ${entries.length} facts.`;
  };
  const filter = h('fieldset', { class: 'filter' }, h('legend', {}, 'Show'),
    kinds.map(k => h('label', { class: 'check' },
      h('input', { type: 'checkbox', checked: true, value: k, id: `kind-${k}`,
        onchange: e => { e.target.checked ? shown.add(k) : shown.delete(k); apply(); } }),
      ` ${KINDS[k]} (${entries.filter(e => e.kind === k).length})`)));
  apply();
  const content = entries.length ? [filter, status, list] : h('p', {}, 'No facts recorded yet.');
  return section('timeline-h', 'Timeline', content, download);
}

function item(e) {
  return h('li', { class: `fact fact-${e.kind}`, 'data-kind': e.kind, 'data-fact': e.factId },
    h('p', { class: 'when' }, h('time', { datetime: e.date ?? '' }, e.undated ? undatedLabel(e) : formatDate(e.date)),
      h('span', { class: `kind kind-${e.kind}` }, words(e.kind === 'jtai' ? 'JTAI' : e.kind)),
      e.corrected ? h('span', { class: 'flag' }, 'corrected') : null),
    body(e), notes(e), reference(e.reportReference));
}

const undatedLabel = e => (e.era ? `Undated (${e.era.toUpperCase()} era)` : 'Undated');

function body(e) {
  switch (e.kind) {
    case 'inspection': {
      const known = e.inspectionKind && e.inspectionKind !== 'unknown';
      const kind = known ? ` ${e.inspectionKind.replaceAll('_', '-')}` : '';
      return h('div', {}, h('p', {}, `${(e.framework ?? '').toUpperCase()}${kind} inspection`),
        h('ul', { class: 'grades' }, Object.entries(e.grades ?? {}).map(([area, grade]) =>
          h('li', {}, `${areaLabel(area)}: `, gradeChip(grade)))));
    }
    case 'metric':
      return h('p', {}, `${words(e.metric)}: `, h('strong', {}, metricValue(e)), e.period ? ` (${e.period})` : null,
        e.quote ? h('blockquote', {}, e.quote) : null);
    case 'finding':
      return h('div', {}, e.topic ? h('p', {}, words(e.topic)) : null, h('blockquote', {}, e.quote ?? ''));
    default:
      return e.topic ? h('p', {}, e.topic) : null;
  }
}

export function metricValue(e) {
  const unit = e.unit === 'percent' ? '%' : e.unit ? ` ${e.unit}` : '';
  return e.value !== null && e.value !== undefined ? `${e.value}${unit}` : `${e.low}–${e.high}${unit}`;
}

/** Data-quality notes, when the entry carries them (e.g. a date or an attribution the importer was unsure of). */
function notes(e) {
  if (!Array.isArray(e.notes) || e.notes.length === 0) return null;
  return h('div', { class: 'notes' }, h('p', { class: 'notes-title' }, 'Data-quality notes'),
    h('ul', {}, e.notes.map(n => h('li', {}, noteText(n)))));
}

// Notes may be plain strings or objects; show their message, or the object itself rather than nothing.
function noteText(n) {
  return typeof n === 'string' ? n : n?.message ?? n?.text ?? n?.note ?? JSON.stringify(n);
}

function reference(ref) {
  if (!ref) return null;
  return /^https?:\/\//.test(ref)
    ? h('p', { class: 'ref' }, h('a', { href: ref, rel: 'noreferrer external' }, 'Report'))
    : h('p', { class: 'ref' }, `Source: ${ref}`);
}
