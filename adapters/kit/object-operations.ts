// Platforms whose objects of different types are suspended and restored by different requests,
// one object per request (Mailchimp's campaigns and automations, Klaviyo's campaigns and flows):
// each object type names its operations, and the client runs each item through its type's.
import type { AdapterClient, ItemRef, Observation, Outcome, RestoreRequest } from '../types.js';
import { AdapterError } from './adapter-error.js';
import { checkBulk, eachItem, operationFor } from './outcomes.js';

export interface ObjectOperations<Api> {
  suspend(api: Api, item: ItemRef): Promise<Outcome>;
  restore(api: Api, request: RestoreRequest): Promise<Outcome>;
  /** observations of several objects of the types that share this function, in their order */
  inspect(api: Api, items: readonly ItemRef[]): Promise<Observation[]>;
}

export function byObjectType<Api>(
  platform: string,
  api: Api,
  operations: Readonly<Record<string, ObjectOperations<Api>>>,
  bulk: { suspend: number; restore: number; inspect: number },
): Pick<AdapterClient, 'suspend' | 'restore' | 'inspect'> {
  // The operations for the item's object type, or its refusal as the outcome.
  const run = (item: ItemRef, call: (ops: ObjectOperations<Api>) => Promise<Outcome>): Promise<Outcome> => {
    const ops = operationFor(platform, item, operations);
    return 'suspend' in ops ? call(ops) : Promise.resolve(ops);
  };
  return {
    async suspend(items) {
      checkBulk(platform, 'suspend', items.length, bulk.suspend);
      return eachItem(items, (item) => run(item, (ops) => ops.suspend(api, item)));
    },

    async restore(items) {
      checkBulk(platform, 'restore', items.length, bulk.restore);
      return eachItem(items, (item) => run(item, (ops) => ops.restore(api, item)));
    },

    // An observation cannot carry an error: inspect failures are whole-call failures. Types that
    // share an inspect function are read together (one list page can describe both).
    async inspect(items) {
      checkBulk(platform, 'inspect', items.length, bulk.inspect);
      const groups = new Map<ObjectOperations<Api>['inspect'], ItemRef[]>();
      for (const item of items) {
        const ops = operationFor(platform, item, operations);
        if (!('inspect' in ops)) throw new AdapterError(ops.kind === 'error' ? ops.error : { code: 'invalid_request', message: 'unknown object type', retryable: false, ambiguous: false });
        const group = groups.get(ops.inspect);
        if (group) group.push(item);
        else groups.set(ops.inspect, [item]);
      }
      const seen = (await Promise.all([...groups].map(([inspect, group]) => inspect(api, group)))).flat();
      const byId = new Map(seen.map((o) => [o.externalId, o]));
      return items.map((item) => byId.get(item.externalId)!);
    },
  };
}
