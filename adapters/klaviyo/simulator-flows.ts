// Flow routes of the fake Klaviyo: list (filters, cursor pages of at most 50), read, and the
// status update (`draft | manual | live`, which Klaviyo applies to the flow and all its actions).
import type { Context, Hono } from 'hono';
import { parseFilter, type FieldRule } from './simulator-filter.js';
import { invalid, onlyParams, originOf, pageSize, readResource } from './simulator-http.js';
import { flowJson } from './simulator-json.js';
import { listPage, type ListSpec } from './simulator-listing.js';
import { FLOW_STATUSES, TRIGGER_TYPES, type SimFlow } from './simulator-world-data.js';
import type { KlaviyoWorld } from './simulator-world.js';

// The description's `x-klaviyo-filters` of GET /api/flows.
const TIMES = ['equals', 'greater-or-equal', 'greater-than', 'less-or-equal', 'less-than'];
const FILTERS: Record<string, FieldRule> = {
  id: { ops: ['any'] },
  name: { ops: ['contains', 'ends-with', 'equals', 'starts-with'] },
  status: { ops: ['equals'] },
  archived: { ops: ['equals'], type: 'boolean' },
  created: { ops: TIMES, type: 'date-time' },
  updated: { ops: TIMES, type: 'date-time' },
  trigger_type: { ops: ['equals'], values: TRIGGER_TYPES },
};
const SORTS = ['created', 'id', 'name', 'status', 'trigger_type', 'updated'];
const PROPS = { created: 'created', updated: 'updated', name: 'name', id: 'id', status: 'status', trigger_type: 'triggerType' } as const;
const LIST_PARAMS = ['filter', 'page[cursor]', 'page[size]', 'sort', 'fields[flow]', 'fields[flow-action]', 'fields[tag]', 'include'];
const json = { 'Content-Type': 'application/vnd.api+json' };

export function flowRoutes(app: Hono, world: KlaviyoWorld): void {
  const spec: ListSpec<SimFlow> = {
    set: world.flows,
    path: '/api/flows/',
    field: (f, field) => (field === 'archived' ? f.archived : f[PROPS[field as keyof typeof PROPS]]),
    sortValue: (f, sort) => f[PROPS[sort as keyof typeof PROPS]],
    probe: (sort, value, id) => ({ id, [PROPS[sort as keyof typeof PROPS]]: value }) as unknown as SimFlow,
    visible: (f, conditions) => conditions.some((x) => x.field === 'archived') || !f.archived,
  };
  const self = (c: Context, id: string) => ({ self: `${originOf(c)}/api/flows/${id}/` });

  // https://developers.klaviyo.com/en/reference/get_flows
  app.on('GET', ['/api/flows', '/api/flows/'], (c) => {
    onlyParams(c, LIST_PARAMS);
    const filter = c.req.query('filter');
    const conditions = filter ? parseFilter(filter, FILTERS) : [];
    const sort = c.req.query('sort') ?? 'id';
    if (!SORTS.includes(sort.replace(/^-/, ''))) throw invalid(`'${sort}' is not a valid sort field.`, { parameter: 'sort' });
    const page = listPage(c, spec, conditions, sort, pageSize(c, 50));
    return c.json({ data: page.data.map((f) => flowJson(f, originOf(c))), links: page.links }, 200, json);
  });

  // https://developers.klaviyo.com/en/reference/get_flow
  app.on('GET', ['/api/flows/:id', '/api/flows/:id/'], (c) => {
    onlyParams(c, ['additional-fields[flow]', 'fields[flow-action]', 'fields[flow]', 'fields[tag]', 'include']);
    const flow = world.findFlow(c.req.param('id'));
    return c.json({ data: flowJson(flow, originOf(c)), links: self(c, flow.id) }, 200, json);
  });

  // https://developers.klaviyo.com/en/reference/update_flow
  app.on('PATCH', ['/api/flows/:id', '/api/flows/:id/'], async (c) => {
    onlyParams(c, ['fields[flow]']);
    const id = c.req.param('id');
    const { attributes } = await readResource(c, 'flow', id);
    const flow = world.findFlow(id);
    for (const key of Object.keys(attributes)) if (key !== 'status') throw invalid(`'${key}' is not a valid field for the resource 'flow'.`, { pointer: `/data/attributes/${key}` });
    const status = attributes.status;
    if (!(FLOW_STATUSES as readonly unknown[]).includes(status)) throw invalid("status must be one of: draft, manual, live.", { pointer: '/data/attributes/status' });
    if (flow.archived) throw invalid('An archived flow cannot be updated.', { pointer: '/data/id' });
    world.changeFlow(flow, (f) => {
      f.status = status as SimFlow['status'];
      f.updated = world.clock.now().toISOString();
    });
    return c.json({ data: flowJson(flow, originOf(c)), links: self(c, id) }, 200, json);
  });
}
