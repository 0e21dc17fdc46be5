// The pause state machine: a pause's state follows from its stored pending work and whether a
// whole resume was asked for, and every change goes through `settle`, checked against the table.
import type { Pause, PauseState, ResumeRecord, Work } from '../domain/pause.js';

/** From each state, the states a pause may move to. */
export const PAUSE_TRANSITIONS: Readonly<Record<PauseState, readonly PauseState[]>> = {
  // started by the service (its suspend work queued), cancelled, or joined into the pause in force
  planned: ['suspending', 'cancelled', 'joined'],
  suspending: ['active', 'resuming', 'awaiting-approval'],
  active: ['suspending', 'resuming', 'awaiting-approval'],
  // approved: resuming; withdrawn: active; an escalation meanwhile: suspending
  'awaiting-approval': ['resuming', 'active', 'suspending'],
  // a partial resume or a release ends back in force, and may be followed by an escalation
  resuming: ['active', 'resumed', 'suspending', 'awaiting-approval'],
  // only a retry of failed restores or a release of a held item wakes a resumed pause
  resumed: ['resuming'],
  cancelled: [],
  joined: [],
};

export class IllegalPauseTransition extends Error {
  constructor(pause: Pause, to: PauseState) {
    super(`pause ${pause.id} cannot go from ${pause.state} to ${to}`);
    this.name = 'IllegalPauseTransition';
  }
}

/**
 * The state the stored work calls for: `suspending` or `resuming` while any work is pending or
 * running, by what runs first; once a whole resume is asked for, everything left is putting back.
 */
export function stateCalledFor(pause: Pick<Pause, 'work' | 'resume' | 'approval'>): PauseState {
  const first = pause.work[0];
  if (!first) return pause.resume ? 'resumed' : pause.approval ? 'awaiting-approval' : 'active';
  if (pause.resume) return 'resuming';
  switch (first.kind) {
    case 'suspend':
    case 'escalate':
    case 'retry':
      return 'suspending';
    case 'resume':
    case 'release':
      return 'resuming';
  }
}

/** The pause in the state its work calls for, the move checked against the table. */
export function settle(pause: Pause, now: Date): Pause {
  const state = stateCalledFor(pause);
  const at = now.toISOString();
  if (state === pause.state) return { ...pause, updatedAt: at };
  if (!PAUSE_TRANSITIONS[pause.state].includes(state)) throw new IllegalPauseTransition(pause, state);
  return {
    ...pause,
    state,
    updatedAt: at,
    ...(state === 'active' && pause.state === 'suspending' && { activeAt: at }),
    ...(state === 'resumed' && { resumedAt: at }),
  };
}

/** A planned pause that never starts on its own: cancelled, or joined into the pause in force. */
export function closePlan(pause: Pause, to: 'cancelled' | 'joined', now: Date): Pause {
  if (!PAUSE_TRANSITIONS[pause.state].includes(to)) throw new IllegalPauseTransition(pause, to);
  return { ...pause, state: to, updatedAt: now.toISOString() };
}

export const queueWork = (pause: Pause, work: Work, now: Date): Pause => settle({ ...pause, work: [...pause.work, work] }, now);

/** A whole resume: recorded with its work in the same write, so a crash cannot lose either. */
export const requestWholeResume = (pause: Pause, record: ResumeRecord, work: Work, now: Date): Pause =>
  settle({ ...pause, resume: record, work: [...pause.work, work] }, now);

export const startWork = (pause: Pause, workId: string, now: Date): Pause => ({
  ...pause,
  work: pause.work.map((w) => (w.id === workId ? { ...w, startedAt: now.toISOString() } : w)),
});

export const finishWork = (pause: Pause, workId: string, now: Date): Pause =>
  settle({ ...pause, work: pause.work.filter((w) => w.id !== workId) }, now);
