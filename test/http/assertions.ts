// Shared checks for the HTTP suites: the one error shape, and "a refused request changed nothing".
import { expect } from 'vitest';
import { onDisk } from '../../src/store/lowdb/on-disk.js';
import type { Harness } from '../support/service.js';

export type Reply = Awaited<ReturnType<Harness['call']>>;

/** What a stack trace or a leaked source path looks like in a response. */
const STACK = /\n\s+at\s|\bat (?:\S+ \()?(?:file:|node:|\/)[^\s)]*:\d+:\d+|\.[cm]?[jt]s:\d+|node_modules/;

/** Asserts the status and `{"error": {code, message, details?}}` exactly; returns `error`. */
export function expectError(reply: Reply, status: number, code: string) {
  expect(reply.status, reply.text).toBe(status);
  expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
  expect(Object.keys(reply.body)).toEqual(['error']);
  const error = reply.body.error as { code: string; message: string; details?: unknown };
  expect(Object.keys(error).every((k) => ['code', 'message', 'details'].includes(k)), JSON.stringify(error)).toBe(true);
  expect(error.code).toBe(code);
  expect(typeof error.message).toBe('string');
  expect(error.message.length).toBeGreaterThan(0);
  expect(reply.text).not.toMatch(STACK);
  return error;
}

/** Everything a request could change: platforms, stored pauses and items, audit, what is on disk. */
export async function worldOf(h: Harness) {
  await h.service.pauses.idle();
  await h.store.flush();
  const pauses = (await h.store.listPauses({ limit: 100_000 })).data;
  const items = (await Promise.all(pauses.map((p) => h.store.itemsOfPause(p.id)))).flat();
  const audit = (await h.store.listAudit({ limit: 100_000 })).data;
  const platformWrites = Object.fromEntries(
    [...h.sandbox.simulators].map(([id, s]) => [id, s.requests.filter((r) => r.method !== 'GET').length]),
  );
  return {
    platforms: h.state(),
    platformWrites,
    pauses: structuredClone(pauses),
    items: structuredClone(items),
    audit: structuredClone(audit),
    onDisk: onDisk(h.dataDir),
  };
}
export type World = Awaited<ReturnType<typeof worldOf>>;

/**
 * Asserts nothing changed since `before`. A refused API key is the one thing that is audited
 * (invariant 7: login failures), so 401s may add `auth.failed` entries and nothing else.
 */
export async function expectUnchanged(h: Harness, before: World, options: { authFailures?: number } = {}) {
  const after = await worldOf(h);
  expect(after.platforms).toEqual(before.platforms);
  expect(after.platformWrites).toEqual(before.platformWrites);
  expect(after.pauses).toEqual(before.pauses);
  expect(after.items).toEqual(before.items);
  expect(after.onDisk).toEqual(before.onDisk);
  expect(after.audit.slice(0, before.audit.length)).toEqual(before.audit);
  const added = after.audit.slice(before.audit.length);
  expect(added.map((e) => e.action)).toEqual(Array(options.authFailures ?? 0).fill('auth.failed'));
  return added;
}
