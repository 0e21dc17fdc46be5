// `npm start` runs the service as npm's own child (the script execs node, no shell or tsx CLI
// in between): SIGTERM to npm, or Ctrl-C (SIGINT to the whole process group), reaches the
// service, which stops cleanly (lock released) and leaves no process behind.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { until } from '../support/until.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm start and signals', () => {
  let dataDir: string;
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it.each([
    ['SIGTERM to npm', 'npm'],
    ['Ctrl-C: SIGINT to the process group', 'group'],
  ] as const)('%s stops the service and leaves no orphan', async (_name, target) => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'crisis-pause-npm-'));
    const npm = spawn('npm', ['start'], {
      cwd: ROOT,
      // A process group of its own, as a terminal gives a foreground job.
      detached: true,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', SANDBOX_PORT: '0', DATA_DIR: dataDir, npm_config_update_notifier: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    npm.stdout.on('data', (c: Buffer) => (output += c.toString()));
    npm.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise<void>((resolve) => npm.on('exit', () => resolve()));
    try {
      await until(() => output.includes('crisis-pause listening on'), `the service to listen; output:\n${output}`, 30_000, 50);
      const service = JSON.parse(await readFile(path.join(dataDir, '.lock'), 'utf8')).pid as number;
      expect(service).not.toBe(npm.pid);
      expect(alive(service)).toBe(true);

      if (target === 'npm') npm.kill('SIGTERM');
      else process.kill(-npm.pid!, 'SIGINT');
      await exited;
      await until(() => !alive(service), 'the service to exit', 15_000, 50);
      expect(output).toMatch(/"message":"stopping"/);
      // It stopped the way it means to: the lock released, nothing left in the group.
      await expect(stat(path.join(dataDir, '.lock'))).rejects.toMatchObject({ code: 'ENOENT' });
      expect(alive(-npm.pid!)).toBe(false);
    } finally {
      if (alive(-npm.pid!)) process.kill(-npm.pid!, 'SIGKILL');
    }
  }, 60_000);
});
