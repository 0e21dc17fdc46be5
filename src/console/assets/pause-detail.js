// One pause: its summary, live (state, progress, counts by kind, connection and item state,
// failures loud, with a retry), and one tab at a time: Review, Resume, Playbook, Audit.
import { api } from './api.js';
import { fill, h, message } from './dom.js';
import { renderAudit } from './audit.js';
import { pauseCard } from './now.js';
import { renderPlaybook } from './playbook.js';
import { renderResume } from './resume.js';
import { renderReview } from './review.js';

const TABS = { review: ['Review', renderReview], resume: ['Resume', renderResume], playbook: ['Playbook', renderPlaybook], audit: ['Audit', renderAudit] };

export function renderPauseDetail(root, app, id, tab) {
  const summary = h('div', { class: 'summary' });
  const body = h('section', { class: 'card', 'aria-labelledby': 'tab-title' });
  const current = TABS[tab] ? tab : 'review';
  const nav = h(
    'nav',
    { class: 'tabs', 'aria-label': 'This pause' },
    Object.entries(TABS).map(([key, [label]]) => h('a', { href: `#/pauses/${id}/${key}`, 'aria-current': key === current ? 'page' : null }, label)),
  );
  fill(root, h('p', {}, h('a', { href: '#/' }, '← Now')), summary, nav, body);

  // The items picked in Review for a partial resume, kept per pause while the tab lives.
  app.selected ??= new Map();
  if (!app.selected.has(id)) app.selected.set(id, new Set());
  const state = { view: app.pauses.get(id) ?? null, selected: app.selected.get(id) };
  const draw = () => {
    if (!state.view) return fill(summary, message('info', 'Loading the pause…'));
    fill(summary, pauseCard(state.view), countsTable(state.view), retryBlock(state.view));
  };
  const retryBlock = (view) => {
    if (view.failures.items + view.failures.listings === 0 || view.work.length > 0) return null;
    const status = h('span', {});
    const retry = async () => {
      try {
        app.update((await api('POST', `/v1/pauses/${id}/retry`, {})).pause);
      } catch (error) {
        fill(status, message('error', `Retry refused: ${error.message}`));
      }
    };
    return h('p', {}, h('button', { type: 'button', class: 'primary', onclick: retry }, 'Retry what failed'), status);
  };
  draw();
  let child = null;
  const open = () => {
    const [label, render] = TABS[current];
    fill(body, h('h2', { id: 'tab-title' }, label));
    child = render(body, app, id, state);
  };
  app.onChange((view) => {
    if (view.id !== id) return;
    state.view = view;
    draw();
    child?.onPause?.(view);
  });
  api('GET', `/v1/pauses/${id}`)
    .then((view) => app.update(view))
    .catch((error) => fill(summary, message('error', `This pause cannot be read: ${error.message}`)));
  open();
  return { dispose: () => child?.dispose?.() };
}

/** Counts by connection and item state: where the pause stands, failures standing out. */
function countsTable(view) {
  const states = Object.entries(view.counts.byState).filter(([, n]) => n > 0).map(([s]) => s);
  if (states.length === 0) return null;
  return h(
    'table',
    { class: 'counts' },
    h('caption', {}, 'Items by connection and state'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Connection'), states.map((s) => h('th', { scope: 'col', class: s === 'failed' ? 'bad' : null }, s)))),
    h(
      'tbody',
      {},
      Object.entries(view.counts.byConnection).map(([connection, c]) =>
        h('tr', {}, h('th', { scope: 'row' }, connection), states.map((s) => h('td', { class: s === 'failed' && c.byState[s] ? 'bad' : null }, c.byState[s] ?? 0))),
      ),
    ),
  );
}
