// The Hootsuite adapter and simulator agree with Hootsuite's own Swagger 2.0 file: every request
// the adapter makes (path, method, query parameters, body fields) is declared there, and every
// field, enum value and error the simulator answers with is described there.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hootsuite } from '../../adapters/hootsuite/adapter.js';
import { LIST_STATE_FILTERS, MESSAGE_STATES } from '../../adapters/hootsuite/schemas.js';
import { createHootsuiteSimulator, type HootsuiteSimulator } from '../../adapters/hootsuite/simulator.js';
import type { LiveItem, RestoreRequest } from '../../adapters/types.js';
import { ManualClock } from '../support/clock.js';
import { routeToSimulator, useMsw } from '../support/msw.js';
import { OpenApiContract, type Exchange } from '../specs/openapi-contract.js';

type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
};
type Parameter = { name?: string; in?: string; $ref?: string };
type Operation = { parameters?: Parameter[] };
type Swagger = {
  info: { description: string };
  paths: Record<string, Record<string, Operation>>;
  definitions: Record<string, Schema>;
  parameters: Record<string, Parameter>;
};

const SPEC_FILE = new URL('../specs/hootsuite/hootsuite-rest-api-swagger.yaml', import.meta.url);
const BASE = 'https://platform.hootsuite.com';
const TOKEN = 'spec-token-9d1e';
const spec = parse(readFileSync(SPEC_FILE, 'utf8')) as Swagger;

const resolve = (schema: Schema): Schema => {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/definitions/', '');
  const target = spec.definitions[name];
  if (!target) throw new Error(`unresolved $ref ${schema.$ref}`);
  return resolve(target);
};

/** Every key of `value` is described by `schema`, recursively; enum values are allowed ones. */
function conforms(value: unknown, schema: Schema, at: string, problems: string[]): void {
  const s = resolve(schema);
  if (value === null || value === undefined) return;
  if (s.enum && !s.enum.includes(value)) problems.push(`${at}: ${JSON.stringify(value)} not in enum`);
  if (Array.isArray(value)) {
    if (s.type !== 'array') problems.push(`${at}: array where spec says ${s.type}`);
    value.forEach((v, i) => s.items && conforms(v, s.items, `${at}[${i}]`, problems));
    return;
  }
  if (typeof value === 'object') {
    if (!s.properties) {
      if (s.type !== 'object') problems.push(`${at}: object where spec says ${s.type}`);
      return; // a free-form object (e.g. interfaceLocales items)
    }
    for (const [key, v] of Object.entries(value)) {
      const property = s.properties[key];
      if (!property) problems.push(`${at}.${key}: not in spec`);
      else conforms(v, property, `${at}.${key}`, problems);
    }
    return;
  }
  const types: Record<string, string[]> = {
    string: ['string'],
    number: ['number'],
    integer: ['number'],
    boolean: ['boolean'],
  };
  if (s.type && types[s.type] && !types[s.type]!.includes(typeof value)) {
    problems.push(`${at}: ${typeof value} where spec says ${s.type}`);
  }
}

function expectConforms(value: unknown, schema: Schema, at: string): void {
  const problems: string[] = [];
  conforms(value, schema, at, problems);
  expect(problems).toEqual([]);
}

/** The spec path template a concrete path matches, e.g. /v1/messages/123 → /v1/messages/{messageId}. */
function templateOf(path: string): string | undefined {
  return Object.keys(spec.paths).find((template) =>
    new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path),
  );
}

const queryParams = (operation: Operation): string[] =>
  (operation.parameters ?? [])
    .map((p) => (p.$ref ? spec.parameters[p.$ref.replace('#/parameters/', '')]! : p))
    .filter((p) => p.in === 'query')
    .map((p) => p.name!);

describe('hootsuite against its swagger file', () => {
  const server = useMsw();
  let sim: HootsuiteSimulator;
  const exchanges: Exchange[] = [];

  beforeAll(async () => {
    const clock = new ManualClock();
    sim = createHootsuiteSimulator({ clock, credentials: { accessToken: TOKEN }, accountIds: [], seed: 'sandbox' });
    routeToSimulator(server, BASE, sim, exchanges);
    const client = hootsuite.connect({
      connectionId: 'spec',
      accountIds: sim.world.profiles().map((p) => p.id).slice(0, 2),
      settings: { lookaheadWeeks: 12, pageSize: 5 },
      credentials: { accessToken: TOKEN },
      timeoutMs: 2_000,
      clock,
    });
    // Exercise every endpoint api.ts has: me, list (with cursors), get, delete, create.
    await client.checkCredentials();
    const listed: LiveItem[] = [];
    for await (const page of client.listLive('post')) listed.push(...page.items);
    const rich = listed.find((i) => JSON.stringify(i.snapshot).includes('targeting')) ?? listed[0]!;
    const ref = { externalId: rich.externalId, objectType: rich.objectType, method: rich.method, fingerprint: rich.fingerprint, snapshot: rich.snapshot };
    await client.inspect([ref]);
    await client.suspend([ref]);
    const request: RestoreRequest = { ...ref, scheduledAt: rich.scheduledAt, mayExist: false };
    await client.restore([request]);
    await client.restore([{ ...request, mayExist: true }]);
  });

  it('sends requests and gets answers the swagger file allows, as the shared contract checker reads it', () => {
    expect(exchanges.length).toBeGreaterThan(5);
    expect(OpenApiContract.fromFile(SPEC_FILE).checkAll(exchanges)).toEqual([]);
  });

  it('calls only paths and methods the spec declares, and all five it needs', () => {
    const calls = new Set(sim.requests.map((r) => `${r.method} ${templateOf(r.path) ?? r.path}`));
    expect([...calls].sort()).toEqual([
      'DELETE /v1/messages/{messageId}',
      'GET /v1/me',
      'GET /v1/messages',
      'GET /v1/messages/{messageId}',
      'POST /v1/messages',
    ]);
    for (const call of calls) {
      const [method, template] = call.split(' ') as [string, string];
      expect(spec.paths[template]?.[method.toLowerCase()], call).toBeDefined();
    }
  });

  it('sends only query parameters the operation declares', () => {
    for (const r of sim.requests) {
      const operation = spec.paths[templateOf(r.path)!]![r.method.toLowerCase()]!;
      const declared = queryParams(operation);
      for (const key of new URLSearchParams(r.query).keys()) expect(declared, `${r.method} ${r.path}?${key}`).toContain(key);
    }
    const listing = sim.requests.filter((r) => r.method === 'GET' && r.path === '/v1/messages');
    expect(listing.some((r) => r.query.includes('cursor='))).toBe(true);
    expect(listing.some((r) => r.query.split('socialProfileIds=').length > 2)).toBe(true);
  });

  it('creates with a body made of definition Message fields only', () => {
    const posts = sim.requests.filter((r) => r.method === 'POST');
    expect(posts.length).toBeGreaterThan(0);
    for (const post of posts) expectConforms(JSON.parse(post.body), spec.definitions.Message!, 'Message');
  });

  it('answers messages with SocialProfileMessage fields and states only', () => {
    for (const message of sim.world.messages()) expectConforms(message, spec.definitions.SocialProfileMessage!, `message ${message.id}`);
    const stateEnum = spec.definitions.SocialProfileMessage!.properties!.state!.enum;
    expect([...MESSAGE_STATES].sort()).toEqual([...(stateEnum as string[])].sort());
    for (const filter of LIST_STATE_FILTERS) expect(stateEnum).toContain(filter);
  });

  it('answers envelopes, the member and errors in the spec shapes', async () => {
    const get = async (path: string, token: string | null = TOKEN) => {
      const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
      const response = await sim.fetch(new Request(`${BASE}${path}`, { headers }));
      return (await response.json()) as Record<string, unknown>;
    };
    const now = '2026-11-21T09:00:00Z';
    const page = await get(`/v1/messages?startTime=${now}&endTime=2026-12-01T09:00:00Z&limit=3`);
    expectConforms(page, spec.definitions.SocialProfileMessagesResponseEnvelope!, 'list envelope');
    expectConforms((await get('/v1/me')).data, spec.definitions.Member!, 'member');

    const errors = [
      await get('/v1/me', null),
      await get('/v1/me', 'wrong'),
      await get('/v1/messages/1'),
      await get(`/v1/messages?startTime=${now}&endTime=2027-01-01T00:00:00Z`),
      await get(`/v1/messages?startTime=${now}&endTime=2026-12-01T09:00:00Z&socialProfileIds=7`),
    ];
    sim.faults.inject({ kind: 'rate-limit' });
    errors.push(await get('/v1/me'));
    sim.faults.inject({ kind: 'server-error' });
    errors.push(await get('/v1/me'));
    const documented = new Set([...spec.info.description.matchAll(/^\|(\d+)\|/gm)].map((m) => Number(m[1])));
    for (const body of errors) {
      expectConforms(body, spec.definitions.ErrorsResponseEnvelope!, 'errors');
      const [error] = body.errors as Array<{ code: number }>;
      expect(documented, `code ${error!.code}`).toContain(error!.code);
    }
  });
});
