import type { NotifyEvent } from '../domain/delivery.js';
import type { Notice } from './notices.js';
import type { PauseSummary } from './pause-summary.js';

const hoursSince = (from: string | null, to: string): number => (from === null ? 0 : Math.floor((Date.parse(to) - Date.parse(from)) / 3_600_000));

/** One line that says what happened: Slack's header and text fallback, and a webhook's `title`. */
export function headline(notice: Notice, pause: PauseSummary | null): string {
  const severity = pause ? ` — ${pause.severityName} (severity ${pause.severity})` : '';
  const titles: Record<NotifyEvent, () => string> = {
    'pause.planned': () => `Pause planned from ${String(notice.detail.startsAt)}${notice.detail.endsAt ? ` to ${String(notice.detail.endsAt)}` : ''}`,
    'pause.plan-cancelled': () => 'Planned pause cancelled before it started',
    'pause.plan-started': () =>
      notice.detail.outcome === 'created' ? 'Planned pause started' : `Planned pause started: it ${String(notice.detail.outcome)} the pause in force ${String(notice.detail.joinedPauseId)}`,
    'pause.created': () => 'Pause requested',
    'pause.active': () => (notice.detail.complete === false ? 'Pause in force, with failures' : 'Pause in force'),
    'pause.escalated': () => `Pause escalated from ${String(notice.detail.from)}`,
    'items.failed': () => 'Items failed',
    'resume.requested': () => 'Resume requested',
    'resume.approval-requested': () => "Resume awaits a second lead's approval",
    'resume.approved': () => 'Resume approved',
    'pause.resumed': () => (notice.detail.complete === false ? 'Pause resumed, with failures' : 'Pause resumed'),
    'incident.resolved': () => 'PagerDuty incident resolved: pauses stay until a person resumes them',
    'pause.reminder': () => `Still paused after ${hoursSince(pause?.activeAt ?? null, notice.at)} h: do not lower your guard`,
  };
  return titles[notice.event]() + severity;
}
