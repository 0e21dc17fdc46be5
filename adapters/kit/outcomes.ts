// Per-item outcomes: one way to turn an AdapterError (or an unexpected throw) into an item's
// error outcome, to refuse an item the adapter cannot handle, and to run an operation over a
// batch so that one item's failure never hides another's result.
import type { ItemRef, Outcome } from '../types.js';
import { AdapterError } from './adapter-error.js';

export function ok(externalId: string, status: string, extra: { newExternalId?: string; note?: string } = {}): Outcome {
  return { kind: 'ok', externalId, status, ...(extra.newExternalId !== undefined && { newExternalId: extra.newExternalId }), ...(extra.note !== undefined && { note: extra.note }) };
}

/**
 * The error outcome for what an item's operation threw. An AdapterError says all; anything else
 * is a bug or a surprise: visible, never retried blindly, and possibly applied (we cannot tell).
 */
export function failed(externalId: string, error: unknown): Outcome {
  if (error instanceof AdapterError) return { kind: 'error', externalId, error: error.toInfo() };
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'error', externalId, error: { code: 'unexpected_response', message: `unexpected: ${message}`, retryable: false, ambiguous: true } };
}

/** An item refused before any request: nothing happened on the platform. */
export function refused(externalId: string, message: string, code: 'invalid_request' | 'invalid_state' = 'invalid_request'): Outcome {
  return { kind: 'error', externalId, error: { code, message, retryable: false, ambiguous: false } };
}

/** The operation for an item's object type, or its refusal. */
export function operationFor<Op>(platform: string, item: ItemRef, operations: Readonly<Record<string, Op>>): Op | Outcome {
  const operation = Object.hasOwn(operations, item.objectType) ? operations[item.objectType] : undefined;
  if (operation !== undefined) return operation;
  const known = Object.keys(operations).join(', ');
  return refused(item.externalId, `${platform} does not handle a "${item.objectType}" (it handles ${known})`);
}

export const isOutcome = (value: unknown): value is Outcome =>
  typeof value === 'object' && value !== null && 'kind' in value && (value.kind === 'ok' || value.kind === 'error') && 'externalId' in value;

/**
 * One outcome per item, in the items' order. `inParallel` for platforms whose items are
 * independent requests (the pacer keeps them within limits); otherwise one after the other.
 */
export async function eachItem<T extends { externalId: string }>(
  items: readonly T[],
  run: (item: T) => Promise<Outcome>,
  { inParallel = false }: { inParallel?: boolean } = {},
): Promise<Outcome[]> {
  const one = (item: T): Promise<Outcome> => run(item).catch((error: unknown) => failed(item.externalId, error));
  if (inParallel) return Promise.all(items.map(one));
  const outcomes: Outcome[] = [];
  for (const item of items) outcomes.push(await one(item));
  return outcomes;
}

/** The core sends at most `bulk` items a call; more is a caller bug, refused before any request. */
export function checkBulk(platform: string, operation: string, count: number, max: number): void {
  if (count <= max) return;
  throw new AdapterError({ code: 'invalid_request', message: `${platform} ${operation}: at most ${max} items a call, got ${count}`, retryable: false, ambiguous: false });
}
