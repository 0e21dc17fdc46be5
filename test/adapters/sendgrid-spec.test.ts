// The SendGrid adapter and simulator agree with SendGrid's own OpenAPI 3.1 description of the
// Single Sends API (test/specs/sendgrid/tsg_mc_singlesends_v3.json, copied byte for byte): every
// request the adapter sends in a run — method, path, query parameters, the bearer credential, the
// body — and every answer the simulator gives — status, fields, enum values — as the project's
// shared checker reads the file. The run exercises every endpoint api.ts has, errors included.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sendgrid } from '../../adapters/sendgrid/adapter.js';
import { SINGLE_SEND_STATUSES } from '../../adapters/sendgrid/schemas.js';
import { createSendGridSimulator, type SendGridSimulator } from '../../adapters/sendgrid/simulator.js';
import type { AdapterClient, ItemRef, LiveItem } from '../../adapters/types.js';
import { DAY, ManualClock } from '../support/clock.js';
import { routeToSimulator, useMsw } from '../support/msw.js';
import { OpenApiContract, type Exchange } from '../specs/openapi-contract.js';
import { toRef } from './live-items.js';
import { API_KEY, BASE_URL, MAIN_LIST, seedWorld } from './sendgrid-fixture.js';

const SPEC_FILE = new URL('../specs/sendgrid/tsg_mc_singlesends_v3.json', import.meta.url);
const spec = JSON.parse(readFileSync(SPEC_FILE, 'utf8')) as { components: { schemas: Record<string, { enum?: string[] }> } };

/**
 * The vendor file describes only some statuses per operation (200/201, 404, 500), while SendGrid
 * answers 400, 401, 403 and 429 on every v3 endpoint (its "Responses" and "Rate Limits" pages,
 * https://www.twilio.com/docs/sendgrid/api-reference/how-to-use-the-sendgrid-v3-api/responses).
 * For those the checker can only say "not described": their requests are still checked in full,
 * and their bodies are checked here against SendGrid's documented error shape, where `field` is
 * null for errors about no one field (the file types it as a string: a gap of the file).
 */
const UNDESCRIBED = [400, 401, 403, 429];
const isErrorBody = (text: string): boolean => {
  const body = JSON.parse(text) as { errors?: Array<Record<string, unknown>> };
  return (
    Array.isArray(body.errors) &&
    body.errors.length > 0 &&
    body.errors.every((e) => typeof e.message === 'string' && (e.field === undefined || e.field === null || typeof e.field === 'string') && Object.keys(e).every((k) => ['field', 'message', 'error_id'].includes(k)))
  );
};

describe('sendgrid against its OpenAPI description', () => {
  const server = useMsw();
  const exchanges: Exchange[] = [];
  let sim: SendGridSimulator;

  beforeAll(async () => {
    const clock = new ManualClock();
    sim = createSendGridSimulator({ clock, credentials: { apiKey: API_KEY }, accountIds: [], seed: 'empty' });
    const live = seedWorld(sim, clock);
    routeToSimulator(server, BASE_URL, sim, exchanges);
    const connect = (apiKey: string): AdapterClient =>
      sendgrid.connect({ connectionId: 'spec', accountIds: [MAIN_LIST], settings: { region: 'global', pageSize: 2 }, credentials: { apiKey }, timeoutMs: 2_000, clock, limits: { requestsPerSecond: 1_000 } });
    const client = connect(API_KEY);

    // Every endpoint api.ts has: list (credential check), search (page tokens), get, delete the schedule, schedule.
    await client.checkCredentials();
    const listed: LiveItem[] = [];
    for await (const page of client.listLive('email')) listed.push(...page.items);
    const refs: ItemRef[] = listed.slice(0, 2).map(toRef);
    await client.suspend(refs);
    await client.suspend(refs.slice(0, 1)); // not scheduled any more: 404, then a read-back
    await client.inspect([...refs, { ...refs[0]!, externalId: '00000000-0000-4000-8000-000000000000' }]); // 404
    await client.restore(refs.map((r, i) => ({ ...r, scheduledAt: listed[i]!.scheduledAt, mayExist: false })));
    // Errors: a wrong key (401), a past time (400), a sent Single Send (400), throttling (429), a 5xx.
    await connect(`${API_KEY}-revoked`).checkCredentials().catch(() => undefined);
    const sent = live[0]!;
    clock.advance(DAY);
    await client.restore([{ ...refs[0]!, externalId: sent.id, scheduledAt: new Date(clock.now().getTime() - 60_000).toISOString(), mayExist: false }]);
    await client.restore([{ ...refs[0]!, externalId: sent.id, scheduledAt: new Date(clock.now().getTime() + DAY).toISOString(), mayExist: false }]);
    sim.faults.inject({ kind: 'rate-limit', method: 'POST' });
    await client.listLive('email')[Symbol.asyncIterator]().next().catch(() => undefined);
    sim.faults.inject({ kind: 'server-error', method: 'GET' });
    await client.checkCredentials().catch(() => undefined);
  });

  it('exercised every endpoint the adapter uses, and the errors', () => {
    const seen = new Set(exchanges.map((e) => `${e.method} ${e.url.pathname.replace(/singlesends\/[0-9a-f-]{36}/, 'singlesends/{id}')} ${e.status}`));
    for (const expected of [
      'GET /v3/marketing/singlesends 200',
      'POST /v3/marketing/singlesends/search 200',
      'GET /v3/marketing/singlesends/{id} 200',
      'GET /v3/marketing/singlesends/{id} 404',
      'DELETE /v3/marketing/singlesends/{id}/schedule 200',
      'DELETE /v3/marketing/singlesends/{id}/schedule 404',
      'PUT /v3/marketing/singlesends/{id}/schedule 201',
      'PUT /v3/marketing/singlesends/{id}/schedule 400',
      'GET /v3/marketing/singlesends 401',
      'POST /v3/marketing/singlesends/search 429',
      'GET /v3/marketing/singlesends 500',
    ])
      expect(seen, expected).toContain(expected);
    expect(exchanges.some((e) => e.url.searchParams.has('page_token'))).toBe(true);
  });

  it('sends requests and gets answers the description allows, as the shared contract checker reads it', () => {
    const checker = OpenApiContract.fromFile(SPEC_FILE);
    const problems = exchanges.flatMap((e) => checker.check(e).filter((p) => !(UNDESCRIBED.includes(e.status) && p.endsWith(`answer status ${e.status} not described`))));
    expect(problems).toEqual([]);
  });

  it('answers the statuses the description leaves out with SendGrid’s documented error body', () => {
    const undescribed = exchanges.filter((e) => UNDESCRIBED.includes(e.status));
    expect(undescribed.map((e) => e.status).sort()).toEqual(expect.arrayContaining([400, 401, 429]));
    for (const e of undescribed) expect(isErrorBody(e.responseBody), e.responseBody).toBe(true);
    const throttled = undescribed.find((e) => e.status === 429)!;
    expect(JSON.parse(throttled.responseBody)).toEqual({ errors: [{ field: null, message: 'too many requests' }] });
  });

  it('uses only the statuses the description enumerates', () => {
    for (const name of ['Status1', 'Status2', 'Status3', 'Items']) expect(spec.components.schemas[name]!.enum).toEqual([...SINGLE_SEND_STATUSES]);
    for (const state of sim.state()) expect(SINGLE_SEND_STATUSES).toContain(state.status);
  });

  it('never calls the irreversible endpoints: deleting Single Sends', () => {
    expect(exchanges.filter((e) => e.method === 'DELETE' && !e.url.pathname.endsWith('/schedule'))).toEqual([]);
  });
});
