// The button: the severity ladder as large buttons, each named by its severity and saying what
// it suspends. "Hasten slowly": a press shows the dry run first, then asks for a reason, then for
// a confirmation; only the confirm acts. Escalating the pause in force is the same gesture.
import { api } from './api.js';
import { announce, fill, h, message, uid } from './dom.js';
import { countsText, itemCount, kindsText } from './format.js';

export function renderLadder(root, app, inForce) {
  const panel = h('div', { class: 'preview' });
  const buttons = app.severities.map((severity) => {
    const described = uid('sev');
    return h(
      'li',
      {},
      h('button', { type: 'button', class: `severity sev-${severity.level}`, 'aria-describedby': described, onclick: () => preview(panel, app, severity, inForce()) }, severity.label ?? severity.name),
      h('p', { id: described, class: 'what' }, `Suspends ${kindsText(severity.kinds)}. ${severity.description ?? ''}`),
    );
  });
  if (app.me?.role === 'viewer') {
    // A viewer's key may not pause: say so here rather than after a press.
    return fill(root, h('h2', { id: 'ladder-title' }, 'Pause what goes out'), message('warn', `Signed in as ${app.me.name}, a viewer: you can follow the pauses here; pausing needs a lead's key.`));
  }
  fill(
    root,
    h('h2', { id: 'ladder-title' }, 'Pause what goes out'),
    h('p', {}, 'Pick the severity. You will see what it would suspend before anything happens.'),
    h('ul', { class: 'ladder' }, buttons),
    panel,
  );
}

async function preview(panel, app, severity, active) {
  const name = severity.label ?? severity.name;
  fill(panel, message('info', `Looking at what ${name} would suspend…`));
  let plan;
  try {
    plan = (await api('POST', '/v1/pauses', { severity: severity.level, reason: 'dry run from the console', dryRun: true })).plan;
  } catch (error) {
    return fill(panel, message('error', `The dry run failed: ${error.message}`));
  }
  const byConnection = new Map();
  for (const item of plan.items) {
    const row = byConnection.get(item.connectionId) ?? {};
    row[item.kind] = (row[item.kind] ?? 0) + 1;
    byConnection.set(item.connectionId, row);
  }
  const byKind = {};
  for (const item of plan.items) byKind[item.kind] = (byKind[item.kind] ?? 0) + 1;
  const failedListings = plan.listings.filter((l) => l.state === 'failed');
  const reasonId = uid('reason');
  const reason = h('textarea', { id: reasonId, name: 'reason', rows: 2, maxlength: 2000, required: true });
  const status = h('div', {});
  // One key per preview and reason: a double press, or a retry after a lost answer, never pauses
  // twice; a reason changed after a failure is another request, with a key of its own.
  const keys = new Map();
  const keyFor = (text) => keys.get(text) ?? keys.set(text, `console-${crypto.randomUUID()}`).get(text);

  const ask = (event) => {
    event.preventDefault();
    if (!reason.value.trim()) {
      reason.focus();
      return fill(status, message('error', 'Give a reason: it is recorded with the pause and shown to everyone.'));
    }
    const confirm = h('button', { type: 'button', class: 'primary danger', onclick: () => act(confirm) }, 'Confirm');
    fill(
      status,
      h(
        'div',
        { class: 'confirm', role: 'alertdialog', 'aria-label': `Confirm the pause at ${name}` },
        h('p', {}, h('strong', {}, `Suspend ${plan.total ? itemCount(plan.total) : 'everything in scope'} now at ${name}?`), ` Reason: “${reason.value.trim()}”.`),
        confirm,
        ' ',
        h('button', { type: 'button', onclick: () => fill(status) }, 'Cancel'),
      ),
    );
    confirm.focus();
  };

  const act = async (button) => {
    button.disabled = true;
    try {
      const text = reason.value.trim();
      const answer = await api('POST', '/v1/pauses', { severity: severity.level, reason: text }, { idempotencyKey: keyFor(text) });
      app.update(answer.pause);
      announce(`${name}: ${answer.outcome}. Suspending.`);
      location.hash = `#/pauses/${answer.pause.id}/review`;
    } catch (error) {
      button.disabled = false;
      fill(status, message('error', `Nothing was paused: ${error.message}`));
    }
  };

  fill(
    panel,
    h('h3', {}, `Dry run: ${name}`),
    h('p', { class: 'big' }, plan.total ? `Would suspend ${countsText(byKind)}.` : 'Nothing live to suspend right now on the connections in scope.'),
    active ? escalationNote(active, severity) : null,
    plan.items.length ? connectionTable(byConnection) : null,
    failedListings.map((l) => message('error', `Could not list ${l.kind}s on ${l.connectionId}: ${l.error?.message ?? 'unknown error'}. A pause could not suspend them either.`)),
    plan.tasks.length ? message('warn', `${plan.tasks.length} platform${plan.tasks.length > 1 ? 's have' : ' has'} no API: a person must pause them by hand (${plan.tasks.map((t) => t.title).join('; ')}).`) : null,
    h(
      'form',
      { onsubmit: ask, novalidate: true },
      h('label', { for: reasonId }, 'Reason'),
      reason,
      h('button', { type: 'submit', class: 'primary' }, 'Pause'),
    ),
    status,
  );
  reason.focus();
}

function escalationNote(active, severity) {
  if (severity.level > active.severity) return message('warn', `A pause at ${active.severityName} is in force: this escalates it to ${severity.label ?? severity.name} (same pause), adding ${kindsText(severity.kinds.filter((k) => !active.kinds.includes(k)))}.`);
  return message('info', `A pause at ${active.severityName} is already in force: this joins it and suspends nothing more.`);
}

function connectionTable(byConnection) {
  const kinds = [...new Set([...byConnection.values()].flatMap((row) => Object.keys(row)))];
  return h(
    'table',
    { class: 'counts' },
    h('caption', {}, 'By connection'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Connection'), kinds.map((k) => h('th', { scope: 'col' }, `${k}s`)))),
    h('tbody', {}, [...byConnection].map(([id, row]) => h('tr', {}, h('th', { scope: 'row' }, id), kinds.map((k) => h('td', {}, row[k] ?? 0))))),
  );
}
