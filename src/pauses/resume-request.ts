// What asking for a resume writes, decided inside the store's change of the pause: a resume
// carried out, or one that waits for a second lead. The API's resume and a planned pause's end
// both come through here, so the two-person rule has one place.
import { draft, type AuditDraft } from '../audit/audit-entry.js';
import type { ManualConnection } from '../config/schema.js';
import { AppError } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import type { MissedPolicy, Pause, Stamp, Work } from '../domain/pause.js';
import type { PauseChange } from '../store/store.js';
import { queueWork, requestWholeResume, settle } from './pause-lifecycle.js';
import { withRestoreTasks } from './tasks.js';

type ResumeWork = Extract<Work, { kind: 'resume' }>;

const contextOf = (stamp: Stamp) => ({ actor: stamp.actor, source: stamp.source, requestId: stamp.requestId });

/** True when a whole resume was asked for already (or is done): asking again changes nothing. */
export const wholeResumeAsked = (p: Pause): boolean => p.resume !== null || p.state === 'resumed';

/**
 * The resume `work` queued, audited as requested (or as `audit` says: an approval); a whole one
 * also opens the way back on manual platforms.
 */
export function resumeChange(manual: readonly ManualConnection[], p: Pause, work: ResumeWork, stamp: Stamp, audit?: AuditDraft): Required<Pick<PauseChange, 'pause' | 'audit'>> {
  const now = new Date(stamp.at);
  const requested = audit ?? draft(contextOf(stamp), now, { action: 'pause.resume-requested', pauseId: p.id, data: { missed: work.missed, items: work.itemIds ?? 'all' } });
  if (work.itemIds) return { pause: queueWork(p, work, now), audit: [requested] };
  const withTasks = withRestoreTasks(manual, p, stamp);
  return { pause: requestWholeResume(withTasks.pause, { ...stamp, missed: work.missed }, work, now), audit: [requested, ...withTasks.audit] };
}

/**
 * Slow on: the resume only asks; the pause reads `awaiting-approval` (still in force) until
 * another lead approves it or it is withdrawn. Refused while another request awaits approval.
 */
export function approvalChange(p: Pause, itemIds: string[] | null, missed: MissedPolicy, stamp: Stamp): Required<Pick<PauseChange, 'pause' | 'audit'>> {
  if (p.approval) throw new AppError('conflict', `a resume of pause ${p.id} already awaits approval (asked by ${p.approval.actor.name} at ${p.approval.at})`, { approval: p.approval });
  const now = new Date(stamp.at);
  return {
    pause: settle({ ...p, approval: { ...stamp, id: newId('wrk'), itemIds, missed } }, now),
    audit: [draft(contextOf(stamp), now, { action: 'pause.resume-approval-requested', pauseId: p.id, data: { missed, items: itemIds ?? 'all' } })],
  };
}
