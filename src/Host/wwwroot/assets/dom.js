// Small DOM and formatting helpers shared by the views. Elements are built with the DOM API, never innerHTML,
// so text from the API (quotes, names) can never become markup.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

const GRADES = {
  outstanding: 'Outstanding', good: 'Good', requires_improvement: 'Requires improvement', inadequate: 'Inadequate',
  ungraded: 'Ungraded', not_applicable: 'Not applicable', not_reported: 'Not reported', unknown: 'Unknown',
};

export const gradeLabel = g => GRADES[g] ?? (g ? words(g) : '—');

/** A grade as a labelled chip; the colour repeats the text, it never carries meaning alone. */
export const gradeChip = g => h('span', { class: `grade grade-${g ?? 'none'}` }, gradeLabel(g));

export const words = s => {
  const text = String(s ?? '').replaceAll('_', ' ').replaceAll('-', ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
};

const AREAS = {
  overall: 'Overall effectiveness', impact_of_leaders: 'Impact of leaders', help_and_protection: 'Help and protection',
  children_in_care: 'Children in care', care_leavers: 'Care leavers',
  children_in_care_and_care_leavers: 'Children in care and care leavers',
  children_looked_after: 'Children looked after',
  adoption: 'Adoption', leadership: 'Leadership',
};
export const AREA_KEYS = ['overall', 'impact_of_leaders', 'help_and_protection', 'children_in_care', 'care_leavers',
  'children_in_care_and_care_leavers', 'children_looked_after', 'adoption', 'leadership'];
export const areaLabel = a => AREAS[a] ?? words(a);

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
export const formatDate = iso => (iso ? DATE.format(new Date(`${iso}T00:00:00Z`)) : 'undated');
export const formatPercent = p => (p === null || p === undefined ? '—' : `${Number(p).toFixed(1)}%`);
export const today = () => new Date().toISOString().slice(0, 10);

/** A table wrapped so it scrolls sideways on a narrow screen instead of widening the page. */
export function table(caption, head, rows, attrs = {}) {
  return h('div', { class: 'table-wrap', role: 'region', 'aria-label': caption, tabindex: 0 },
    h('table', attrs, h('caption', {}, caption),
      h('thead', {}, h('tr', {}, head.map(c => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, rows)));
}

export function section(id, title, ...children) {
  return h('section', { 'aria-labelledby': id, class: 'card' }, h('h2', { id }, title), ...children);
}
