// A simulator may say which method injected faults match a request by: a GraphQL platform answers
// reads over POST, and a fault aimed at reads (`method: 'GET'`) must hit its queries, not its mutations.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { buildSimulator, type SimulatorSpec } from '../../../adapters/kit/simulator/build-simulator.js';
import type { SandboxItem } from '../../../adapters/kit/simulator/types.js';
import { SimWorld } from '../../../adapters/kit/simulator/world.js';
import type { JsonValue } from '../../../adapters/types.js';
import { ManualClock } from '../../support/clock.js';

class EmptyWorld extends SimWorld {
  state(): SandboxItem[] {
    return [];
  }
  exportData(): JsonValue {
    return {};
  }
}

const spec = (faultMethod?: SimulatorSpec<EmptyWorld>['faultMethod']): SimulatorSpec<EmptyWorld> => ({
  platform: 'graph',
  world: () => new EmptyWorld(),
  seed: () => undefined,
  authenticate: () => null,
  throttles: { http: (c) => c.json({ slow: true }, 429) },
  serverError: (c) => c.json({ boom: true }, 500),
  routes: (app: Hono) => void app.post('/', (c) => c.json({ data: {} })),
  notFound: (c) => c.json({}, 404),
  onError: (_e, c) => c.json({}, 500),
  ...(faultMethod && { faultMethod }),
});

const post = (query: string) => new Request('https://graph.test/', { method: 'POST', body: JSON.stringify({ query }) });
const isQuery = (method: string, _path: string, body: string) => (method === 'POST' && !/^\s*mutation\b/.test(JSON.parse(body || '{}').query ?? '') ? 'GET' : method);

describe('simulator fault method', () => {
  it('lets a read fault hit a query sent over POST, and not a mutation', async () => {
    const sim = buildSimulator(spec(isQuery), { clock: new ManualClock(), credentials: {}, accountIds: [], seed: 'empty' });
    sim.faults.inject({ kind: 'server-error', method: 'GET', times: Infinity });
    expect((await sim.fetch(post('mutation { a }'))).status).toBe(200);
    expect((await sim.fetch(post('query { a }'))).status).toBe(500);
    // recorded as they came: POST both
    expect(sim.requests.map((r) => r.method)).toEqual(['POST', 'POST']);
  });

  it('matches the HTTP method when the platform says nothing', async () => {
    const sim = buildSimulator(spec(), { clock: new ManualClock(), credentials: {}, accountIds: [], seed: 'empty' });
    sim.faults.inject({ kind: 'server-error', method: 'GET', times: Infinity });
    expect((await sim.fetch(post('query { a }'))).status).toBe(200);
  });
});
