// Review: a pause's items with filters (kind, connection, state) and search; for each, what it
// is, where, its original time, its state and last error, and the actions release (now or at a
// new time) and keep. Missed items come first, grouped: each needs a decision.
import { api } from './api.js';
import { announce, fill, h, message, uid } from './dom.js';
import { when } from './format.js';

const PAGE = 500;
const RELEASABLE = new Set(['suspended', 'missed', 'kept']);
const KEEPABLE = new Set(['suspended', 'missed']);

export function renderReview(root, app, pauseId, state) {
  const filters = { kind: '', connection: '', state: '', search: '' };
  const missed = h('div', {});
  const table = h('div', { class: 'table-wrap' });
  const status = h('div', { 'aria-live': 'polite' });
  let items = [];
  let cursor = null;
  // New release times typed in, by item: a live update draws the table again, never losing them.
  const typed = new Map();

  const select = (name, label, options) => {
    const id = uid(name);
    const control = h('select', { id, onchange: (e) => ((filters[name] = e.target.value), load()) }, h('option', { value: '' }, 'all'), options.map((o) => h('option', { value: o }, o)));
    return h('div', { class: 'field' }, h('label', { for: id }, label), control);
  };
  const searchId = uid('search');
  const view = state.view;
  fill(
    root,
    root.firstChild, // the tab's heading
    h(
      'div',
      { class: 'filters', role: 'search' },
      select('kind', 'Kind', view?.kinds ?? ['post', 'ad', 'email']),
      select('connection', 'Connection', view?.connectionIds ?? []),
      select('state', 'State', ['suspended', 'failed', 'missed', 'kept', 'planned', 'restored', 'drifted', 'handed-over', 'skipped']),
      h('div', { class: 'field' }, h('label', { for: searchId }, 'Search'), h('input', { id: searchId, type: 'search', oninput: (e) => ((filters.search = e.target.value.toLowerCase()), draw()) })),
    ),
    status,
    missed,
    table,
  );

  let loading = null;
  let again = false;
  /** One read at a time; a change meanwhile reads once more after it. */
  async function load(more = false) {
    if (loading && !more) return void (again = true);
    loading = read(more).finally(() => {
      loading = null;
      if (again) (again = false), void load();
    });
  }

  async function read(more) {
    const query = new URLSearchParams({ limit: String(PAGE) });
    for (const key of ['kind', 'connection', 'state']) if (filters[key]) query.set(key, filters[key]);
    if (more && cursor) query.set('cursor', cursor);
    try {
      const page = await api('GET', `/v1/pauses/${pauseId}/items?${query}`);
      items = more ? [...items, ...page.data] : page.data;
      cursor = page.nextCursor;
      fill(status);
      draw();
    } catch (error) {
      fill(status, message('error', `The items cannot be read: ${error.message}`));
    }
  }

  function draw() {
    const shown = items.filter((i) => !filters.search || `${i.title} ${i.connectionId} ${i.externalId}`.toLowerCase().includes(filters.search));
    const waiting = items.filter((i) => i.state === 'missed');
    fill(
      missed,
      waiting.length
        ? h('section', { class: 'msg warn', 'aria-labelledby': 'missed-title' }, h('h3', { id: 'missed-title' }, `Missed: ${waiting.length} need a decision`), h('p', {}, 'Their time passed while suspended. Release each (now or at a new time) or keep it.'), itemsTable(waiting))
        : null,
    );
    fill(
      table,
      shown.length ? itemsTable(shown) : h('p', {}, items.length ? 'No item matches the search.' : 'No items (yet) with these filters.'),
      // The search reads the items loaded so far; say so when there are more.
      filters.search && cursor ? h('p', { class: 'msg info' }, `The search looked at the first ${items.length} items: show more to search the rest.`) : null,
      cursor ? h('button', { type: 'button', onclick: () => load(true) }, 'Show more') : null,
    );
  }

  function itemsTable(rows) {
    return h(
      'table',
      { class: 'items' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Select')), ['What', 'Where', 'Original time', 'State', 'Last error', 'Actions'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, rows.map(row)),
    );
  }

  function row(item) {
    const note = h('div', { class: 'row-status' });
    const at = h('input', { type: 'datetime-local', value: typed.get(item.id) ?? '', oninput: (e) => typed.set(item.id, e.target.value) });
    const act = async (verb) => {
      const body = verb === 'release' && at.value ? { scheduledAt: new Date(at.value).toISOString() } : {};
      try {
        const answer = await api('POST', `/v1/pauses/${pauseId}/items/${item.id}/${verb}`, body);
        Object.assign(item, answer.item);
        typed.delete(item.id);
        announce(`${item.title}: ${verb === 'keep' ? 'kept suspended' : 'release asked for'}.`);
        draw();
        app.update(await api('GET', `/v1/pauses/${pauseId}`));
      } catch (error) {
        fill(note, message('error', `${verb === 'keep' ? 'Keep' : 'Release'} refused: ${error.message}`));
      }
    };
    const pick = h('input', { type: 'checkbox', 'aria-label': `Select ${item.title}`, checked: state.selected.has(item.id), onchange: (e) => (e.target.checked ? state.selected.add(item.id) : state.selected.delete(item.id)) });
    return h(
      'tr',
      { class: `state-${item.state}`, 'data-item': item.id },
      h('td', { 'data-label': 'Select' }, pick),
      h('td', { 'data-label': 'What' }, h('span', { class: 'kind' }, item.kind), ' ', item.title),
      h('td', { 'data-label': 'Where' }, item.connectionId),
      h('td', { 'data-label': 'Original time' }, item.scheduledAt ? when(item.scheduledAt) : 'not scheduled'),
      h('td', { 'data-label': 'State' }, h('span', { class: `state ${item.state}` }, item.state), item.waitingUntil ? ` (waiting until ${when(item.waitingUntil)})` : ''),
      h('td', { 'data-label': 'Last error', class: item.lastError ? 'bad' : null }, item.lastError ? item.lastError.message : item.note),
      h(
        'td',
        { 'data-label': 'Actions' },
        RELEASABLE.has(item.state) ? [h('label', { class: 'small' }, 'New time (optional)', at), h('button', { type: 'button', onclick: () => act('release') }, 'Release')] : null,
        KEEPABLE.has(item.state) ? h('button', { type: 'button', onclick: () => act('keep') }, 'Keep') : null,
        note,
      ),
    );
  }

  void load();
  let last = JSON.stringify(view?.counts.byState ?? null);
  return {
    // Items move while the work runs: read them again when the counts change.
    onPause(next) {
      const counts = JSON.stringify(next.counts.byState);
      if (counts !== last) {
        last = counts;
        void load();
      }
    },
  };
}
