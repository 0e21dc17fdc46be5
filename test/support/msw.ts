// msw at the network edge: every request an adapter makes is answered by a simulator,
// and anything unexpected fails the test.
import { http } from 'msw';
import { setupServer, type SetupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Simulator } from '../../adapters/kit/simulator/types.js';
import type { Exchange } from '../specs/openapi-contract.js';

/** Starts msw for the current test file; handlers are reset after each test. */
export function useMsw(): SetupServer {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}

/**
 * Hands every request under `baseUrl` to the simulator; with `record`, keeps each request and its
 * answer as they crossed the edge (the contract tests check them against the vendor's description).
 */
export function routeToSimulator(server: SetupServer, baseUrl: string, simulator: Simulator, record?: Exchange[]): void {
  server.use(
    http.all(`${baseUrl.replace(/\/+$/, '')}/*`, async ({ request }) => {
      if (!record) return simulator.fetch(request);
      const body = await request.clone().text();
      const response = await simulator.fetch(request);
      record.push({ method: request.method, url: new URL(request.url), headers: new Headers(request.headers), body, status: response.status, responseBody: await response.clone().text() });
      return response;
    }),
  );
}
