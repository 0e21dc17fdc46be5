// Resume: the whole pause or the items selected in Review, with the missed-item policy. From the
// configured severity a resume only asks: it awaits a second lead, who approves it here.
import { api, ApiError } from './api.js';
import { announce, fill, h, message, uid } from './dom.js';
import { itemCount, when } from './format.js';

const POLICIES = [
  ['hold', 'Hold them', 'an item whose time passed stays suspended and waits for a person to release or keep it (safest)'],
  ['shift', 'Shift them', "move each by the pause's length"],
  ['now', 'Send them now', 'at the earliest time each platform accepts'],
];

export function renderResume(root, app, pauseId, state) {
  const heading = root.firstChild;
  const body = h('div', {});
  fill(root, heading, body);
  const status = h('div', { 'aria-live': 'polite' });

  // What this tab shows follows the pause; the form is drawn again only when that changes, so a
  // live update never throws away a choice being made.
  let shown = null;
  const draw = () => {
    const view = state.view;
    const mode = !view ? 'loading' : view.state === 'resumed' ? 'resumed' : view.approval ? 'approval' : view.resume || view.state === 'resuming' ? 'resuming' : 'form';
    if (mode === shown && mode !== 'resumed') return;
    shown = mode;
    if (mode === 'loading') return fill(body, message('info', 'Loading…'));
    if (mode === 'resumed') return fill(body, message(view.complete ? 'ok' : 'error', resumedText(view)), status);
    if (mode === 'approval') return fill(body, approvalBlock(view), status);
    if (mode === 'resuming') return fill(body, message('info', 'The resume is under way: see the progress above.'), status);
    fill(body, resumeForm(view), status);
  };

  const call = async (path, payload, done) => {
    try {
      const answer = await api('POST', path, payload);
      app.update(answer.pause ?? answer);
      announce(done(answer));
      fill(status);
    } catch (error) {
      const text = error instanceof ApiError && error.status === 403 && /approve/.test(path) ? 'You asked for this resume: a different lead must approve it.' : error.message;
      fill(status, message('error', text));
    }
  };

  const resumeForm = (view) => {
    const name = uid('missed');
    const policies = POLICIES.map(([value, label, hint], index) => {
      const id = `${name}-${value}`;
      return h('div', { class: 'choice' }, h('input', { type: 'radio', id, name, value, checked: index === 0 }), h('label', { for: id }, h('strong', {}, label), ` — ${hint}`));
    });
    const scopeName = uid('what');
    const selected = [...state.selected];
    const scopes = [
      h('div', { class: 'choice' }, h('input', { type: 'radio', id: `${scopeName}-all`, name: scopeName, value: 'all', checked: true }), h('label', { for: `${scopeName}-all` }, `Everything this pause holds (${itemCount(view.counts.total)})`)),
      h('div', { class: 'choice' }, h('input', { type: 'radio', id: `${scopeName}-some`, name: scopeName, value: 'some', disabled: selected.length === 0 }), h('label', { for: `${scopeName}-some` }, selected.length ? `Only the ${itemCount(selected.length)} selected in Review` : 'Only selected items (select them in Review)')),
    ];
    const submit = (event) => {
      event.preventDefault();
      const form = event.target;
      const missed = form.querySelector(`input[name="${name}"]:checked`).value;
      const some = form.querySelector(`input[name="${scopeName}"]:checked`).value === 'some';
      call(`/v1/pauses/${pauseId}/resume`, { missed, ...(some && { items: selected }) }, (answer) =>
        answer.outcome === 'awaiting-approval' ? 'The resume awaits a second lead.' : 'Resuming.',
      );
    };
    return h(
      'form',
      { onsubmit: submit, novalidate: true },
      h('fieldset', {}, h('legend', {}, 'What to put back'), scopes),
      h('fieldset', {}, h('legend', {}, 'Items whose time passed while suspended'), policies),
      needsApproval(view) ? h('p', {}, 'At this severity a second lead must approve the resume before anything comes back.') : null,
      h('button', { type: 'submit', class: 'primary' }, 'Resume'),
    );
  };

  const needsApproval = (view) => app.severities.find((s) => s.level === view.severity)?.resumeNeedsApproval ?? false;

  const approvalBlock = (view) => {
    const a = view.approval;
    // The lead who asked cannot approve their own request (the API refuses it too).
    const mine = a.actor.id === app.me?.id;
    return h(
      'div',
      { class: 'msg warn' },
      h('h3', {}, 'Awaiting a second lead’s approval'),
      h('p', {}, `${a.actor.name} asked at ${when(a.at)} to resume ${a.itemIds ? itemCount(a.itemIds.length) : 'the whole pause'} (missed items: ${a.missed}). The pause stays in force until another lead approves.`),
      mine
        ? h('p', {}, 'You asked for this resume: a different lead must approve it. You may withdraw it.')
        : [h('button', { type: 'button', class: 'primary', onclick: () => call(`/v1/pauses/${pauseId}/resume/approve`, {}, () => 'Approved: resuming.') }, 'Approve'), ' '],
      h('button', { type: 'button', onclick: () => call(`/v1/pauses/${pauseId}/resume/withdraw`, {}, () => 'The resume request was withdrawn.') }, 'Withdraw'),
    );
  };

  draw();
  return { onPause: draw };
}

function resumedText(view) {
  const s = view.counts.byState;
  const parts = [`${s.restored} restored`, s.drifted && `${s.drifted} changed on the platform meanwhile and left alone`, s['handed-over'] && `${s['handed-over']} handed over to another pause`, s.missed && `${s.missed} missed, waiting for a decision in Review`, s.kept && `${s.kept} kept suspended`, s.failed && `${s.failed} FAILED — retry them`];
  return `Resumed ${when(view.resumedAt)}: ${parts.filter(Boolean).join(', ')}.`;
}
