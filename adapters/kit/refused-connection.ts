// A connection whose configuration is wrong (no token, a malformed account id, bad settings)
// still connects, and fails every call with a clear error instead of throwing at start-up: the
// service runs, its readiness names the connection, and nothing reaches the platform.
import type { AdapterClient } from '../types.js';
import { AdapterError } from './adapter-error.js';
import type { VendorClient } from './vendor-client.js';

/** The error a configuration problem gives: never retryable, never ambiguous (nothing was sent). */
export const configurationProblem = (code: 'unauthorized' | 'invalid_request', message: string): AdapterError =>
  new AdapterError({ code, message, retryable: false, ambiguous: false });

/** An adapter client whose every call fails with `<platform> connection: <message>`. */
export function refusedConnection(platform: string, code: 'unauthorized' | 'invalid_request', message: string): AdapterClient {
  const fail = (): never => {
    throw configurationProblem(code, `${platform} connection: ${message}`);
  };
  return {
    checkCredentials: async () => fail(),
    listLive: async function* () {
      yield fail();
    },
    suspend: async () => fail(),
    restore: async () => fail(),
    inspect: async () => fail(),
  };
}

/** A vendor client whose every request fails with `problem` before leaving. */
export function refusingClient(api: VendorClient, problem: AdapterError): VendorClient {
  const fail = (): Promise<never> => Promise.reject(problem);
  return { ...api, send: fail, json: fail };
}
