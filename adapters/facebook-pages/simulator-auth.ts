// Request parameters and credentials, read the way Graph reads them: parameters from the query
// string or a form/JSON body; the token from `Authorization: Bearer|OAuth …` or an
// `access_token` parameter (a batch's included); with "Require App Secret" on, an
// `appsecret_proof` that must be the HMAC-SHA256 of the token keyed with the app secret.
// https://developers.facebook.com/docs/graph-api/guides/secure-requests#appsecret_proof
import type { Context, HonoRequest } from 'hono';
import { appSecretProof } from '../kit/auth.js';
import type { SimulatorOptions } from '../kit/simulator/types.js';
import { appSecretProofInvalid, appSecretProofMissing, graphErrorResponse } from './simulator-errors.js';
import type { FacebookPagesWorld } from './simulator-world.js';

export type Params = Record<string, string>;
/** Files of a multipart body (a photo upload's `source`). */
export type Files = Record<string, File>;

/** A request's parameters: query, then the body's (form or JSON) over them; its files into `files`. */
export async function readParams(req: HonoRequest, files: Files = {}): Promise<Params> {
  const params: Params = Object.fromEntries(new URL(req.url).searchParams);
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'DELETE') return params;
  const type = req.header('content-type') ?? '';
  if (type.includes('application/json')) {
    const json: unknown = await req.json().catch(() => null);
    if (json && typeof json === 'object') for (const [k, v] of Object.entries(json)) params[k] = typeof v === 'string' ? v : JSON.stringify(v);
  } else if (type.includes('form')) {
    for (const [k, v] of Object.entries(await req.parseBody())) {
      if (typeof v === 'string') params[k] = v;
      else if (v instanceof File) files[k] = v;
    }
  }
  return params;
}

/** The outer request's parameters, read once (Hono keeps the parsed body). */
export async function paramsOf(c: Context): Promise<Params> {
  const known = c.get('graphParams') as Params | undefined;
  if (known) return known;
  const files: Files = {};
  const params = await readParams(c.req, files);
  c.set('graphParams', params);
  c.set('graphFiles', files);
  return params;
}

/** The outer request's files, once `paramsOf` read its body. */
export const filesOf = (c: Context): Files => (c.get('graphFiles') as Files | undefined) ?? {};

/** The simulated CDN (`/__cdn/…`) takes no credential, as Meta's CDN does not. */
export const isCdnPath = (c: Context): boolean => new URL(c.req.url).pathname.startsWith('/__cdn/');

/** Wrong credentials get Graph's own answers: 104, 190 (463 when expired), 100 for appsecret_proof. */
export async function authenticate(c: Context, world: FacebookPagesWorld, { clock, credentials }: Pick<SimulatorOptions, 'clock' | 'credentials'>): Promise<Response | null> {
  if (isCdnPath(c)) return null;
  const params = await paramsOf(c);
  const header = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]?.trim();
  const token = header || params['access_token'] || null;
  if (!token) return graphErrorResponse({ status: 400, code: 104, message: 'An access token is required to request this resource.' });
  if (world.isExpired(token)) {
    return graphErrorResponse({
      status: 400,
      code: 190,
      subcode: 463,
      message: `Error validating access token: Session has expired on ${clock.now().toUTCString()}.`,
      headers: { 'www-authenticate': 'OAuth "Facebook Platform" "invalid_token" "Session has expired"' },
    });
  }
  if (token !== credentials['accessToken']) {
    return graphErrorResponse({
      status: 400,
      code: 190,
      message: 'Invalid OAuth access token - Cannot parse access token',
      headers: { 'www-authenticate': 'OAuth "Facebook Platform" "invalid_token" "Invalid OAuth access token - Cannot parse access token"' },
    });
  }
  const proof = params['appsecret_proof'];
  if (proof === undefined) return world.app.requireAppSecret ? appSecretProofMissing() : null;
  const secret = credentials['appSecret'];
  return secret && proof === appSecretProof(token, secret) ? null : appSecretProofInvalid();
}
