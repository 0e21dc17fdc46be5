// The playbook beside the pause: its steps for people by severity and owner, each ticked with a
// note (who and when are recorded by the service), the manual-platform tasks, the pre-approved
// holding statements ready to copy, and the plan's contacts and rules from GET /v1/runbook.
import { api, ApiError } from './api.js';
import { announce, fill, h, message } from './dom.js';
import { when } from './format.js';

export function renderPlaybook(root, app, pauseId) {
  const heading = root.firstChild;
  const steps = h('div', {});
  const tasks = h('div', {});
  const plan = h('div', {});
  fill(root, heading, steps, tasks, plan);

  const loadSteps = async () => {
    try {
      drawSteps(steps, await api('GET', `/v1/pauses/${pauseId}/playbook`), pauseId, loadSteps);
    } catch (error) {
      fill(steps, error instanceof ApiError && error.status === 404 ? message('info', 'Playbook not available: this service has no playbook for pauses yet. The manual tasks below still apply.') : message('error', `The playbook cannot be read: ${error.message}`));
    }
  };
  const loadTasks = async () => {
    try {
      drawTasks(tasks, (await api('GET', `/v1/pauses/${pauseId}/tasks`)).data, pauseId, loadTasks);
    } catch (error) {
      fill(tasks, message('error', `The tasks cannot be read: ${error.message}`));
    }
  };
  const loadPlan = async () => {
    try {
      drawPlan(plan, await api('GET', '/v1/runbook'));
    } catch (error) {
      fill(plan, error instanceof ApiError && error.status === 404 ? null : message('error', `The crisis plan cannot be read: ${error.message}`));
    }
  };
  void loadSteps();
  void loadTasks();
  void loadPlan();
  return {};
}

/** A tick with an optional note; the service records who and when. */
function tick(label, onDone) {
  const note = h('input', { type: 'text', maxlength: 2000, 'aria-label': `Note for ${label} (optional)`, placeholder: 'note (optional)' });
  const status = h('span', {});
  const done = async () => {
    try {
      await onDone(note.value.trim());
      announce(`${label}: done.`);
    } catch (error) {
      fill(status, message('error', error.message));
    }
  };
  return h('div', { class: 'tick' }, note, h('button', { type: 'button', onclick: done }, `Done: ${label}`), status);
}

function drawSteps(root, playbook, pauseId, reload) {
  const owners = new Map();
  for (const step of playbook.steps) owners.set(step.owner.id, [...(owners.get(step.owner.id) ?? []), step]);
  fill(
    root,
    openLine(playbook),
    [...owners.values()].map((list) =>
      h(
        'section',
        { class: 'owner' },
        h('h3', {}, `${list[0].owner.title}: ${list[0].owner.people.map((p) => p.name).join(', ') || 'nobody named'}`),
        h(
          'ol',
          {},
          list.map((step) =>
            h(
              'li',
              { class: step.done ? 'done' : 'open' },
              h('strong', {}, step.title),
              ` (from severity ${step.fromSeverity})`,
              step.detail ? h('p', {}, step.detail) : null,
              step.contacts.length ? h('ul', { class: 'small contacts', 'aria-label': `Contacts for ${step.title}` }, step.contacts.map((c) => h('li', {}, contactLine(c)))) : null,
              step.done
                ? h('p', { class: 'msg ok' }, `✓ Done by ${step.done.by}, ${when(step.done.at)}${step.done.note ? ` — ${step.done.note}` : ''}`)
                : tick(step.title, async (note) => {
                    await api('POST', `/v1/pauses/${pauseId}/playbook/${step.id}/done`, note ? { note } : {});
                    await reload();
                  }),
            ),
          ),
        ),
      ),
    ),
    playbook.statements?.length ? statements(playbook.statements) : null,
  );
}

/** `open` counts the steps not done and the manual tasks still open: both are said. */
function openLine(playbook) {
  const steps = playbook.steps.filter((s) => !s.done).length;
  const tasks = playbook.open - steps;
  if (playbook.open === 0) return h('p', { class: 'msg ok' }, 'Every step is done.');
  const parts = [steps && `${steps} step${steps > 1 ? 's' : ''}`, tasks && `${tasks} manual task${tasks > 1 ? 's' : ''}`].filter(Boolean);
  return h('p', { class: 'msg warn' }, `${parts.join(' and ')} still open.`);
}

function drawTasks(root, list, pauseId, reload) {
  fill(
    root,
    h('h3', {}, 'Manual platforms'),
    list.length === 0
      ? h('p', {}, 'No platform here needs pausing by hand.')
      : h(
          'ul',
          { class: 'tasks' },
          list.map((task) =>
            h(
              'li',
              { class: task.state },
              h('strong', {}, task.title),
              ` — ${task.state}`,
              h('ol', {}, task.steps.map((s) => h('li', {}, s))),
              task.state === 'open'
                ? tick(task.title, async (note) => {
                    await api('POST', `/v1/pauses/${pauseId}/tasks/${task.id}/done`, note ? { note } : {});
                    await reload();
                  })
                : task.closed ? h('p', { class: 'small' }, `by ${task.closed.actor?.name ?? 'someone'}, ${when(task.closed.at)}${task.closed.note ? ` — ${task.closed.note}` : ''}`) : null,
            ),
          ),
        ),
  );
}

function statements(list) {
  return h(
    'section',
    {},
    h('h3', {}, 'Holding statements (pre-approved)'),
    list.map((s) => {
      const text = h('p', { class: 'statement' }, s.text);
      const copied = h('span', { 'aria-live': 'polite' });
      const copy = async () => {
        try {
          await navigator.clipboard.writeText(s.text);
          fill(copied, ' Copied.');
        } catch {
          getSelection()?.selectAllChildren(text);
          fill(copied, ' Selected: press Ctrl+C (⌘C) to copy.');
        }
      };
      return h('div', { class: 'card' }, h('h4', {}, s.title), text, s.image ? h('p', { class: 'small' }, `Image: ${s.image}`) : null, h('button', { type: 'button', onclick: copy }, `Copy “${s.title}”`), copied);
    }),
  );
}

const contactLine = (c) =>
  h('span', { class: 'contact' }, `${c.name} (${c.team})`, c.phone ? [' ', h('a', { href: `tel:${c.phone}` }, c.phone)] : null, c.email ? [' ', h('a', { href: `mailto:${c.email}` }, c.email)] : null, c.note ? ` — ${c.note}` : null);

function drawPlan(root, plan) {
  const list = (title, items) => (items?.length ? h('section', {}, h('h3', {}, title), h('ul', {}, items.map((i) => h('li', {}, i)))) : null);
  fill(
    root,
    plan.scale?.length ? h('section', {}, h('h3', {}, 'Severity scale'), h('dl', {}, plan.scale.map((r) => [h('dt', {}, `Severity ${r.severity}`), h('dd', {}, r.means)]))) : null,
    plan.roles?.length
      ? h('section', {}, h('h3', {}, 'Roles'), h('ul', {}, plan.roles.map((r) => h('li', {}, h('strong', {}, r.title), ` (${r.people.map((p) => p.name).join(', ') || 'nobody named'}): ${r.responsibilities}`))))
      : null,
    plan.contacts?.length ? h('section', {}, h('h3', {}, 'Contacts'), h('ul', {}, plan.contacts.map((c) => h('li', {}, contactLine(c))))) : null,
    list('Message approval path', plan.approvalPath),
    list('Internal communication', plan.internalCommunication),
    list('Netiquette', plan.netiquette),
    list('Keep monitoring', plan.monitoring),
  );
}
