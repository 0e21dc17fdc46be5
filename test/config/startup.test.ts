// The real process refuses to start on a bad config or environment: exit code 1 and a message
// naming the field, before it touches the data directory or opens a port. A busy port or a
// data directory another service holds stops it too, in one line and without a stack trace.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeCoreConfig } from '../support/core-config.js';
import { lockDataDir } from '../../src/store/data-dir-lock.js';
import { api, getJson, startProcess } from '../support/process.js';

const KEY = 'startup-api-key-0123456789abcdef';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Runs `node --import tsx src/main.ts` (as npm start does) with `env`; waits (at most 20 s) for it to exit. */
function start(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', SANDBOX_PORT: '0', LOG_LEVEL: 'error', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`still running after 20 s; stdout:\n${stdout}\nstderr:\n${stderr}`));
    }, 20_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('starting with a bad config', () => {
  let dir: string;
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function withConfig(edit: (raw: Record<string, any>) => void) {
    dir = await mkdtemp(path.join(os.tmpdir(), 'crisis-pause-start-'));
    const file = await writeCoreConfig(dir, edit);
    return { file, dataDir: path.join(dir, 'data') };
  }

  it('exits 1 naming the field of a config the schema refuses, and leaves no data behind', async () => {
    const { file, dataDir } = await withConfig((r) => (r.connections[1].credentials.accessToken = 'EAAB-inline-secret'));
    const run = await start({ CONFIG_FILE: file, DATA_DIR: dataDir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`crisis-pause cannot start: ${file} is invalid:`);
    expect(run.stderr).toMatch(/connections\[1\]\.credentials\.accessToken: must name an environment variable/);
    expect(run.stderr).not.toContain('EAAB-inline-secret');
    // A message, not a stack trace; nothing listened, nothing was written.
    expect(run.stderr).not.toMatch(/\n\s+at\s/);
    expect(run.stdout).not.toContain('listening');
    expect(await readdir(dir)).toEqual(['config.json']);
  }, 30_000);

  it('starts without a connection whose settings its adapter refuses, naming the field, and says so', async () => {
    const { file, dataDir } = await withConfig((r) => (r.connections[1].settings = { apiVersion: '25' }));
    const service = startProcess('src/main.ts', { CONFIG_FILE: file, DATA_DIR: dataDir, PORT: '0', SANDBOX_PORT: '0', BOOTSTRAP_API_KEY: KEY, LOG_LEVEL: 'warn' });
    try {
      const base = await service.waitFor(/listening on (http:\/\/\S+)/);
      expect(service.output()).toContain('connections[1].settings.apiVersion: a Graph API version such as v25.0');
      const connections = await api(base, KEY)('GET', '/v1/connections');
      const meta = connections.body.data.find((c: { id: string }) => c.id === 'meta-ads-acme');
      expect(meta.unusable).toMatchObject({ code: 'settings_invalid', message: expect.stringContaining('connections[1].settings.apiVersion') });
      expect(connections.body.data.filter((c: { unusable: unknown }) => c.unusable === null)).toHaveLength(2);
      const ready = await getJson(`${base}/readyz`);
      expect(ready).toMatchObject({ status: 200, body: { status: 'degraded', connections: [{ id: 'meta-ads-acme', code: 'settings_invalid' }] } });
    } finally {
      await service.stop('SIGKILL');
    }
  }, 30_000);

  it('exits 1 naming a config file that does not exist', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'crisis-pause-start-'));
    const file = path.join(dir, 'missing.json');
    const run = await start({ CONFIG_FILE: file, DATA_DIR: path.join(dir, 'data') });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`crisis-pause cannot start: ${file} is invalid:\n  - cannot be read: ENOENT`);
  }, 30_000);

  it('exits 1 naming a bad environment variable', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'crisis-pause-start-'));
    const run = await start({ PORT: 'abc', DATA_DIR: path.join(dir, 'data') });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/crisis-pause cannot start: environment is invalid:\n {2}- PORT: /);
    expect(await readdir(dir)).toEqual([]);
  }, 30_000);
});

describe('starting where it cannot run', () => {
  let dir: string;
  let busy: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => (busy ? busy.close(resolve) : resolve(undefined)));
    busy = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  /** A port something else listens on. */
  async function busyPort(): Promise<number> {
    busy = createServer();
    await new Promise<void>((resolve) => busy!.listen(0, '127.0.0.1', resolve));
    return (busy.address() as { port: number }).port;
  }

  const oneLine = (stderr: string) => {
    expect(stderr.split('\n').filter(Boolean), stderr).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at\s|Error:/);
  };

  it('exits 1 with one line naming a busy PORT, having made no API key and left no lock', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'crisis-pause-start-'));
    const port = await busyPort();
    const run = await start({ PORT: String(port), DATA_DIR: path.join(dir, 'data') });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`crisis-pause cannot start: port ${port} is in use (set PORT)\n`);
    oneLine(run.stderr);
    expect(run.stdout).not.toMatch(/listening|API key/);
    expect(await readdir(path.join(dir, 'data'))).not.toContain('.lock');
  }, 30_000);

  it('exits 1 with one line naming a busy SANDBOX_PORT', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'crisis-pause-start-'));
    const port = await busyPort();
    const run = await start({ SANDBOX_PORT: String(port), DATA_DIR: path.join(dir, 'data') });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`crisis-pause cannot start: port ${port} is in use (set SANDBOX_PORT)\n`);
  }, 30_000);

  it('exits 1 with one line naming the process that holds the data directory, and leaves its lock alone', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'crisis-pause-start-'));
    const unlock = await lockDataDir(dir);
    try {
      const held = JSON.parse(readFileSync(path.join(dir, '.lock'), 'utf8'));
      const run = await start({ DATA_DIR: dir });
      expect(run.code).toBe(1);
      oneLine(run.stderr);
      expect(run.stderr).toBe(
        `crisis-pause cannot start: ${dir} is in use by process ${process.pid} on ${os.hostname()} (since ${held.startedAt}); stop it or use another DATA_DIR\n`,
      );
      expect(JSON.parse(readFileSync(path.join(dir, '.lock'), 'utf8'))).toEqual(held);
    } finally {
      await unlock();
    }
  }, 30_000);
});
