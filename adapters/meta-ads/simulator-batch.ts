// Meta Ads on the kit's Graph batch endpoint: what an element carries (the ad account's usage
// headers) and the faults a test may arm for one element addressed to a campaign.
import { graphBatchHandler, type ElementFault } from '../kit/simulator/graph-batch.js';
import { ACCESS_TIERS } from './adapter-settings.js';
import { adAccountThrottled, bucUsageHeader, INJECTED_REGAIN_MINUTES, invalidParam } from './simulator-errors.js';
import type { GraphEnv } from './simulator-routes.js';
import type { MetaAdsWorld } from './simulator-world.js';

/** A fault armed for one batch element addressed to a campaign. */
export type BatchItemFault =
  | { kind: 'throttled' } // that element answers 613 (ad-account throttle), the others run
  | { kind: 'incomplete'; applied: boolean }; // that element is `null`; `applied`: ran anyway

export function batchHandler(deps: { fetchInner(request: Request): Promise<Response>; world: MetaAdsWorld }) {
  const { world } = deps;
  const takeFault = (objectId: string): ElementFault | undefined => {
    const fault = world.takeBatchFault(objectId);
    if (fault?.kind === 'throttled') return { answer: adAccountThrottled(usageHeader(world, objectId)) };
    return fault && { incomplete: true, applied: fault.applied };
  };
  return graphBatchHandler<GraphEnv>({ fetchInner: deps.fetchInner, invalidParam, takeFault, usageHeaders: ['X-Business-Use-Case-Usage', 'X-Ad-Account-Usage'] });
}

/** The hourly budget's usage header an injected throttle of a campaign's element carries. */
function usageHeader(world: MetaAdsWorld, objectId: string): string | undefined {
  const campaign = world.get(objectId);
  return campaign && bucUsageHeader(campaign.account_id, 100, INJECTED_REGAIN_MINUTES, ACCESS_TIERS[world.app.accessTier].headerValue);
}
