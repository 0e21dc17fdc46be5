// msw at the network edge: every request an adapter makes is answered by a simulator,
// and anything unexpected fails the test.
import { http } from 'msw';
import { setupServer, type SetupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Simulator } from '../../adapters/kit/simulator/types.js';

/** Starts msw for the current test file; handlers are reset after each test. */
export function useMsw(): SetupServer {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}

/** Hands every request under `baseUrl` to the simulator. */
export function routeToSimulator(server: SetupServer, baseUrl: string, simulator: Simulator): void {
  server.use(http.all(`${baseUrl.replace(/\/+$/, '')}/*`, ({ request }) => simulator.fetch(request)));
}
