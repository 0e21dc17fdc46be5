// LinkedIn's error answers, as the simulator gives them: the Rest.li error body
// `{status, serviceErrorCode, code?, message}` with the HTTP status, and its 429s.
// https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/error-handling
import type { Context } from 'hono';

export interface RestliErrorBody {
  status: number;
  serviceErrorCode?: number;
  code?: string;
  message: string;
}

export function restliError(c: Context, body: RestliErrorBody, headers: Record<string, string> = {}): Response {
  for (const [k, v] of Object.entries(headers)) c.header(k, v);
  c.header('x-li-uuid', 'AAYsimulatorTraceId0000==');
  return c.json(body, body.status as 400);
}

export const ERRORS = {
  // Bodies quoted in LinkedIn's docs and in issues of LinkedIn client libraries (README).
  missingToken: { status: 401, serviceErrorCode: 65604, code: 'EMPTY_ACCESS_TOKEN', message: 'Empty oauth2 access token' },
  invalidToken: { status: 401, serviceErrorCode: 65600, code: 'INVALID_ACCESS_TOKEN', message: 'Invalid access token' },
  expiredToken: { status: 401, serviceErrorCode: 65601, code: 'EXPIRED_ACCESS_TOKEN', message: 'The token used in the request has expired' },
  versionMissing: { status: 426, code: 'VERSION_MISSING', message: 'A version must be present. Please specify a version by adding the LinkedIn-Version header.' },
  internal: { status: 500, message: 'Internal Server Error' },
} as const satisfies Record<string, RestliErrorBody>;

export const nonexistentVersion = (version: string): RestliErrorBody => ({ status: 426, code: 'NONEXISTENT_VERSION', message: `Requested version ${version} is not active` });
export const badRequest = (message: string): RestliErrorBody => ({ status: 400, serviceErrorCode: 100, code: 'ILLEGAL_ARGUMENT', message });
export const notFound = (message: string): RestliErrorBody => ({ status: 404, serviceErrorCode: 0, message });
export const accessDenied = (resource: string): RestliErrorBody => ({ status: 403, serviceErrorCode: 100, code: 'ACCESS_DENIED', message: `Not enough permissions to access: ${resource}` });

/**
 * LinkedIn's 429 (no Retry-After documented). The daily-limit texts are as third-party reports
 * quote them ("Resource level throttle APPLICATION DAY limit for calls to this resource is
 * reached."), serviceErrorCode 101 as in a quoted 429 body; `infrastructure` is the bare throttle
 * LinkedIn says it may send "as part of infrastructure protection".
 */
export const THROTTLES = {
  'application-day': { status: 429, serviceErrorCode: 101, message: 'Resource level throttle APPLICATION DAY limit for calls to this resource is reached.' },
  'member-day': { status: 429, serviceErrorCode: 101, message: 'Resource level throttle MEMBER DAY limit for calls to this resource is reached.' },
  infrastructure: { status: 429, serviceErrorCode: 101, message: 'Resource level throttle limit for calls to this resource is reached.' },
} as const satisfies Record<string, RestliErrorBody>;
export type ThrottleSignal = keyof typeof THROTTLES | 'with-retry-after';
