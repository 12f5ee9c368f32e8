// The shell: routes / and /authorities/{code-or-slug}, keeps ?asOf= (and the view's own parameters) in the address,
// and redraws the open view when the date changes or a live event concerns it.
import { ApiError, authorities, findAuthority } from './api.js';
import { authorityView } from './authority.js';
import { h, today } from './dom.js';
import { startLive } from './live.js';
import { nationalView } from './national.js';

const main = document.getElementById('main');
const dateInput = document.getElementById('asof');
let renders = 0;
let open = null; // the authority on screen, for the live feed

function route() {
  const match = /^\/authorities\/([^/]+)\/?$/.exec(location.pathname);
  return match ? { view: 'authority', key: decodeURIComponent(match[1]) } : { view: 'national' };
}

function asOf(params) {
  const value = params.get('asOf');
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : today();
}

export async function render({ keepFocus = true } = {}) {
  const id = ++renders;
  const params = new URLSearchParams(location.search);
  const ctx = { asOf: asOf(params), params, setParam, showing: entry => { open = entry; }, later: ms => later(id, ms) };
  dateInput.value = ctx.asOf;
  dateInput.max = today();
  const focused = keepFocus ? document.activeElement?.id : null;
  main.setAttribute('aria-busy', 'true');
  const { view, key } = route();
  if (view === 'national') open = null;
  let content;
  try {
    content = view === 'authority' ? await authorityView(ctx, key) : await nationalView(ctx);
  } catch (error) {
    content = failure(error, key);
  }
  if (id !== renders) return; // a newer render (another date, another page) has started since
  main.replaceChildren(content);
  main.removeAttribute('aria-busy');
  document.title = `${main.querySelector('h1')?.textContent ?? 'Tracker'} · Tracker`;
  if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
  document.body.dataset.ready = view;
  performance.mark(`tracker:drawn:${id}`);
}

function failure(error, key) {
  const notFound = error instanceof ApiError && error.status === 404;
  const denied = error instanceof ApiError && (error.status === 401 || error.status === 403);
  return h('div', { class: 'view error', 'data-view': 'error' },
    h('h1', {}, notFound ? 'Not found' : denied ? 'Sign-in needed' : 'Something went wrong'),
    h('p', {}, notFound && key ? `No authority matches \u201c${key}\u201d. Try its name, DfE code, GSS code or URN.`
      : denied ? 'This Tracker does not allow anonymous reads, and the dashboard cannot sign in yet.' : error.message),
    h('p', {}, h('a', { href: '/' }, 'Back to the national picture')));
}

/** Redraws after a while, unless another render (a new date or page) has happened since. */
function later(id, ms) {
  setTimeout(() => { if (id === renders) render(); }, ms);
}

function setParam(key, value) {
  const url = new URL(location.href);
  if (value) url.searchParams.set(key, value); else url.searchParams.delete(key);
  history.replaceState(null, '', url);
  render();
}

function go(path, { replace = false } = {}) {
  const url = new URL(path, location.origin);
  const when = new URLSearchParams(location.search).get('asOf');
  if (when && !url.searchParams.has('asOf')) url.searchParams.set('asOf', when);
  history[replace ? 'replaceState' : 'pushState'](null, '', url);
  render({ keepFocus: false }).then(() => main.focus());
}

// Links inside the page navigate without a reload and keep the date; API and external links behave as usual.
document.addEventListener('click', e => {
  const a = e.target.closest?.('a[href]');
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || a.target) return;
  const url = new URL(a.href);
  if (url.origin !== location.origin || !(url.pathname === '/' || url.pathname.startsWith('/authorities/'))) return;
  e.preventDefault();
  go(url.pathname + url.search);
});
window.addEventListener('popstate', () => render({ keepFocus: false }));

dateInput.addEventListener('change', () => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dateInput.value)) return;
  setParam('asOf', dateInput.value === today() ? '' : dateInput.value);
});
document.getElementById('when').addEventListener('submit', e => e.preventDefault());
document.getElementById('today').addEventListener('click', () => setParam('asOf', ''));

document.getElementById('search').addEventListener('submit', async e => {
  e.preventDefault();
  const text = e.target.q.value.trim();
  if (!text) return;
  const list = await authorities().catch(() => []);
  const exact = findAuthority(list, text);
  if (exact) return go(`/authorities/${exact.slug}`);
  const q = text.toLowerCase();
  const matches = list.filter(a => a.name.toLowerCase().includes(q));
  if (matches.length === 1) return go(`/authorities/${matches[0].slug}`);
  // The API may know a code the list does not show: let it answer (a page, or "not found").
  if (matches.length === 0) return go(`/authorities/${encodeURIComponent(text)}`);
  main.replaceChildren(h('div', { class: 'view results' }, h('h1', {}, `Authorities matching \u201c${text}\u201d`),
    h('ul', {}, matches.map(a =>
      h('li', {}, h('a', { href: `/authorities/${a.slug}` }, a.name), ` (${a.region ?? '—'})`)))));
  main.focus();
});

authorities().then(list => document.getElementById('authority-names').replaceChildren(
  ...list.map(a => h('option', { value: a.name })))).catch(() => {});

startLive({ current: () => open, refresh: () => render() });
render();
