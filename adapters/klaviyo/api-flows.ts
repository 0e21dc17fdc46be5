// Flow endpoints, one function each. Deleting a flow or one of its actions is irreversible
// (invariant 9): there is deliberately no function for DELETE here.
import { quoted, request, segment, type KlaviyoApi } from './api.js';
import { flowDocumentSchema, flowListSchema, type Flow } from './schemas.js';

export type FlowFilter = { kind: 'status'; status: string } | { kind: 'ids'; ids: readonly string[] };

// https://developers.klaviyo.com/en/reference/get_flows
// `status` takes `equals` only, `id` takes `any`. Cursor pages of at most 50 (`page[size]`), `links.next`.
export async function listFlows(api: KlaviyoApi, filter: FlowFilter, cursor: string | null, pageSize: number): Promise<{ flows: Flow[]; nextLink: string | null }> {
  const condition = filter.kind === 'status' ? `equals(status,${quoted(filter.status)})` : `any(id,[${filter.ids.map(quoted).join(',')}])`;
  const query = { filter: condition, 'page[size]': pageSize, 'page[cursor]': cursor ?? undefined, sort: filter.kind === 'status' ? 'created' : undefined };
  const body = await api.client.json(request(api, 'flows', { method: 'GET', path: '/api/flows', query, operation: 'GET /api/flows' }), flowListSchema);
  return { flows: body.data, nextLink: body.links?.next ?? null };
}

// https://developers.klaviyo.com/en/reference/get_flow
export async function getFlow(api: KlaviyoApi, id: string): Promise<Flow> {
  const body = await api.client.json(request(api, 'flows', { method: 'GET', path: `/api/flows/${segment(id)}`, operation: 'GET /api/flows/{id}' }), flowDocumentSchema);
  return body.data;
}

// https://developers.klaviyo.com/en/reference/update_flow
// "Update the status of a flow with the given flow ID, and all actions in that flow."
// `draft | manual | live`; `manual` stops automatic sending, `live` starts it again.
export async function updateFlowStatus(api: KlaviyoApi, id: string, status: 'live' | 'manual'): Promise<Flow> {
  const json = { data: { type: 'flow', id, attributes: { status } } };
  const body = await api.client.json(request(api, 'flows', { method: 'PATCH', path: `/api/flows/${segment(id)}`, json, operation: 'PATCH /api/flows/{id}' }), flowDocumentSchema);
  return body.data;
}
