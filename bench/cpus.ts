// On a machine with cores to spare, the service and the sandbox platforms each get their own:
// in production the platforms are remote and their CPU is never the service's, and sharing one
// core with them shows up as event-loop stalls that are not the service's own (a profile of the
// longest ones found the service runnable but not running). Linux's taskset, when present.
import { execFileSync } from 'node:child_process';
import os from 'node:os';

export type Role = 'service' | 'platforms';

/** Pins a process to a core of its own (service: the first, platforms: the last); says which, or why not. */
export function pin(pid: number, role: Role): string {
  const cores = os.cpus().length;
  if (cores < 2) return 'not pinned (one core)';
  const core = role === 'service' ? 0 : cores - 1;
  try {
    execFileSync('taskset', ['-a', '-p', '-c', String(core), String(pid)], { stdio: 'ignore' });
    return `core ${core}`;
  } catch {
    return 'not pinned (no taskset)';
  }
}
