// Audit: the pause's timeline from the audit log, growing live, and its export. The key must not
// be in a link, so the export is a fetch with the bearer header, saved from a Blob.
import { api, download } from './api.js';
import { fill, h, message } from './dom.js';
import { when } from './format.js';

const PAGE = 1000;

export function renderAudit(root, app, pauseId) {
  const heading = root.firstChild;
  const list = h('ol', { class: 'timeline', 'aria-label': 'Timeline' });
  const status = h('div', {});
  const more = h('div', {});
  const seen = new Set();
  const save = (format) => async () => {
    try {
      await download(`/v1/audit?pauseId=${encodeURIComponent(pauseId)}`, format === 'csv' ? 'text/csv' : 'application/x-ndjson', `audit-${pauseId}.${format}`);
    } catch (error) {
      fill(status, message('error', error.message));
    }
  };
  fill(
    root,
    heading,
    h('p', {}, 'Every change to this pause and its items, oldest first, with who, from where and when. ', h('button', { type: 'button', onclick: save('csv') }, 'Export CSV'), ' ', h('button', { type: 'button', onclick: save('ndjson') }, 'Export NDJSON')),
    status,
    list,
    more,
  );

  const add = (entry) => {
    if (seen.has(entry.seq)) return;
    seen.add(entry.seq);
    list.append(
      h(
        'li',
        { class: /failed|refused|forbidden/.test(entry.action) ? 'bad' : null },
        h('time', { datetime: entry.at }, when(entry.at)),
        ' ',
        h('strong', {}, entry.action),
        ` by ${entry.actor.name} (${entry.source})`,
        entry.connectionId ? ` on ${entry.connectionId}` : '',
        summary(entry.data) ? h('span', { class: 'small' }, ` — ${summary(entry.data)}`) : null,
      ),
    );
  };

  const load = async (cursor) => {
    try {
      const page = await api('GET', `/v1/audit?pauseId=${encodeURIComponent(pauseId)}&limit=${PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      page.data.forEach(add);
      fill(more, page.nextCursor ? h('button', { type: 'button', onclick: () => load(page.nextCursor) }, 'Show more') : null);
    } catch (error) {
      fill(status, message('error', `The audit log cannot be read: ${error.message}`));
    }
  };
  void load(null).then(() => {
    // Later entries arrive by the live events; until the first page is in, they would come first.
    app.auditListeners.add((entry) => {
      if (entry.pauseId === pauseId && !more.firstChild) add(entry);
    });
  });
  return {};
}

/** A short reading of an entry's data: its reason, error or note, else its plain fields. */
function summary(data) {
  if (!data || typeof data !== 'object') return '';
  const text = data.reason ?? data.error?.message ?? data.note ?? data.message;
  if (typeof text === 'string') return text.slice(0, 200);
  return Object.entries(data)
    .filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v))
    .slice(0, 4)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
}
