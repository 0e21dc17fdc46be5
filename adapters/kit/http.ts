// The HTTP exchange itself (axios): one request out, one answer back, whatever its status.
// Nothing here paces, authenticates or reads vendor errors: vendor-client.ts does, around this.
import axios, { type AxiosInstance } from 'axios';
import { AdapterError } from './adapter-error.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | ReadonlyArray<string | number> | undefined;

export interface HttpRequest {
  method: HttpMethod;
  /** path below the base URL, starting with `/` */
  path: string;
  /** arrays repeat the key (`?socialProfileIds=1&socialProfileIds=2`) */
  query?: Record<string, QueryValue>;
  json?: unknown;
  /** sent as application/x-www-form-urlencoded (Meta's Graph batch) */
  form?: Record<string, string>;
  /** sent as multipart/form-data (a file upload: Meta's `/{page-id}/photos` `source`) */
  multipart?: FormData;
  headers?: Record<string, string>;
}

export interface HttpResponse {
  status: number;
  /** lower-cased names */
  headers: Record<string, string>;
  /** the body parsed as JSON, or null when empty or not JSON */
  data: unknown;
}

export interface Transport {
  /** Resolves with any HTTP status; throws AdapterError (`timeout`, `network`) when no answer came. */
  exchange(request: HttpRequest, label: string): Promise<HttpResponse>;
}

/** `timeoutMs` covers the exchange only: the caller paces before calling. */
export function createTransport(options: { baseUrl: string; timeoutMs: number }): Transport {
  const instance: AxiosInstance = axios.create({
    baseURL: options.baseUrl.replace(/\/+$/, ''),
    timeout: options.timeoutMs,
    // Vendor errors are read by each platform's signals, so every status resolves here.
    validateStatus: () => true,
    responseType: 'text',
    transformResponse: [(body: unknown) => body],
    maxRedirects: 0,
  });
  return {
    async exchange(request, label) {
      const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
      let data: string | FormData | undefined;
      if (request.json !== undefined) {
        headers['Content-Type'] ??= 'application/json';
        data = JSON.stringify(request.json);
      } else if (request.form !== undefined) {
        headers['Content-Type'] = 'application/x-www-form-urlencoded';
        data = new URLSearchParams(request.form).toString();
      } else if (request.multipart !== undefined) {
        // axios sets the multipart Content-Type with its boundary itself.
        data = request.multipart;
      }
      try {
        const response = await instance.request<string>({
          method: request.method,
          url: request.path + serializeQuery(request.query),
          headers,
          data,
        });
        return { status: response.status, headers: lowerCaseHeaders(response.headers as Record<string, unknown>), data: parseJson(response.data) };
      } catch (error) {
        throw networkError(error, request, label);
      }
    },
  };
}

export function serializeQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function parseJson(body: unknown): unknown {
  if (typeof body !== 'string' || body.trim() === '') return null;
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}

function lowerCaseHeaders(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined && v !== null) out[k.toLowerCase()] = String(v);
  return out;
}

// Errors raised before the request could leave: the platform never saw it.
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

// No answer came back. Unless the connection was never made, a write may have reached the
// platform. The message names the operation only, never the query (it may hold a token).
function networkError(error: unknown, request: HttpRequest, label: string): AdapterError {
  const code = axios.isAxiosError(error) ? error.code : undefined;
  const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT';
  return new AdapterError({
    code: timedOut ? 'timeout' : 'network',
    message: `${label}: ${timedOut ? 'timed out' : `network error (${code ?? 'unknown'})`}`,
    retryable: true,
    ambiguous: request.method !== 'GET' && !NEVER_SENT.has(code ?? ''),
  });
}
