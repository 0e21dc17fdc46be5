// A tiny request/answer protocol over Node's IPC channel, between the benchmark's processes.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

type Call = { id: number; command: string; args: unknown };
type Answer = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

export interface Child {
  call<T>(command: string, args?: unknown): Promise<T>;
  /** a message the child sends without being asked (its final result) */
  next<T>(): Promise<T>;
  readonly process: ChildProcess;
}

/**
 * Starts `file` (TypeScript, next to this one) as its own Node process through tsx. Its own
 * process so its heap and RSS are its own: figures from one scenario never include another's.
 */
export function forkTs(file: string, args: string[] = []): Child {
  // BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", to look inside a run
  // (Node refuses --cpu-prof in NODE_OPTIONS).
  const extra = (process.env['BENCH_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
  const child = fork(fileURLToPath(new URL(file, import.meta.url)), args, {
    execArgv: ['--import', 'tsx', '--expose-gc', ...extra],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let nextId = 0;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  const unasked: unknown[] = [];
  const waiting: Array<(v: unknown) => void> = [];
  let exitError: Error | null = null;
  child.on('message', (message: Answer | { unasked: unknown }) => {
    if ('unasked' in message) {
      const waiter = waiting.shift();
      if (waiter) waiter(message.unasked);
      else unasked.push(message.unasked);
      return;
    }
    const p = pending.get(message.id);
    pending.delete(message.id);
    if (message.ok) p?.resolve(message.value);
    else p?.reject(new Error(message.error));
  });
  child.on('exit', (code, signal) => {
    exitError = new Error(`${file} exited (${signal ?? code}) before answering`);
    for (const p of pending.values()) p.reject(exitError);
    pending.clear();
  });
  return {
    process: child,
    call<T>(command: string, args?: unknown): Promise<T> {
      if (exitError) return Promise.reject(exitError);
      const id = ++nextId;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ id, command, args } satisfies Call);
      });
    },
    next<T>(): Promise<T> {
      if (unasked.length > 0) return Promise.resolve(unasked.shift() as T);
      return new Promise<T>((resolve, reject) => {
        waiting.push(resolve as (v: unknown) => void);
        child.once('exit', (code) => reject(new Error(`${file} exited with ${code} without a result`)));
      });
    },
  };
}

/** In the child: answer calls with `handlers`. */
export function serveCalls(handlers: Record<string, (args: unknown) => unknown>): void {
  // A parent that died (or was interrupted) must not leave a server listening behind it.
  process.on('disconnect', () => process.exit(1));
  process.on('message', async (message: Call) => {
    let answer: Answer;
    try {
      const handler = handlers[message.command];
      if (!handler) throw new Error(`unknown command ${message.command}`);
      answer = { id: message.id, ok: true, value: await handler(message.args) };
    } catch (error) {
      answer = { id: message.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    process.send!(answer);
  });
}

/** In the child: hand the parent a result it did not ask for. */
export function sendUnasked(value: unknown): Promise<void> {
  return new Promise((resolve, reject) => process.send!({ unasked: value }, (error: Error | null) => (error ? reject(error) : resolve())));
}
