// Per-item outcomes: one shape for every failure, refusals before any request, batches where
// one item's failure never hides another's result.
import { describe, expect, it } from 'vitest';
import { AdapterError } from '../../../adapters/kit/adapter-error.js';
import { checkBulk, eachItem, failed, isOutcome, ok, operationFor, refused } from '../../../adapters/kit/outcomes.js';
import type { ItemRef } from '../../../adapters/types.js';

const ref = (externalId: string, objectType = 'message'): ItemRef => ({ externalId, objectType, method: 'delete', fingerprint: 'f', snapshot: {} });

describe('outcome helpers', () => {
  it('turns an AdapterError into its info, and anything else into a visible, possibly applied failure', () => {
    const error = new AdapterError({ code: 'rate_limited', message: 'slow down', retryable: true, ambiguous: false, retryAfterMs: 500 });
    expect(failed('1', error)).toEqual({ kind: 'error', externalId: '1', error: error.toInfo() });
    expect(failed('2', new TypeError('x is undefined'))).toEqual({
      kind: 'error',
      externalId: '2',
      error: { code: 'unexpected_response', message: 'unexpected: x is undefined', retryable: false, ambiguous: true },
    });
    expect(ok('3', 'SCHEDULED', { newExternalId: '4', note: 'n' })).toEqual({ kind: 'ok', externalId: '3', status: 'SCHEDULED', newExternalId: '4', note: 'n' });
    expect(ok('3', 'DELETED')).toEqual({ kind: 'ok', externalId: '3', status: 'DELETED' });
  });

  it('refuses an item of an object type the adapter does not handle', () => {
    const operations = { message: 'delete-it' };
    expect(operationFor('hootsuite', ref('1'), operations)).toBe('delete-it');
    const refusal = operationFor('hootsuite', ref('2', 'campaign'), operations);
    expect(isOutcome(refusal)).toBe(true);
    expect(refusal).toEqual(refused('2', 'hootsuite does not handle a "campaign" (it handles message)'));
    expect(operationFor('hootsuite', ref('3', 'toString'), operations)).toMatchObject({ kind: 'error' });
  });

  it('gives one outcome per item in order, catching each item on its own', async () => {
    const outcomes = await eachItem([ref('a'), ref('b'), ref('c')], async (item) => {
      if (item.externalId === 'b') throw new AdapterError({ code: 'not_found', message: 'gone', retryable: false, ambiguous: false });
      return ok(item.externalId, 'DONE');
    });
    expect(outcomes.map((o) => [o.externalId, o.kind])).toEqual([['a', 'ok'], ['b', 'error'], ['c', 'ok']]);
    const parallel = await eachItem([ref('x'), ref('y')], async (item) => ok(item.externalId, 'DONE'), { inParallel: true });
    expect(parallel.map((o) => o.externalId)).toEqual(['x', 'y']);
  });

  it('refuses more items than the bulk size before any request', () => {
    expect(() => checkBulk('hootsuite', 'suspend', 2, 1)).toThrow(expect.objectContaining({ code: 'invalid_request', isRetryable: false }));
    expect(() => checkBulk('hootsuite', 'suspend', 1, 1)).not.toThrow();
  });
});
