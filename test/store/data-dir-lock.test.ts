// One service per data directory: a second lock fails while the holder lives; a lock left by a
// dead process is taken over.
import { spawn } from 'node:child_process';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockDataDir } from '../../src/store/data-dir-lock.js';
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
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const lockFile = () => path.join(dir, '.lock');

  it('writes our pid, and unlocking removes the lock file', async () => {
    dir = await tempDir();
    const unlock = await lockDataDir(dir);
    expect(await readFile(lockFile(), 'utf8')).toBe(String(process.pid));
    await unlock();
    await expect(stat(lockFile())).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses while another live process holds it, naming that process, and works once it is gone', async () => {
    dir = await tempDir();
    const other = await holder(dir);
    try {
      await expect(lockDataDir(dir)).rejects.toThrow(`${dir} is in use by process ${other.pid}; stop it or use another DATA_DIR`);
      // The holder's lock file is left as it was.
      expect(await readFile(lockFile(), 'utf8')).toBe(String(other.pid));
    } finally {
      await other.stop();
    }
    // Killed without unlocking: its lock is stale now, and taken over.
    const unlock = await lockDataDir(dir);
    expect(await readFile(lockFile(), 'utf8')).toBe(String(process.pid));
    await unlock();
  }, 30_000);

  it.each([
    ['the pid of a dead process', async () => String(await deadPid())],
    ['garbage', async () => 'not a pid'],
    ['nothing', async () => ''],
  ])('takes over a stale lock file holding %s', async (_name, content) => {
    dir = await tempDir();
    await writeFile(lockFile(), await content());
    const unlock = await lockDataDir(dir);
    expect(await readFile(lockFile(), 'utf8')).toBe(String(process.pid));
    await unlock();
  });

  it('takes over a lock with its own pid (a restart that got the same pid, as PID 1 in a container does)', async () => {
    dir = await tempDir();
    await writeFile(lockFile(), String(process.pid));
    const unlock = await lockDataDir(dir);
    expect(await readFile(lockFile(), 'utf8')).toBe(String(process.pid));
    await unlock();
  });
});
