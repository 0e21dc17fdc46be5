// `GET /v1/messages` as Hootsuite answers it: required startTime/endTime at most 4 weeks apart,
// optional state / socialProfileIds / limit / cursor / includeUnscheduledReviewMsgs, ascending by
// scheduled send time, cursor pagination in `metadata.cursor {next, previous}`.
import { LIST_STATE_FILTERS } from './schemas.js';
import { ERRORS, unknownProfile, validationError, type SimError } from './simulator-errors.js';
import { compareIds, compareMessages, type SimMessage, type SimulatorStore } from './simulator-store.js';

const FOUR_WEEKS_MS = 28 * 24 * 60 * 60 * 1000;
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 100;
// ISO-8601 with a time zone designator; a bare local time is ambiguous and refused.
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
// The spec's example cursor: 1577887200000:4138476039:0 (time in ms : message id : direction).
const CURSOR = /^(\d{1,15}):(\d{1,20}):([01])$/;

export interface ListQuery {
  startTime?: string | undefined;
  endTime?: string | undefined;
  state?: string | undefined;
  socialProfileIds: string[];
  limit?: string | undefined;
  cursor?: string | undefined;
  includeUnscheduledReviewMsgs?: string | undefined;
}

export interface ListAnswer {
  data: SimMessage[];
  metadata: { cursor: { next: string | null; previous: string | null } };
}

export function listMessages(store: SimulatorStore, query: ListQuery): ListAnswer | SimError {
  if (!query.startTime) return validationError('startTime is required');
  if (!query.endTime) return validationError('endTime is required');
  const start = parseTime(query.startTime);
  const end = parseTime(query.endTime);
  if (start === null) return validationError('startTime must be an ISO-8601 date');
  if (end === null) return validationError('endTime must be an ISO-8601 date');
  if (end < start) return validationError('endTime must not be before startTime');
  if (end - start > FOUR_WEEKS_MS) return ERRORS.rangeTooLarge;
  if (query.state !== undefined && !(LIST_STATE_FILTERS as readonly string[]).includes(query.state)) return ERRORS.stateFilter;
  if (query.includeUnscheduledReviewMsgs !== undefined && !['true', 'false'].includes(query.includeUnscheduledReviewMsgs)) {
    return ERRORS.badReviewFlag;
  }
  const limit = query.limit === undefined ? DEFAULT_LIMIT : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return validationError(`limit must be 1 to ${MAX_LIMIT}`);
  for (const id of query.socialProfileIds) {
    if (!/^\d+$/.test(id)) return validationError('socialProfileIds must be integers');
    if (!store.profiles.has(id)) return unknownProfile(id);
  }
  let cursor: { at: number; id: string; backwards: boolean } | null = null;
  if (query.cursor !== undefined) {
    const match = CURSOR.exec(query.cursor);
    if (!match) return ERRORS.badCursor;
    cursor = { at: Number(match[1]), id: match[2]!, backwards: match[3] === '1' };
  }

  const profiles = new Set(query.socialProfileIds);
  // Both ends inclusive (undocumented; the adapter de-duplicates across window boundaries).
  const matching = store
    .all()
    .filter((m) => {
      const at = Date.parse(m.scheduledSendTime);
      return at >= start && at <= end;
    })
    .filter((m) => query.state === undefined || m.state === query.state)
    .filter((m) => profiles.size === 0 || profiles.has(m.socialProfile.id))
    .sort(compareMessages);

  let from = 0;
  let to = Math.min(limit, matching.length);
  if (cursor) {
    const key = cursor;
    const after = matching.findIndex((m) => compareKey(m, key) > 0);
    const firstAfter = after === -1 ? matching.length : after;
    if (key.backwards) {
      const before = matching.findIndex((m) => compareKey(m, key) >= 0);
      to = before === -1 ? matching.length : before;
      from = Math.max(0, to - limit);
    } else {
      from = firstAfter;
      to = Math.min(from + limit, matching.length);
    }
  }
  const page = matching.slice(from, to);
  const first = page[0];
  const last = page[page.length - 1];
  return {
    data: page.map((m) => structuredClone(m)),
    metadata: {
      cursor: {
        next: last && to < matching.length ? cursorOf(last, 0) : null,
        previous: first && from > 0 ? cursorOf(first, 1) : null,
      },
    },
  };
}

function parseTime(value: string): number | null {
  if (!ISO_8601.test(value)) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : at;
}

function cursorOf(message: SimMessage, direction: 0 | 1): string {
  return `${Date.parse(message.scheduledSendTime)}:${message.id}:${direction}`;
}

function compareKey(message: SimMessage, key: { at: number; id: string }): number {
  return Date.parse(message.scheduledSendTime) - key.at || compareIds(message.id, key.id);
}
