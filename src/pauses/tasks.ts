// The tasks a pause carries for people on manual connections: opened with the pause (and with an
// escalation that reaches more of what a manual platform publishes), the way back opened by the
// whole resume, each ticked off by a person. All are decided inside the write that changes the
// pause, so a crash cannot lose or double one.
import type { Kind } from '../../adapters/types.js';
import { draft, type AuditDraft } from '../audit/audit-entry.js';
import type { ManualConnection } from '../config/schema.js';
import type { RequestContext } from '../domain/actor.js';
import { AppError, notFound } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import type { Pause, Stamp } from '../domain/pause.js';
import type { Task } from '../domain/task.js';

const NOUNS: Record<Kind, string> = { post: 'posts', ad: 'ads', email: 'emails' };

/** "all publishing" when the task covers all the platform carries, else "posts and ads". */
function what(kinds: readonly Kind[], m: ManualConnection): string {
  if (m.kinds.every((k) => kinds.includes(k))) return 'all publishing';
  return kinds.map((k) => NOUNS[k]).join(' and ');
}

const opened = (ctx: RequestContext, now: Date, pauseId: string, task: Task): AuditDraft =>
  draft(ctx, now, { action: 'task.opened', pauseId, data: { taskId: task.id, connectionId: task.connectionId, direction: task.direction, title: task.title } });

/** The suspend tasks `kinds` call for on the pause's manual connections, beside those it has. */
export function suspendTasks(manual: readonly ManualConnection[], pause: Pick<Pause, 'manualIds' | 'tasks'>, kinds: readonly Kind[], at: string): Task[] {
  return manual
    .filter((m) => pause.manualIds.includes(m.id))
    .flatMap((m) => {
      const held = new Set(pause.tasks.filter((t) => t.connectionId === m.id && t.direction === 'suspend').flatMap((t) => t.kinds));
      const added = m.kinds.filter((k) => kinds.includes(k) && !held.has(k));
      if (added.length === 0) return [];
      const title = `Pause ${what(added, m)} in ${m.platform} for ${m.brand}${m.owner ? ` (${m.owner})` : ''}`;
      return [{ id: newId('tsk'), connectionId: m.id, direction: 'suspend', kinds: added, title, steps: [...m.steps.suspend], state: 'open', createdAt: at, closed: null } satisfies Task];
    });
}

/** The pause with new suspend tasks for `kinds`, and their audit entries. */
export function withSuspendTasks(manual: readonly ManualConnection[], pause: Pause, kinds: readonly Kind[], ctx: RequestContext, now: Date) {
  const added = suspendTasks(manual, pause, kinds, now.toISOString());
  return { pause: { ...pause, tasks: [...pause.tasks, ...added] }, audit: added.map((t) => opened(ctx, now, pause.id, t)) };
}

/**
 * A whole resume: the way back for each platform a person paused, and a suspend task nobody did
 * is closed as skipped — there is nothing to put back there.
 */
export function withRestoreTasks(manual: readonly ManualConnection[], pause: Pause, stamp: Stamp) {
  const now = new Date(stamp.at);
  const ctx = { actor: stamp.actor, source: stamp.source, requestId: stamp.requestId };
  const audit: AuditDraft[] = [];
  const tasks = pause.tasks.map((t): Task => {
    if (t.direction !== 'suspend' || t.state !== 'open') return t;
    const note = 'the pause was resumed before this was done: there is nothing to put back';
    audit.push(draft(ctx, now, { action: 'task.skipped', pauseId: pause.id, data: { taskId: t.id, connectionId: t.connectionId, reason: note } }));
    return { ...t, state: 'skipped', closed: { ...stamp, note } };
  });
  const restored = new Set(tasks.filter((t) => t.direction === 'restore').map((t) => t.connectionId));
  for (const t of tasks.filter((t) => t.direction === 'suspend' && t.state === 'done' && !restored.has(t.connectionId))) {
    const m = manual.find((x) => x.id === t.connectionId);
    const kinds = [...new Set(tasks.filter((x) => x.connectionId === t.connectionId && x.direction === 'suspend' && x.state === 'done').flatMap((x) => x.kinds))];
    const title = m ? `Resume ${what(kinds, m)} in ${m.platform} for ${m.brand}${m.owner ? ` (${m.owner})` : ''}` : `Resume what was paused by hand on ${t.connectionId}`;
    const steps = m ? [...m.steps.restore] : ['Put back by hand what was paused there (the connection is no longer configured).'];
    const task: Task = { id: newId('tsk'), connectionId: t.connectionId, direction: 'restore', kinds, title, steps, state: 'open', createdAt: stamp.at, closed: null };
    tasks.push(task);
    restored.add(t.connectionId);
    audit.push(opened(ctx, now, pause.id, task));
  }
  return { pause: { ...pause, tasks }, audit };
}

/** A person ticks a task off: done (with an optional note) or skipped (with a reason). */
export function closeTask(pause: Pause, taskId: string, state: 'done' | 'skipped', stamp: Stamp, note: string | null) {
  const task = pause.tasks.find((t) => t.id === taskId);
  if (!task) throw notFound('task', taskId);
  if (task.state !== 'open') throw new AppError('conflict', `task ${taskId} is already ${task.state}`, { task });
  const closed: Task = { ...task, state, closed: { ...stamp, note } };
  const ctx = { actor: stamp.actor, source: stamp.source, requestId: stamp.requestId };
  const data = { taskId, connectionId: task.connectionId, direction: task.direction, ...(note !== null && { [state === 'done' ? 'note' : 'reason']: note }) };
  return {
    task: closed,
    pause: { ...pause, tasks: pause.tasks.map((t) => (t.id === taskId ? closed : t)), updatedAt: stamp.at },
    audit: [draft(ctx, new Date(stamp.at), { action: state === 'done' ? 'task.done' : 'task.skipped', pauseId: pause.id, data })],
  };
}

export const openTasks = (pause: Pick<Pause, 'tasks'>): number => pause.tasks.filter((t) => t.state === 'open').length;
