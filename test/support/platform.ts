// Acting on a sandbox platform through its own API, as a person in the vendor's UI would.
import { expect } from 'vitest';
import { SANDBOX_CREDENTIAL } from '../../src/connections/sandbox-credential.js';
import type { Sandbox } from '../../src/sandbox/sandbox.js';

export async function platformCall(
  sandbox: Sandbox,
  connection: string,
  method: string,
  path: string,
  body?: BodyInit,
  headers: Record<string, string> = {},
): Promise<Response> {
  const response = await sandbox.fetch(
    new Request(`http://sandbox.test/${connection}${path}`, {
      method,
      headers: { authorization: `Bearer ${SANDBOX_CREDENTIAL}`, ...headers },
      ...(body !== undefined && { body }),
    }),
  );
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return response;
}

/** A person changes a Meta campaign's fields in Ads Manager. */
export const setMetaCampaign = (sandbox: Sandbox, id: string, fields: Record<string, string>) =>
  platformCall(sandbox, 'meta-ads-acme', 'POST', `/v25.0/${id}`, new URLSearchParams(fields), {
    'content-type': 'application/x-www-form-urlencoded',
  });
