// `GET /v1/messages` as Hootsuite answers it: required startTime/endTime at most 4 weeks apart,
// optional state / socialProfileIds / limit / cursor / includeUnscheduledReviewMsgs, ascending by
// scheduled send time, cursor pagination in `metadata.cursor {next, previous}`. A page is read
// from the world's sorted index, from where the range or cursor starts: never the whole world.
import { LIST_STATE_FILTERS } from './schemas.js';
import { ERRORS, unknownProfile, validationError, type SimError } from './simulator-errors.js';
import { compareIds, type HootsuiteWorld, type SimMessage } from './simulator-world.js';

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

type Key = { at: number; id: string };

export function listMessages(world: HootsuiteWorld, query: ListQuery): ListAnswer | SimError {
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
    if (!world.profile(id)) return unknownProfile(id);
  }
  let cursor: (Key & { backwards: boolean }) | null = null;
  if (query.cursor !== undefined) {
    const match = CURSOR.exec(query.cursor);
    if (!match) return ERRORS.badCursor;
    cursor = { at: Number(match[1]), id: match[2]!, backwards: match[3] === '1' };
  }

  world.advance();
  const index = world.index(query.state);
  const profiles = new Set(query.socialProfileIds);
  // Both ends inclusive (undocumented; the adapter de-duplicates across window boundaries).
  const inRange = (m: SimMessage) => at(m) >= start && at(m) <= end;
  const matches = (m: SimMessage) => profiles.size === 0 || profiles.has(m.socialProfile.id);
  /** up to `take` matches from position `from`, walking one way while inside the range */
  const walk = (from: number, backwards: boolean, take: number): { found: SimMessage[]; last: number } => {
    const found: SimMessage[] = [];
    let i = from;
    for (; take > found.length && i >= 0 && i < index.size; i += backwards ? -1 : 1) {
      const m = index.at(i)!;
      if (!inRange(m)) break;
      if (matches(m)) found.push(m);
    }
    return { found, last: i };
  };
  const firstAfter = (key: Key) => index.lowerBound((m) => (compareKey(m, key) <= 0 ? -1 : 1));
  const firstAtOrAfter = (key: Key) => index.lowerBound((m) => (compareKey(m, key) < 0 ? -1 : 1));

  let page: SimMessage[];
  let before: number;
  let after: number;
  if (cursor?.backwards) {
    const { found, last } = walk(firstAtOrAfter(cursor) - 1, true, limit);
    page = found.reverse();
    before = last;
    after = firstAtOrAfter(cursor);
  } else {
    const from = cursor ? firstAfter(cursor) : index.lowerBound((m) => (at(m) < start ? -1 : 1));
    const { found, last } = walk(from, false, limit);
    page = found;
    before = from - 1;
    after = last;
  }
  const first = page[0];
  const lastOfPage = page.at(-1);
  return {
    data: page.map((m) => structuredClone(m)),
    metadata: {
      cursor: {
        next: lastOfPage && walk(after, false, 1).found.length > 0 ? cursorOf(lastOfPage, 0) : null,
        previous: first && walk(before, true, 1).found.length > 0 ? cursorOf(first, 1) : null,
      },
    },
  };
}

const at = (m: SimMessage): number => Date.parse(m.scheduledSendTime);

function parseTime(value: string): number | null {
  if (!ISO_8601.test(value)) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : time;
}

function cursorOf(message: SimMessage, direction: 0 | 1): string {
  return `${at(message)}:${message.id}:${direction}`;
}

function compareKey(message: SimMessage, key: Key): number {
  return at(message) - key.at || compareIds(message.id, key.id);
}
