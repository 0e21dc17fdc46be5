// One service per data directory. The lock says who holds it (pid, host, pid namespace, boot,
// process start) and is kept fresh by a heartbeat: it is taken over when its holder is provably
// dead on this host or its heartbeat has stopped, never while it is fresh on another host, even
// with our own pid (two containers sharing a volume are both PID 1).
import { spawn } from 'node:child_process';
import { readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir, type LockHolder } from '../../src/store/data-dir-lock.js';
import { until } from '../support/until.js';
import { tempDir } from './fixtures.js';

const LOCK_MODULE = path.resolve(import.meta.dirname, '../../src/store/data-dir-lock.ts');

/** A real other process that takes the lock on `dir`, says so, and holds it until killed. */
function holder(dir: string): Promise<{ pid: number; stop(): Promise<void> }> {
  const script = `
    const { lockDataDir } = await import(${JSON.stringify(LOCK_MODULE)});
    await lockDataDir(${JSON.stringify(dir)});
    process.stdout.write('locked\\n');
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (code) => reject(new Error(`holder exited (${code}) before locking: ${err}`)));
    child.stdout.on('data', (c: Buffer) => {
      if (c.toString().includes('locked'))
        resolve({
          pid: child.pid!,
          stop: async () => {
            child.kill('SIGKILL');
            await exited;
          },
        });
    });
  });
}

/** The pid of a process that has exited. */
function deadPid(): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', '']);
    child.on('exit', () => resolve(child.pid!));
  });
}

describe('lockDataDir', () => {
  let dir: string;
  let self: LockHolder | undefined;
  afterEach(async () => {
    self = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  const lockFile = () => path.join(dir, '.lock');
  const readHolder = async (): Promise<LockHolder> => JSON.parse(await readFile(lockFile(), 'utf8'));
  /** Our own description, as a lock we take writes it: the base of the forged ones below. */
  async function ourselves(): Promise<LockHolder> {
    if (!self) {
      const unlock = await lockDataDir(dir);
      self = await readHolder();
      await unlock();
    }
    return self;
  }
  async function forge(holder: Partial<LockHolder> | string, ageMs = 0) {
    const me = await ourselves();
    await writeFile(lockFile(), typeof holder === 'string' ? holder : JSON.stringify({ ...me, token: 'forged', ...holder }));
    const at = new Date(Date.now() - ageMs);
    await utimes(lockFile(), at, at);
  }
  async function takesIt() {
    const unlock = await lockDataDir(dir);
    expect((await readHolder()).pid).toBe(process.pid);
    expect((await readHolder()).token).not.toBe('forged');
    await unlock();
  }

  it('writes who holds it, and unlocking removes the lock file', async () => {
    dir = await tempDir();
    const unlock = await lockDataDir(dir);
    expect(await readHolder()).toEqual({
      pid: process.pid,
      hostname: os.hostname(),
      pidNamespace: expect.stringMatching(/^pid:\[\d+\]$/),
      bootId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      processStart: expect.stringMatching(/^\d+$/),
      startedAt: expect.any(String),
      token: expect.any(String),
    });
    await unlock();
    await expect(stat(lockFile())).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses while another live process on this host holds it, naming it; takes it at once when that process is gone', async () => {
    dir = await tempDir();
    const other = await holder(dir);
    try {
      const refusal = lockDataDir(dir);
      await expect(refusal).rejects.toBeInstanceOf(DataDirLockedError);
      await expect(refusal).rejects.toThrow(new RegExp(`^${dir} is in use by process ${other.pid} on ${os.hostname()} \\(since .+\\); stop it or use another DATA_DIR$`));
      expect((await readHolder()).pid).toBe(other.pid);
    } finally {
      await other.stop();
    }
    // Killed without unlocking, its heartbeat still fresh: dead on this host is proof enough.
    await takesIt();
  }, 30_000);

  it('takes over a lock of a dead process on this host', async () => {
    dir = await tempDir();
    await forge({ pid: await deadPid() });
    await takesIt();
  });

  it('takes over a lock whose pid is alive but is another process now (the pid was reused)', async () => {
    dir = await tempDir();
    await forge({ pid: process.ppid, processStart: '1' });
    await takesIt();
  });

  it('takes over a lock of our own pid on this host: a restart that got the same pid, as PID 1 in a container does', async () => {
    dir = await tempDir();
    await forge({ processStart: '1' });
    await takesIt();
  });

  it('refuses a fresh lock of another host even with our own pid (two containers on one volume, both PID 1), and takes it once stale', async () => {
    dir = await tempDir();
    await forge({ hostname: 'other-container', pidNamespace: 'pid:[1]' }, 3_000);
    await expect(lockDataDir(dir)).rejects.toThrow(
      `${dir} is in use by process ${process.pid} on other-container (its heartbeat is 3 s old; a lock without one for 30 s is taken over); stop it or use another DATA_DIR`,
    );
    expect((await readHolder()).token).toBe('forged');
    await forge({ hostname: 'other-container', pidNamespace: 'pid:[1]' }, 31_000);
    await takesIt();
  });

  it('when asked to wait, watches a fresh lock of another host: taken over once it goes silent', async () => {
    dir = await tempDir();
    await forge({ hostname: 'other-container' });
    const waits: string[] = [];
    const started = Date.now();
    const unlock = await lockDataDir(dir, { staleMs: 400, waitForStale: { pollMs: 20, onWait: (m) => waits.push(m) } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    expect(waits).toEqual([expect.stringMatching(/^waiting up to 1 s: .* is in use by process \d+ on other-container/)]);
    expect((await readHolder()).pid).toBe(process.pid);
    await unlock();
  });

  it('when asked to wait, refuses as soon as the heartbeat of the other host goes on', async () => {
    dir = await tempDir();
    await forge({ hostname: 'other-container' }, 1_000);
    const attempt = lockDataDir(dir, { staleMs: 30_000, waitForStale: { pollMs: 20 } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = new Date();
    await utimes(lockFile(), now, now);
    await expect(attempt).rejects.toThrow(/is in use by process \d+ on other-container/);
    expect((await readHolder()).token).toBe('forged');
  });

  it('refuses a fresh lock of another pid namespace on this host (another container), whatever its pid', async () => {
    dir = await tempDir();
    await forge({ pid: await deadPid(), pidNamespace: 'pid:[4026531999]' });
    await expect(lockDataDir(dir)).rejects.toThrow(/is in use by process \d+ on .+\(its heartbeat is 0 s old/);
  });

  it('takes over a lock from before a reboot', async () => {
    dir = await tempDir();
    await forge({ pid: process.ppid, bootId: '00000000-0000-0000-0000-000000000000' }, 60_000);
    await takesIt();
  });

  it.each([
    ['a bare pid (the old format)', '1'],
    ['garbage', 'not a lock'],
    ['nothing', ''],
  ])('judges a lock file holding %s by its age alone', async (_name, content) => {
    dir = await tempDir();
    await forge(content, 1_000);
    await expect(lockDataDir(dir)).rejects.toThrow(/cannot read \(\.lock, touched 1 s ago\)/);
    await forge(content, 31_000);
    await takesIt();
  });

  it('refuses a second lock on the same directory from this very process', async () => {
    dir = await tempDir();
    const unlock = await lockDataDir(dir);
    await expect(lockDataDir(dir)).rejects.toThrow(`${dir} is already in use by this process`);
    await unlock();
  });

  it('keeps the lock fresh, and says so when someone else has taken it; unlocking then leaves theirs alone', async () => {
    dir = await tempDir();
    const lost: string[] = [];
    const unlock = await lockDataDir(dir, { heartbeatMs: 20, onLost: (reason) => lost.push(reason) });
    const old = new Date(Date.now() - 20_000);
    await utimes(lockFile(), old, old);
    await until(async () => Date.now() - (await stat(lockFile())).mtimeMs < 5_000, 'a heartbeat');
    await writeFile(lockFile(), JSON.stringify({ ...(await readHolder()), pid: 4242, hostname: 'usurper', token: 'theirs' }));
    await until(() => lost.length > 0, 'the loss noticed');
    expect(lost).toEqual([`the lock on ${dir} is now held by process 4242 on usurper`]);
    await unlock();
    expect((await readHolder()).token).toBe('theirs');
  });
});
