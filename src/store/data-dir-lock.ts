import { randomBytes } from 'node:crypto';
import { link, open, readFile, readlink, rm, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

// One service per data directory: two writing the same file would lose each other's changes.
//
// A pid alone does not say who holds a lock: in a container the service is PID 1, so a restarted
// container's PID 1 equals the one that left the lock, and two containers sharing a volume are
// both PID 1. The lock file says who holds it (pid, host name, pid namespace, boot, the process's
// start) and the holder touches it every few seconds. A lock is taken over only when its holder
// is provably dead (same host, same pid namespace, and that pid is gone, reused, or ours), or
// when its heartbeat has stopped for `staleMs`; never while it is fresh on another host.

export const LOCK_FILE = '.lock';

export interface LockHolder {
  pid: number;
  hostname: string;
  /** Linux: /proc/self/ns/pid; two containers on one host differ here */
  pidNamespace: string | null;
  /** Linux: changes at every boot, so a lock from before a reboot is dead whatever its pid */
  bootId: string | null;
  /** Linux: the process's start in clock ticks since boot; tells a reused pid from its holder */
  processStart: string | null;
  startedAt: string;
  /** this lock's own id: the heartbeat checks the file still holds it */
  token: string;
}

export interface LockOptions {
  heartbeatMs?: number;
  staleMs?: number;
  /**
   * A fresh lock of another host or container is watched instead of refused at once: refused as
   * soon as its heartbeat goes on, taken over once it has been silent for `staleMs`. This is what
   * lets a container killed without releasing its lock be replaced without a person.
   */
  waitForStale?: { pollMs?: number; onWait?: (message: string) => void };
  /** the lock file was taken or removed by someone else: stop writing to the directory */
  onLost?: (reason: string) => void;
}

export class DataDirLockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataDirLockedError';
  }
}

const HEARTBEAT_MS = 5_000;
const STALE_MS = 30_000;
/** Lock files this process holds: its own lock carries its own pid, which alone would read as "dead, take it". */
const heldHere = new Set<string>();

/** Takes the lock on `dataDir`; resolves with the function that releases it. */
export async function lockDataDir(dataDir: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  const file = path.join(dataDir, LOCK_FILE);
  const staleMs = options.staleMs ?? STALE_MS;
  if (heldHere.has(file)) throw new DataDirLockedError(`${dataDir} is already in use by this process`);
  const me = await describeSelf();
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await create(file, me)) return hold(file, me, options);
    const seen = await readLock(file);
    if (!seen) continue; // released between our two steps: try again
    const verdict = await judge(dataDir, seen, me, staleMs);
    if (verdict.kind === 'held') throw new DataDirLockedError(verdict.message);
    if (verdict.kind === 'fresh') {
      if (!options.waitForStale) throw new DataDirLockedError(verdict.message);
      options.waitForStale.onWait?.(`waiting up to ${Math.ceil((staleMs - seen.ageMs) / 1000)} s: ${verdict.message}`);
      const change = await watch(file, seen, staleMs, options.waitForStale.pollMs ?? 500);
      if (change === 'heartbeat') throw new DataDirLockedError(verdict.message);
      if (change === 'replaced') continue;
    }
    // Taken over only if it is still the lock we judged, not one a third process just made.
    if ((await readLock(file))?.raw === seen.raw) await rm(file, { force: true });
  }
  throw new DataDirLockedError(`${dataDir} could not be locked: other processes keep taking it`);
}

interface Seen {
  raw: string;
  holder: LockHolder | null;
  mtimeMs: number;
  ageMs: number;
}

/**
 * `take`: its holder is provably dead, or silent for `staleMs`. `held`: its holder lives on this
 * host. `fresh`: a holder we cannot see (another host or container, or an unreadable lock) that
 * was alive a moment ago.
 */
type Verdict = { kind: 'take' } | { kind: 'held' | 'fresh'; message: string };

async function judge(dataDir: string, seen: Seen, me: LockHolder, staleMs: number): Promise<Verdict> {
  const { holder } = seen;
  // On this host (same namespace, same boot) the holder's life is known, whatever the file's age.
  if (holder && sameSpace(holder, me)) {
    if (holder.pid === me.pid || !isAlive(holder.pid)) return { kind: 'take' };
    const start = await processStart(holder.pid);
    if (holder.processStart !== null && start !== null && start !== holder.processStart) return { kind: 'take' }; // the pid was reused
    return { kind: 'held', message: `${dataDir} is in use by process ${holder.pid} on ${holder.hostname} (since ${holder.startedAt}); stop it or use another DATA_DIR` };
  }
  if (seen.ageMs > staleMs) return { kind: 'take' };
  const age = `${Math.round(seen.ageMs / 1000)} s`;
  if (!holder)
    return { kind: 'fresh', message: `${dataDir} is locked by a lock file it cannot read (${LOCK_FILE}, touched ${age} ago); if no service uses it, remove the file` };
  return {
    kind: 'fresh',
    message: `${dataDir} is in use by process ${holder.pid} on ${holder.hostname} (its heartbeat is ${age} old; a lock without one for ${staleMs / 1000} s is taken over); stop it or use another DATA_DIR`,
  };
}

const sameSpace = (holder: LockHolder, me: LockHolder): boolean =>
  holder.hostname === me.hostname && holder.pidNamespace === me.pidNamespace && holder.bootId === me.bootId;

/** Watches a lock we cannot judge by its holder until its heartbeat goes on, it goes stale, or it is replaced. */
async function watch(file: string, seen: Seen, staleMs: number, pollMs: number): Promise<'heartbeat' | 'stale' | 'replaced'> {
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    const now = await readLock(file);
    if (!now || now.raw !== seen.raw) return 'replaced';
    if (now.mtimeMs > seen.mtimeMs) return 'heartbeat';
    if (now.ageMs > staleMs) return 'stale';
  }
}

/** Creates the lock file whole or not at all: readers never see it half written. */
async function create(file: string, me: LockHolder): Promise<boolean> {
  const draft = `${file}.${me.token}`;
  await writeFile(draft, JSON.stringify(me));
  try {
    await link(draft, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    return createWithoutLink(file, me); // a file system without hard links
  } finally {
    await unlink(draft).catch(() => undefined);
  }
}

async function createWithoutLink(file: string, me: LockHolder): Promise<boolean> {
  try {
    const handle = await open(file, 'wx');
    await handle.writeFile(JSON.stringify(me));
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Keeps the lock fresh, and notices when it is no longer ours. */
function hold(file: string, me: LockHolder, options: LockOptions): () => Promise<void> {
  heldHere.add(file);
  let lost = false;
  const heartbeat = setInterval(async () => {
    const seen = await readLock(file).catch(() => undefined);
    if (lost || seen === undefined) return; // unreadable this time (EIO, EACCES): the next beat tries again
    if (seen?.holder?.token !== me.token) {
      lost = true;
      clearInterval(heartbeat);
      heldHere.delete(file);
      const by = seen?.holder ? `process ${seen.holder.pid} on ${seen.holder.hostname}` : 'no one (the file is gone)';
      options.onLost?.(`the lock on ${path.dirname(file)} is now held by ${by}`);
      return;
    }
    const now = new Date();
    await utimes(file, now, now).catch(() => undefined); // a missed beat is retried at the next
  }, options.heartbeatMs ?? HEARTBEAT_MS);
  heartbeat.unref();
  return async () => {
    clearInterval(heartbeat);
    heldHere.delete(file);
    if (!lost && (await readLock(file))?.holder?.token === me.token) await rm(file, { force: true });
  };
}

async function readLock(file: string): Promise<Seen | null> {
  try {
    const [raw, info] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
    return { raw, holder: parseHolder(raw), mtimeMs: info.mtimeMs, ageMs: Date.now() - info.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function parseHolder(raw: string): LockHolder | null {
  try {
    const value = JSON.parse(raw) as Partial<LockHolder>;
    return Number.isInteger(value.pid) && typeof value.hostname === 'string' && typeof value.token === 'string' ? (value as LockHolder) : null;
  } catch {
    return null; // an older lock holding a bare pid, or garbage: only its age can tell
  }
}

async function describeSelf(): Promise<LockHolder> {
  const [pidNamespace, bootId, start] = await Promise.all([
    readlink('/proc/self/ns/pid').catch(() => null),
    readFile('/proc/sys/kernel/random/boot_id', 'utf8').then((s) => s.trim(), () => null),
    processStart(process.pid),
  ]);
  return {
    pid: process.pid,
    hostname: os.hostname(),
    pidNamespace,
    bootId,
    processStart: start,
    startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(),
    token: randomBytes(12).toString('base64url'),
  };
}

/** Field 22 of /proc/<pid>/stat, counted after the command name (which may hold spaces). */
async function processStart(pid: number): Promise<string | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
