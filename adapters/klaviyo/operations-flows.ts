// Suspend / restore / inspect of flows: a true pause, same id. `manual` stops automatic sending;
// `live` starts it again. Klaviyo's update sets the status of the flow and of all its actions.
import { ok, refused } from '../kit/outcomes.js';
import type { ItemRef, Observation, Outcome, RestoreRequest } from '../types.js';
import type { KlaviyoApi } from './api.js';
import { listFlows, updateFlowStatus } from './api-flows.js';
import { flowObservation, flowSnapshotSchema, LIVE_FLOW, notFound, PAUSED_FLOW } from './mappers.js';
import { FLOW_PAGE_MAX } from './operations-listing.js';

export async function suspendFlow(api: KlaviyoApi, item: ItemRef): Promise<Outcome> {
  const flow = await updateFlowStatus(api, item.externalId, PAUSED_FLOW);
  return ok(item.externalId, flow.attributes.status ?? PAUSED_FLOW);
}

export async function restoreFlow(api: KlaviyoApi, request: RestoreRequest): Promise<Outcome> {
  const snapshot = flowSnapshotSchema.safeParse(request.snapshot);
  if (!snapshot.success) return refused(request.externalId, `restore ${request.externalId}: the stored snapshot is not a Klaviyo flow snapshot`);
  const flow = await updateFlowStatus(api, request.externalId, LIVE_FLOW);
  return ok(request.externalId, flow.attributes.status ?? LIVE_FLOW);
}

/** Up to 50 flows read back with one list request (`any(id,[…])`); the missing are not found. */
export async function inspectFlows(api: KlaviyoApi, items: readonly ItemRef[]): Promise<Observation[]> {
  const ids = items.map((i) => i.externalId);
  const seen = new Map<string, Observation>();
  for (let i = 0; i < ids.length; i += FLOW_PAGE_MAX) {
    const page = await listFlows(api, { kind: 'ids', ids: ids.slice(i, i + FLOW_PAGE_MAX) }, null, FLOW_PAGE_MAX);
    for (const f of page.flows) seen.set(f.id, flowObservation(f));
  }
  return ids.map((id) => seen.get(id) ?? notFound(id));
}
