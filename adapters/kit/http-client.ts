// The raw HTTP client of the adapters not yet ported onto createVendorClient (meta-ads,
// mailchimp): authentication by fixed headers, pacing by the connection's requests/second and
// in-flight cap, every status returned for the adapter's own error mapper. Delete it once they
// are ported (see README.md, "Porting an adapter").
import { bucket, type Buckets } from './buckets.js';
import { createTransport, type HttpRequest, type HttpResponse } from './http.js';
import { Pacer } from './pacer.js';

export { serializeQuery, type HttpRequest, type HttpResponse, type QueryValue } from './http.js';

export interface HttpClientOptions {
  baseUrl: string;
  timeoutMs: number;
  /** headers for every request, typically authentication */
  headers: Record<string, string>;
  limits: { requestsPerSecond: number | null; maxInFlight: number | null };
}

export interface HttpClient {
  /** Resolves with any HTTP status; throws AdapterError only when no response came back. */
  send(request: HttpRequest): Promise<HttpResponse>;
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const transport = createTransport(options);
  const { requestsPerSecond, maxInFlight } = options.limits;
  const buckets: Buckets = {
    ...(requestsPerSecond !== null && { perSecond: bucket.requests(Math.max(1, Math.floor(requestsPerSecond)), (1000 * Math.max(1, Math.floor(requestsPerSecond))) / requestsPerSecond, { reason: `${requestsPerSecond} requests/s` }) }),
    ...(maxInFlight !== null && { inFlight: bucket.inFlight(maxInFlight, { reason: `${maxInFlight} requests in flight` }) }),
  };
  const pacer = new Pacer({ buckets });
  return {
    send: (request) =>
      pacer.run(undefined, () => transport.exchange({ ...request, headers: { ...options.headers, ...request.headers } }, `${request.method} ${request.path}`)),
  };
}
