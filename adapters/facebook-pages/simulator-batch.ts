// Facebook Pages on the kit's Graph batch endpoint: what an element carries (the Page's usage
// headers) and the faults a test may arm for one element addressed to a post (or, for creates, a Page).
import { graphBatchHandler, type ElementFault } from '../kit/simulator/graph-batch.js';
import { graphErrorResponse, invalidParam, pageThrottled } from './simulator-errors.js';
import type { GraphEnv } from './simulator-routes.js';
import type { FacebookPagesWorld } from './simulator-world.js';

export type BatchItemFault =
  | { kind: 'throttled' } // that element answers 32 (Page throttle), the others run
  | { kind: 'server-error' } // that element answers a transient 500 without running
  | { kind: 'incomplete'; applied: boolean }; // that element is `null`; `applied`: ran anyway

export function batchHandler(deps: { fetchInner(request: Request): Promise<Response>; world: FacebookPagesWorld }) {
  const takeFault = (objectId: string): ElementFault | undefined => {
    const fault = deps.world.takeBatchFault(objectId);
    if (fault?.kind === 'throttled') return { answer: pageThrottled() };
    if (fault?.kind === 'server-error') return { answer: graphErrorResponse({ status: 500, code: 2, transient: true, message: 'An unexpected error has occurred. Please retry your request later.' }) };
    return fault && { incomplete: true, applied: fault.applied };
  };
  return graphBatchHandler<GraphEnv>({ fetchInner: deps.fetchInner, invalidParam, takeFault, usageHeaders: ['X-Page-Usage', 'X-Business-Use-Case-Usage', 'X-App-Usage'] });
}
