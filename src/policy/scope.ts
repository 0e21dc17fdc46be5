import { AppError } from '../domain/errors.js';
import type { Scope } from '../domain/pause.js';

/**
 * The connections a scope covers: those it names, plus those carrying every tag it lists.
 * No scope means every connection. Sorted, so equal scopes compare equal.
 */
export function resolveScope(connections: ReadonlyArray<{ id: string; tags: readonly string[] }>, scope: Scope): string[] {
  if (!scope.connections && !scope.tags) return connections.map((c) => c.id).sort();
  const unknown = (scope.connections ?? []).filter((id) => !connections.some((c) => c.id === id));
  if (unknown.length > 0)
    throw new AppError('unprocessable', `unknown connection${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`, {
      unknown,
    });
  const ids = new Set(scope.connections ?? []);
  if (scope.tags) {
    const tags = scope.tags;
    for (const c of connections) if (tags.every((t) => c.tags.includes(t))) ids.add(c.id);
  }
  if (ids.size === 0) throw new AppError('unprocessable', `no connection carries every tag of ${scope.tags!.join(', ')}`);
  return [...ids].sort();
}

export const sameConnections = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((id, i) => id === b[i]);
