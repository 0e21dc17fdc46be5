// The Buffer adapter against Buffer's own description of its GraphQL API
// (test/specs/buffer/operations.json, see test/specs/README.md): every request a run sends —
// endpoint, method, headers, body keys, the GraphQL document, its variables — and every answer
// the simulator gives — status, error codes, and the data, re-executed against the described
// schema so an unknown field, a wrong type, an enum value or a union member Buffer does not
// have fails the test. The simulator's own schema must be a part of the described one.
import { readFileSync } from 'node:fs';
import { buildSchema, execute, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isUnionType, parse, validate, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBufferSimulator, type BufferSimulator } from '../../adapters/buffer/simulator.js';
import { BUFFER_SDL } from '../../adapters/buffer/simulator-schema.js';
import type { RestoreRequest } from '../../adapters/types.js';
import { ManualClock } from '../support/clock.js';
import { routeToSimulator, useMsw } from '../support/msw.js';
import type { Exchange } from '../specs/openapi-contract.js';
import { API_KEY, BASE_URL, connect, ORG, seedPosts } from './buffer-fixture.js';
import { listAll, toRef } from './live-items.js';

type TypeDoc = { kind: string; values?: string[]; members?: string[]; implements?: string[]; fields?: Record<string, string | { args: Record<string, string>; type: string }> };
const SPEC = JSON.parse(readFileSync(new URL('../specs/buffer/operations.json', import.meta.url), 'utf8')) as {
  endpoint: { url: string; method: string; contentType: string; body: string[] };
  errors: { statuses: number[]; codes: string[]; rateLimitHeaders: string[] };
  types: Record<string, TypeDoc>;
};

/** The description as SDL, for graphql-js. */
function sdlOf(types: Record<string, TypeDoc>): string {
  return Object.entries(types)
    .map(([name, t]) => {
      const fields = () =>
        Object.entries(t.fields ?? {})
          .map(([f, d]) => (typeof d === 'string' ? `${f}: ${d}` : `${f}(${Object.entries(d.args).map(([a, at]) => `${a}: ${at}`).join(', ')}): ${d.type}`))
          .join('\n  ');
      switch (t.kind) {
        case 'scalar':
          return `scalar ${name}`;
        case 'enum':
          return `enum ${name} { ${t.values!.join(' ')} }`;
        case 'union':
          return `union ${name} = ${t.members!.join(' | ')}`;
        case 'input':
          return `input ${name} {\n  ${fields()}\n}`;
        default:
          return `${t.kind === 'interface' ? 'interface' : 'type'} ${name}${t.implements ? ` implements ${t.implements.join(' & ')}` : ''} {\n  ${fields()}\n}`;
      }
    })
    .join('\n');
}

const described: GraphQLSchema = buildSchema(sdlOf(SPEC.types));

function checkExchange(x: Exchange): string[] {
  const problems: string[] = [];
  const say = (p: string) => problems.push(`${x.method} ${x.url.pathname} → ${x.status}: ${p}`);
  if (x.method !== SPEC.endpoint.method) say(`method ${x.method}`);
  if (`${x.url.origin}${x.url.pathname}` !== `${SPEC.endpoint.url}/` || x.url.search !== '') say(`url ${x.url.href}`);
  if (!/^Bearer \S+$/.test(x.headers.get('authorization') ?? '')) say('no Bearer API key');
  if (!(x.headers.get('content-type') ?? '').startsWith(SPEC.endpoint.contentType)) say(`content-type ${x.headers.get('content-type')}`);
  const body = JSON.parse(x.body) as { query: string; variables?: Record<string, unknown>; operationName?: string };
  for (const key of Object.keys(body)) if (!SPEC.endpoint.body.includes(key)) say(`body key ${key}`);
  const document = parse(body.query);
  for (const e of validate(described, document)) say(`document: ${e.message}`);

  if (!SPEC.errors.statuses.includes(x.status)) say(`status ${x.status}`);
  const answer = JSON.parse(x.responseBody) as { data?: Record<string, unknown> | null; errors?: Array<{ message?: unknown; extensions?: { code?: unknown; retryAfter?: unknown } }> };
  for (const e of answer.errors ?? []) {
    if (typeof e.message !== 'string') say('an error without a message');
    if (!SPEC.errors.codes.includes(String(e.extensions?.code))) say(`error code ${String(e.extensions?.code)}`);
  }
  if (x.status === 429) {
    if (typeof answer.errors?.[0]?.extensions?.retryAfter !== 'number') say('429 without retryAfter');
  }
  // The variables fit their declared types; the data fits the described types, field by field.
  const replay = execute({
    schema: described,
    document,
    rootValue: answer.data ?? {},
    variableValues: body.variables ?? {},
    operationName: body.operationName ?? null,
    fieldResolver: (source, _args, _ctx, info) => (source as Record<string, unknown> | null)?.[info.path.key],
  }) as { data?: unknown; errors?: readonly Error[] };
  if (!('data' in replay) || replay.data === undefined) for (const e of replay.errors ?? []) say(`variables: ${e.message}`);
  else if (answer.data) {
    for (const e of replay.errors ?? []) say(`data: ${e.message}`);
    if (JSON.stringify(replay.data) !== JSON.stringify(answer.data)) say('data has fields the document did not select');
  }
  return problems;
}

describe('buffer adapter against Buffer’s described GraphQL API', () => {
  const server = useMsw();
  const exchanges: Exchange[] = [];
  let sim: BufferSimulator;

  beforeAll(async () => {
    const clock = new ManualClock();
    sim = createBufferSimulator({ clock, credentials: { apiKey: API_KEY }, accountIds: [ORG], seed: 'empty', enforceLimits: true });
    seedPosts(sim, clock);
    routeToSimulator(server, BASE_URL, sim, exchanges);
    // A whole run: organizations, channels and pages; suspend; inspect (found and gone); restore,
    // a retried restore that looks first, one Buffer refuses; a wrong key; a spent window.
    const client = connect(clock, {}, API_KEY, []);
    await client.checkCredentials();
    const listed = await listAll(client, 'post');
    await client.inspect(listed.slice(0, 3).map(toRef));
    await client.suspend(listed.slice(0, 25).map(toRef));
    await client.inspect(listed.slice(24, 27).map(toRef));
    const requests: RestoreRequest[] = listed.slice(0, 25).map((i) => ({ ...toRef(i), scheduledAt: i.scheduledAt, mayExist: false }));
    await client.restore(requests);
    await client.restore([{ ...requests[0]!, mayExist: true }]);
    await client.restore([{ ...requests[1]!, scheduledAt: '2020-01-01T00:00:00.000Z' }]);
    await connect(clock, {}, 'buf_wrong_key_not_a_secret').checkCredentials().catch(() => undefined);
    sim.limits.spend('essentials', 100);
    await client.inspect(listed.slice(29, 30).map(toRef)).catch(() => undefined);
  });

  it('sent and answered only what the description allows', () => {
    const operations = exchanges.map((x) => (JSON.parse(x.body) as { operationName: string }).operationName);
    expect(new Set(operations)).toEqual(new Set(['Account', 'Channels', 'Posts', 'ReadPosts', 'DeletePosts', 'CreatePosts']));
    expect(new Set(exchanges.map((x) => x.status))).toEqual(new Set([200, 401, 429]));
    expect(exchanges.flatMap(checkExchange)).toEqual([]);
  });

  it('refuses, as Buffer does, a document or variables the description refuses', async () => {
    const post = (body: unknown) => sim.fetch(new Request(`${BASE_URL}/`, { method: 'POST', headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' }, body: JSON.stringify(body) }));
    sim.limits.spend('essentials', -100);
    const unknownEnum = await post({ query: 'mutation { createPost(input: {channelId: "64b7f0c2a1e4d3b2c1a0f0aa", schedulingType: automatic_publishing, mode: customScheduled}) { __typename } }' });
    expect(unknownEnum.status).toBe(400);
    expect(await unknownEnum.json()).toMatchObject({ errors: [{ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] });
    const badId = await post({ query: 'query P($i: PostInput!) { post(input: $i) { id } }', variables: { i: { id: 'nope' } } });
    expect(badId.status).toBe(400);
    expect(await badId.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
    const impossibleFragment = await post({ query: 'mutation { deletePost(input: {id: "64b7f0c2a1e4d3b2c1a0f0aa"}) { ... on NotFoundError { message } } }' });
    expect(impossibleFragment.status).toBe(400);
  });

  it('serves a schema that is part of the described one', () => {
    const served = buildSchema(BUFFER_SDL);
    const problems: string[] = [];
    for (const t of Object.values(served.getTypeMap())) {
      if (t.name.startsWith('__')) continue;
      const d = described.getType(t.name);
      if (!d) problems.push(`${t.name}: not described`);
      else if (isEnumType(t) && isEnumType(d)) {
        if (JSON.stringify(t.getValues().map((v) => v.name)) !== JSON.stringify(d.getValues().map((v) => v.name))) problems.push(`${t.name}: other values`);
      } else if (isUnionType(t) && isUnionType(d)) {
        for (const m of t.getTypes()) if (!d.getTypes().some((x) => x.name === m.name)) problems.push(`${t.name}: member ${m.name}`);
      } else if ((isObjectType(t) || isInterfaceType(t) || isInputObjectType(t)) && (isObjectType(d) || isInterfaceType(d) || isInputObjectType(d))) {
        const dFields = d.getFields() as Record<string, { type: unknown }>;
        for (const f of Object.values(t.getFields() as Record<string, { name: string; type: unknown }>)) if (String(dFields[f.name]?.type) !== String(f.type)) problems.push(`${t.name}.${f.name}: ${String(f.type)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
