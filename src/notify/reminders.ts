// "Do not lower your guard": while a pause stays in force, people are reminded of it every
// reminderHours. Decided from the stored pause and the stored count of reminders sent, so a
// restart keeps the rhythm.
import { inForce, type Pause } from '../domain/pause.js';
import type { Notice } from './notices.js';

/** Pauses whose next reminder is due: the n-th falls n × reminderHours after it became active. */
export function dueReminders(pauses: readonly Pause[], sent: Readonly<Record<string, number>>, reminderHours: number, now: Date) {
  const period = reminderHours * 3_600_000;
  const reminders: Record<string, number> = {};
  const due: Notice[] = [];
  for (const pause of pauses) {
    if (!inForce(pause) || pause.activeAt === null) continue;
    const last = sent[pause.id] ?? 0;
    // After a long stop only the latest reminder goes out: no burst of stale ones.
    const n = Math.floor((now.getTime() - Date.parse(pause.activeAt)) / period);
    if (Math.max(n, last) > 0) reminders[pause.id] = Math.max(n, last);
    if (n > last)
      due.push({ event: 'pause.reminder', pauseId: pause.id, at: now.toISOString(), actor: 'crisis-pause', source: 'system', detail: { reminder: n, hours: n * reminderHours } });
  }
  return { due, reminders };
}
