// Counts how often the service asks the store to make something durable, beside how often
// the data file is actually written (`store.fileWrites`): the ratio is what coalescing buys.
// A Proxy that counts calls and forwards them unchanged; the store itself is the real one.
import type { Store } from '../src/store/store.js';

const DURABLE_WRITES = new Set<PropertyKey>(['openPause', 'changePause', 'claimItems', 'recordTransitions', 'handOver', 'insertApiKey', 'appendAudit']);

export interface CountingStore {
  store: Store;
  /** durable-write requests made so far (each one awaited by its caller) */
  requested(): number;
}

export function countingStore(inner: Store): CountingStore {
  let requested = 0;
  const store = new Proxy(inner, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      const counts = DURABLE_WRITES.has(property);
      return (...args: unknown[]) => {
        if (counts) requested++;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store, requested: () => requested };
}
