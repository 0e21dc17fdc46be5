// What Meta's Graph API does the same for every Graph platform the simulators play (Meta Ads,
// Facebook Pages): its error shape, how it reads a request's parameters, and how it signs one in.
// https://developers.facebook.com/docs/graph-api/guides/error-handling
// https://developers.facebook.com/docs/graph-api/guides/secure-requests#appsecret_proof
import type { Context, HonoRequest } from 'hono';
import { appSecretProof } from '../auth.js';
import type { SimulatorOptions } from './types.js';

export interface GraphErrorSpec {
  status: number;
  message: string;
  code: number;
  subcode?: number;
  type?: string;
  transient?: boolean;
  userTitle?: string;
  userMessage?: string;
  headers?: Record<string, string>;
}

let trace = 0;

/** {error:{message,type,code,error_subcode,fbtrace_id}}; `tracePrefix` tells the platforms' traces apart. */
export function graphError(spec: GraphErrorSpec, tracePrefix: string): Response {
  const body = {
    error: {
      message: spec.message,
      type: spec.type ?? 'OAuthException',
      code: spec.code,
      ...(spec.subcode !== undefined && { error_subcode: spec.subcode }),
      ...(spec.transient !== undefined && { is_transient: spec.transient }),
      ...(spec.userTitle && { error_user_title: spec.userTitle }),
      ...(spec.userMessage && { error_user_msg: spec.userMessage }),
      fbtrace_id: `${tracePrefix}${(++trace).toString(36).padStart(10, 'x')}`,
    },
  };
  return new Response(JSON.stringify(body), { status: spec.status, headers: { 'content-type': 'application/json; charset=UTF-8', ...spec.headers } });
}

export type Params = Record<string, string>;
/** Files of a multipart body (a photo upload's `source`). */
export type Files = Record<string, File>;

/** A request's parameters: query, then the body's (form or JSON) over them; its files into `files`. */
export async function readParams(req: HonoRequest, files: Files = {}): Promise<Params> {
  const params: Params = Object.fromEntries(new URL(req.url).searchParams);
  if (req.method === 'GET' || req.method === 'HEAD') return params;
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

/** What sign-in needs of a Graph world: its expired tokens and whether its app requires a proof. */
export interface GraphSignInWorld {
  isExpired(token: string): boolean;
  readonly app: { readonly requireAppSecret: boolean };
}

/**
 * The token from `Authorization: Bearer|OAuth …` or an `access_token` parameter (a batch's
 * included); wrong credentials get Graph's own answers: 104, 190 (463 when expired), and 100 for
 * a missing or wrong `appsecret_proof` (the HMAC-SHA256 of the token keyed with the app secret).
 */
export async function graphSignIn(
  c: Context,
  world: GraphSignInWorld,
  { clock, credentials }: Pick<SimulatorOptions, 'clock' | 'credentials'>,
  error: (spec: GraphErrorSpec) => Response,
): Promise<Response | null> {
  const params = await paramsOf(c);
  const header = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]?.trim();
  const token = header || params['access_token'] || null;
  if (!token) return error({ status: 400, code: 104, message: 'An access token is required to request this resource.' });
  if (world.isExpired(token)) {
    return error({
      status: 400,
      code: 190,
      subcode: 463,
      message: `Error validating access token: Session has expired on ${clock.now().toUTCString()}.`,
      headers: { 'www-authenticate': 'OAuth "Facebook Platform" "invalid_token" "Session has expired"' },
    });
  }
  if (token !== credentials['accessToken']) {
    return error({
      status: 400,
      code: 190,
      message: 'Invalid OAuth access token - Cannot parse access token',
      headers: { 'www-authenticate': 'OAuth "Facebook Platform" "invalid_token" "Invalid OAuth access token - Cannot parse access token"' },
    });
  }
  // Meta checks a proof whenever one is sent, and insists on one when the app requires it. It
  // always knows the app's secret; a simulator told none treats every proof as wrong. The texts
  // are Meta's, as quoted in Graph client libraries' issues (scribejava/scribejava#758,
  // facebookarchive/php-graph-sdk#1117); the status is not quoted there: 400, like Meta's other
  // code-100 answers (assumed).
  const proof = params['appsecret_proof'];
  const proofError = (message: string) => error({ status: 400, code: 100, type: 'GraphMethodException', message });
  if (proof === undefined) return world.app.requireAppSecret ? proofError('API calls from the server require an appsecret_proof argument') : null;
  const secret = credentials['appSecret'];
  return secret && proof === appSecretProof(token, secret) ? null : proofError('Invalid appsecret_proof provided in the API argument');
}

/** Graph's answers that read the same on every Graph platform, in that platform's error shape. */
export function graphAnswers(error: (spec: GraphErrorSpec) => Response) {
  const unknownError = (): Response => error({ status: 500, code: 1, subcode: 99, transient: true, message: 'An unknown error occurred' });
  const unknownPath = (path: string): Response => error({ status: 400, code: 2500, message: `Unknown path components: ${path}` });
  return {
    unknownError,
    unknownPath,
    /** What the simulator builder answers for an injected 5xx, a path it does not know, a crash. */
    handlers: { serverError: unknownError, notFound: (c: Context) => unknownPath(new URL(c.req.url).pathname), onError: unknownError },
    /** The app's own call count exhausted: code 4 with X-App-Usage. */
    appLimitReached: (): Response =>
      error({
        status: 400,
        code: 4,
        transient: true,
        message: '(#4) Application request limit reached',
        headers: { 'x-app-usage': JSON.stringify({ call_count: 100, total_cputime: 12, total_time: 15 }) },
      }),
    /** A throttle signal some clients meet in front of Graph: a bare HTTP 429. */
    bareTooManyRequests: (): Response => new Response('Too Many Requests', { status: 429, headers: { 'content-type': 'text/plain' } }),
  };
}
