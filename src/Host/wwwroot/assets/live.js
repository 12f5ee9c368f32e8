import { getJson } from './api.js';

// Live updates from the API's server-sent events (/api/events/stream, CloudEvents): a newly recorded fact redraws
// the view it concerns and is announced in the page's aria-live region.
const TYPES = {
  'tracker.inspection.recorded': 'inspection recorded',
  'tracker.monitoring-visit.recorded': 'monitoring visit recorded',
  'tracker.focused-visit.recorded': 'focused visit recorded', 'tracker.jtai.recorded': 'JTAI recorded',
  'tracker.inspection.corrected': 'inspection corrected', 'tracker.fact.withdrawn': 'fact withdrawn',
};
// The national picture comes from an async projection: give it a moment before redrawing.
const NATIONAL_DELAY_MS = 1500;

export async function startLive({ current, refresh }) {
  if (!('EventSource' in window)) return;
  const notice = document.getElementById('notice');
  // Start from the feed's high-water mark, read first: the stream sends no headers until its first event, so 'open'
  // cannot tell when it is listening, and without `after` a fact recorded before the stream request arrives is missed.
  const mark = await getJson('/api/events', { after: '0', limit: '1' })
    .then(r => r.body.highWaterMark).catch(() => null);
  const source = new EventSource(mark === null ? '/api/events/stream' : `/api/events/stream?after=${mark}`);
  let pending = null;
  for (const [type, what] of Object.entries(TYPES)) {
    source.addEventListener(type, message => {
      let event;
      try { event = JSON.parse(message.data); } catch { return; }
      const authority = event.data?.authority;
      const open = current();
      const published = event.data?.publishedOn ? `, published ${event.data.publishedOn}` : '';
      const text = `New: ${what} for ${authority?.name ?? event.subject}${published}.`;
      if (open && open.id === authority?.dfeCode) {
        announce(notice, `${text} This page has been updated.`);
        refresh();
      } else if (!open) {
        announce(notice, `${text} The national figures are being updated.`);
        clearTimeout(pending);
        pending = setTimeout(refresh, NATIONAL_DELAY_MS);
      }
    });
  }
  document.body.dataset.live = 'listening';
  if (mark !== null) document.body.dataset.liveFrom = mark;
  source.addEventListener('open', () => { document.body.dataset.live = 'open'; });
  source.addEventListener('error', () => { document.body.dataset.live = 'retrying'; });
}

function announce(notice, text) {
  notice.textContent = text;
  notice.classList.add('shown');
}
