// Now: the pauses in force (and lately ended), each with severity, reason, who, since when, its
// counts and live progress — failures standing out — and the severity buttons below.
import { fill, h } from './dom.js';
import { countsText, outcomeText, progress, since, STATE_WORDS, when } from './format.js';
import { renderLadder } from './ladder.js';

const RECENT_MS = 24 * 3600_000;
/** Planned pauses have not started; cancelled and joined ones never will: none of them is in force. */
const IN_FORCE = new Set(['suspending', 'active', 'awaiting-approval', 'resuming']);

export function renderNow(root, app) {
  const list = h('div', { class: 'pauses' });
  const ladder = h('section', { class: 'card', 'aria-labelledby': 'ladder-title' });
  fill(root, h('section', { 'aria-labelledby': 'now-title' }, h('h1', { id: 'now-title' }, 'Now'), list), ladder);

  const draw = () => {
    const views = [...app.pauses.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    const inForce = views.filter((v) => IN_FORCE.has(v.state));
    const planned = views.filter((v) => v.state === 'planned').sort((a, b) => a.schedule.startsAt.localeCompare(b.schedule.startsAt));
    const ended = views.filter((v) => v.state === 'resumed' && Date.now() - new Date(v.resumedAt ?? v.updatedAt).getTime() < RECENT_MS);
    fill(
      list,
      inForce.length ? inForce.map(pauseCard) : h('p', { class: 'msg ok' }, 'No pause in force: everything is going out as scheduled.'),
      planned.length ? [h('h3', {}, 'Planned'), planned.map(plannedCard)] : null,
      ended.length ? [h('h3', {}, 'Ended in the last 24 hours'), ended.map(pauseCard)] : null,
    );
  };
  draw();
  // The console pauses every connection (no scope): a press joins or escalates the pause in force
  // on that same scope; a pause scoped to one brand or connection is another pause.
  const active = () => [...app.pauses.values()].find((v) => IN_FORCE.has(v.state) && !v.resume && !v.scope.connections && !v.scope.tags);
  renderLadder(ladder, app, active);
  app.onChange(() => draw());
  return {};
}

/** One pause, as a card: what, why, who, since when, progress and what failed. */
export function pauseCard(view) {
  const outcome = outcomeText(view);
  return h(
    'article',
    { class: `pause sev-${view.severity}${outcome.kind === 'error' ? ' failing' : ''}`, 'aria-labelledby': `title-${view.id}`, 'data-pause': view.id },
    h(
      'h3',
      { id: `title-${view.id}` },
      h('span', { class: `badge sev-${view.severity}` }, view.severityName),
      ' ',
      h('a', { href: `#/pauses/${view.id}/review` }, view.reason),
    ),
    h('p', { class: 'meta' }, `${STATE_WORDS[view.state] ?? view.state} · by ${view.actor.name} (${view.source}) · since ${since(view.createdAt)} (${when(view.createdAt)})`),
    progressBar(view),
    h('p', { class: `msg ${outcome.kind}`, role: outcome.kind === 'error' ? 'alert' : null, 'data-outcome': outcome.kind }, outcome.text),
    h('p', {}, `Holding ${countsText(view.counts.byKind)} on ${view.connectionIds.length} connection${view.connectionIds.length === 1 ? '' : 's'}.`),
    view.playbook?.open ? h('p', { class: 'msg warn' }, `${view.playbook.open} of ${view.playbook.total} playbook steps still open.`) : null,
    view.taskCounts.open ? h('p', { class: 'msg warn' }, `${view.taskCounts.open} platform${view.taskCounts.open > 1 ? 's' : ''} to pause by hand: see Playbook.`) : null,
  );
}

/** A pause planned ahead: when it starts and ends; it holds nothing yet. */
function plannedCard(view) {
  const { startsAt, endsAt } = view.schedule;
  return h(
    'article',
    { class: `pause planned sev-${view.severity}`, 'aria-labelledby': `title-${view.id}`, 'data-pause': view.id },
    h('h3', { id: `title-${view.id}` }, h('span', { class: `badge sev-${view.severity}` }, view.severityName), ' ', view.reason),
    h('p', { class: 'meta' }, `Planned by ${view.actor.name} · starts ${when(startsAt)}${endsAt ? ` · ends ${when(endsAt)}` : ''}`),
  );
}

/** The bar, its numbers in words too; failures said apart so that they never look like progress. */
export function progressBar(view) {
  const p = progress(view);
  const label = `${p.done} of ${p.total} items done${p.failed ? `, ${p.failed} failed` : ''}${p.running ? '' : ' — finished'}`;
  return h(
    'div',
    { class: `progress${p.running ? ' running' : ''}${p.failed ? ' failed' : ''}` },
    h('progress', { max: p.total || 1, value: p.total ? p.done : p.running ? 0 : 1, 'aria-label': 'Progress', 'aria-valuetext': label }),
    h('span', { class: 'progress-text' }, label),
  );
}
