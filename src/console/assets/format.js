// Words for what the API answers: kinds, counts, states, times, progress.

const KIND_WORDS = { post: ['post', 'posts'], ad: ['ad', 'ads'], email: ['email', 'emails'] };

export const plural = (n, [one, many]) => `${n} ${n === 1 ? one : many}`;
export const kindCount = (kind, n) => plural(n, KIND_WORDS[kind] ?? [kind, kind + 's']);
export const itemCount = (n) => plural(n, ['item', 'items']);

/** ['post', 'ad'] → "posts and ads" */
export function kindsText(kinds) {
  const words = kinds.map((k) => (KIND_WORDS[k] ?? [k, k])[1]);
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** {post: 3, ad: 2} → "3 posts, 2 ads" (nothing: "nothing") */
export function countsText(byKind) {
  const parts = Object.entries(byKind ?? {}).filter(([, n]) => n > 0).map(([kind, n]) => kindCount(kind, n));
  return parts.length ? parts.join(', ') : 'nothing';
}

export function when(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function since(iso) {
  const minutes = Math.round((Date.now() - new Date(iso).getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h ${minutes % 60} min ago` : when(iso);
}

export const STATE_WORDS = {
  suspending: 'Suspending…',
  active: 'In force',
  'awaiting-approval': 'In force — resume awaits approval',
  resuming: 'Resuming…',
  resumed: 'Resumed',
  planned: 'Planned',
  cancelled: 'Cancelled before it started',
  joined: 'Started by joining the pause in force',
};

/**
 * How far the pause's work is: items still to suspend (planned) and, once resuming, items still
 * to put back (suspended). `failed` is counted apart: done, but never success.
 */
export function progress(view) {
  const s = view.counts.byState;
  const total = view.counts.total;
  const remaining = s.planned + (view.state === 'resuming' ? s.suspended : 0);
  const running = view.work.length > 0;
  return { total, done: total - remaining, failed: s.failed, running, fraction: total ? (total - remaining) / total : running ? 0 : 1 };
}

/** One line that never reads as success while something failed or is still open. */
export function outcomeText(view) {
  const p = progress(view);
  const { listings, items } = view.failures;
  if (listings + items > 0) {
    const what = [items && `${itemCount(items)} failed`, listings && `${plural(listings, ['listing', 'listings'])} failed (items there may still go out)`].filter(Boolean);
    return { kind: 'error', text: `${p.running ? 'Working, but' : 'Incomplete:'} ${what.join('; ')}.` };
  }
  if (p.running) return { kind: 'info', text: `${view.state === 'resuming' ? 'Putting back' : 'Suspending'}: ${p.done} of ${p.total} done.` };
  if (view.taskCounts.open > 0) return { kind: 'warn', text: `Done by the service; ${plural(view.taskCounts.open, ['task', 'tasks'])} for people still open.` };
  const verb = view.state === 'resumed' ? 'restored or settled' : 'suspended';
  return { kind: 'ok', text: `Done: ${p.done} of ${itemCount(p.total)} ${verb}.` };
}
