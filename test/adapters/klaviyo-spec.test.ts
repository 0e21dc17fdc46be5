// Klaviyo against its own published description (OpenAPI 3.0 category slices, revision
// 2026-07-15, test/specs/klaviyo/): a run that calls every endpoint the adapter uses — listing
// across pages, suspend, read-backs after refusals, inspect, restore, flows both ways — and their
// errors (401, 404, 400, 429, 5xx) is recorded at the msw edge; every request (method, path,
// query parameters and their values, the `revision` header, credentials, JSON:API body) and every
// answer (status, fields, enums) must be one the description allows.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { createKlaviyoSimulator, type KlaviyoSimulator } from '../../adapters/klaviyo/simulator.js';
import { CAMPAIGN_STATUSES, TRIGGER_TYPES } from '../../adapters/klaviyo/simulator-world-data.js';
import type { Json } from '../specs/openapi-schemas.js';
import { OpenApiContract, type Exchange } from '../specs/openapi-contract.js';
import { ManualClock } from '../support/clock.js';
import { routeToSimulator, useMsw } from '../support/msw.js';
import { listAll, toRef } from './live-items.js';
import { API_KEY, at, BASE_URL, connect, seedWeek } from './klaviyo-fixture.js';

const CAMPAIGNS = new URL('../specs/klaviyo/campaigns.json', import.meta.url);
const FLOWS = new URL('../specs/klaviyo/flows.json', import.meta.url);
const read = (file: URL): Json => JSON.parse(readFileSync(file, 'utf8')) as Json;

/**
 * Two things in the description the checker cannot take as published, both read here in memory
 * (the file stays as published):
 * - `nullable: true` beside a `oneOf`/`$ref` without `type` (send_strategy, tracking_options,
 *   options…): OpenAPI 3.0.3 says `nullable` only adds null to an explicit `type`, so it means
 *   nothing there, and ajv refuses the keyword. Dropped (the strict reading: no null accepted).
 * - The description is wrong in one place: a campaign's `send_options` is a `oneOf` of
 * EmailSendOptions, SMSSendOptions and PushSendOptions, three identical schemas
 * (`{use_smart_sending}`), so every value matches all three and `oneOf` refuses every campaign
 * Klaviyo answers. Read here as `anyOf` — in memory; the file stays as published.
 */
function readable(doc: Json): Json {
  const walk = (node: Json): void => {
    if (!node || typeof node !== 'object') return;
    if (node.nullable === true && node.type === undefined) delete node.nullable;
    if (Array.isArray(node.oneOf) && node.oneOf.some((m: Json) => m?.$ref === '#/components/schemas/EmailSendOptions')) {
      node.anyOf = node.oneOf;
      delete node.oneOf;
    }
    for (const child of Object.values(node)) walk(child);
  };
  walk(doc);
  return doc;
}

describe('klaviyo against its OpenAPI description (revision 2026-07-15)', () => {
  const server = useMsw();
  let clock: ManualClock;
  let sim: KlaviyoSimulator;
  let exchanges: Exchange[];

  beforeEach(() => {
    clock = new ManualClock();
    sim = createKlaviyoSimulator({ clock, credentials: { apiKey: API_KEY }, accountIds: [], seed: 'empty' });
    seedWeek(sim, clock);
    exchanges = [];
    routeToSimulator(server, BASE_URL, sim, exchanges);
  });

  it('sends only requests the description allows, and the simulator answers only as it describes', async () => {
    const client = connect(clock, { settings: { pageSize: 2 } });
    await client.checkCredentials();
    const listed = await listAll(client, 'email');
    expect(listed.length).toBe(5);
    const refs = listed.map(toRef);
    for (const ref of refs) expect((await client.suspend([ref]))[0]).toMatchObject({ kind: 'ok' });
    // a repeated suspend: Klaviyo refuses the revert (400), the read-back finds a draft
    const campaign = refs.find((r) => r.objectType === 'campaign')!;
    expect((await client.suspend([campaign]))[0]).toMatchObject({ kind: 'ok', note: 'already a draft' });
    expect((await client.inspect(refs)).every((o) => o.found && !o.live)).toBe(true);
    for (const item of listed) expect((await client.restore([{ ...toRef(item), scheduledAt: item.scheduledAt, mayExist: false }]))[0]).toMatchObject({ kind: 'ok' });

    // errors: a sent campaign refused, an unknown one, a wrong key, a throttle, a server error
    const sent = sim.world.addCampaign({ name: 'Sent meanwhile', status: 'Sent', sendAt: at(clock, -1) });
    expect((await client.suspend([{ ...campaign, externalId: sent.id }]))[0]).toMatchObject({ kind: 'error', error: { code: 'invalid_state' } });
    expect((await client.suspend([{ ...campaign, externalId: '01JZZZZZZZZZZZZZZZZZZZZZZZ' }]))[0]).toMatchObject({ kind: 'error', error: { code: 'not_found' } });
    await expect(connect(clock, { apiKey: 'pk_fake_wrong' }).checkCredentials()).rejects.toMatchObject({ code: 'unauthorized' });
    sim.faults.inject({ kind: 'rate-limit' });
    sim.faults.inject({ kind: 'server-error', method: 'PATCH' });
    await expect(client.checkCredentials()).rejects.toMatchObject({ code: 'rate_limited' });
    expect((await client.suspend([campaign]))[0]).toMatchObject({ kind: 'error', error: { code: 'server_error' } });

    const statuses = new Set(exchanges.map((e) => e.status));
    for (const status of [200, 202, 204, 400, 401, 404, 429, 500]) expect(statuses).toContain(status);
    const paths = new Set(exchanges.map((e) => `${e.method} ${e.url.pathname.replace(/\/[A-Z0-9]{6,26}$/, '/{id}')}`));
    expect([...paths].sort()).toEqual(
      ['GET /api/campaigns', 'GET /api/campaigns/{id}', 'GET /api/flows', 'PATCH /api/campaign-send-jobs/{id}', 'PATCH /api/campaigns/{id}', 'PATCH /api/flows/{id}', 'POST /api/campaign-send-jobs'].sort(),
    );
    // invariant 9: never a send job's `cancel`
    expect(exchanges.filter((e) => e.body.includes('"cancel"'))).toEqual([]);

    const campaigns = new OpenApiContract(readable(read(CAMPAIGNS)));
    const flows = new OpenApiContract(readable(read(FLOWS)));
    const isFlow = (e: Exchange) => e.url.pathname.startsWith('/api/flow');
    expect(flows.checkAll(exchanges.filter(isFlow))).toEqual([]);
    expect(campaigns.checkAll(exchanges.filter((e) => !isFlow(e)))).toEqual([]);

    // and the check bites: the same list request without its revision, with an unknown sort, and
    // a revert whose action is not one of the two, are refused
    const list = exchanges.find((e) => e.method === 'GET' && e.url.pathname === '/api/campaigns' && e.status === 200)!;
    const headers = new Headers(list.headers);
    headers.delete('revision');
    const url = new URL(list.url);
    url.searchParams.set('sort', 'send_time');
    expect(campaigns.check({ ...list, headers, url }).join('\n')).toMatch(/revision[\s\S]*sort|sort[\s\S]*revision/);
    const revert = exchanges.find((e) => e.method === 'PATCH' && e.url.pathname.startsWith('/api/campaign-send-jobs/'))!;
    expect(campaigns.check({ ...revert, body: revert.body.replace('"revert"', '"pause"') })).not.toEqual([]);
  });

  it('holds the enums the description gives: campaign statuses, flow trigger types', () => {
    const spec = read(CAMPAIGNS);
    const status = spec.components.schemas.CampaignResponseObjectResource.properties.attributes.properties.status.enum as string[];
    expect([...CAMPAIGN_STATUSES].sort()).toEqual([...status].sort());
    const filters = spec.paths['/api/campaigns'].get['x-klaviyo-filters'];
    expect([...CAMPAIGN_STATUSES].sort()).toEqual([...(filters.status.value.enum as string[])].sort());
    const trigger = read(FLOWS).components.schemas.FlowResponseObjectResource.properties.attributes.properties.trigger_type.enum as string[];
    expect([...TRIGGER_TYPES].sort()).toEqual([...trigger].sort());
  });
});
