// Meta's Graph API says a call failed the same way for every product on it (Marketing API, Pages):
// a JSON body `{"error":{code, error_subcode, fbtrace_id, …}}`, usually with HTTP 400, sometimes
// 403/500 or 429 — and a batch element carries its own status and body. One reading of it for the
// adapters on Graph (`meta-ads`, `facebook-pages`); each says which codes throttle, which mean
// "no such object", and how long a throttle lasts by its own usage headers.
// https://developers.facebook.com/docs/graph-api/guides/error-handling
import { z } from 'zod';
import type { AdapterErrorCode } from '../types.js';
import { codeForStatus, type VendorFailure, type VendorSignals } from './signals.js';

export const graphErrorSchema = z.looseObject({
  message: z.string().optional(),
  type: z.string().optional(),
  code: z.coerce.number().optional(),
  error_subcode: z.coerce.number().optional(),
  fbtrace_id: z.string().optional(),
  is_transient: z.boolean().optional(),
  error_user_title: z.string().optional(),
  error_user_msg: z.string().optional(),
});
export type GraphError = z.infer<typeof graphErrorSchema>;

export const graphErrorBodySchema = z.looseObject({ error: graphErrorSchema });

export function graphErrorOf(body: unknown): GraphError | undefined {
  const parsed = graphErrorBodySchema.safeParse(body);
  return parsed.success ? parsed.data.error : undefined;
}

/**
 * An app with "Require App Secret" on answers code 100 "API calls from the server require an
 * appsecret_proof argument", or "Invalid appsecret_proof provided in the API argument" for a wrong
 * one: a credential problem (the app secret is missing or wrong), not a bad request.
 */
export function isAppSecretProofError(error: GraphError | undefined): boolean {
  return error?.code === 100 && /appsecret_proof/i.test(error.message ?? '');
}

export interface GraphProduct {
  isThrottleCode(code: number | undefined): boolean;
  isMissingObject(error: GraphError | undefined): boolean;
  /** how long a throttle lasts, by the product's usage headers */
  retryAfterMs(headers: Readonly<Record<string, string>>): number | undefined;
}

/** The kit's failure verdicts for one product on Graph. */
export function graphSignals(product: GraphProduct): VendorSignals {
  return {
    classify(response): VendorFailure | null {
      const error = graphErrorOf(response.data);
      // A 2xx is a failure only when its body is a Graph error (a batch element can be one).
      if (response.status >= 200 && response.status < 300 && !error) return null;
      const code = classify(product, response.status, error);
      const retryAfterMs = code === 'rate_limited' ? product.retryAfterMs(response.headers) : undefined;
      return {
        code,
        detail: describe(response.status, error),
        vendorCode: error?.code === undefined ? undefined : [error.code, error.error_subcode].filter((v) => v !== undefined).join('/'),
        ...(retryAfterMs !== undefined && { retryAfterMs }),
      };
    },
  };
}

function classify(product: GraphProduct, status: number, error: GraphError | undefined): AdapterErrorCode {
  const code = error?.code;
  // A throttled call was refused before it ran: retryable and never ambiguous (the defaults).
  if (status === 429 || product.isThrottleCode(code)) return 'rate_limited';
  if (code === 190 || code === 102 || code === 104 || isAppSecretProofError(error)) return 'unauthorized';
  // 10/200–299: a permission or task the token lacks; 368: blocked for policy reasons, a person must look.
  if (code === 10 || code === 3 || code === 368 || (code !== undefined && code >= 200 && code <= 299)) return 'forbidden';
  if (product.isMissingObject(error)) return 'not_found';
  // Unknown/service errors and anything Meta flags transient: retry; a write may have applied.
  if (code === 1 || code === 2 || error?.is_transient === true || status >= 500) return 'server_error';
  if (code === 100) return 'invalid_request';
  return codeForStatus(status >= 400 ? status : 400);
}

function describe(status: number, error: GraphError | undefined): string {
  if (!error) return `HTTP ${status}`;
  const detail = [error.message, error.error_user_msg].filter(Boolean).join(' — ') || error.type || 'no message';
  const trace = error.fbtrace_id ? ` (fbtrace_id ${error.fbtrace_id})` : '';
  // The kit removes our own credentials; a Meta token of someone else's (they start with EAA)
  // echoed in a message must not be kept either.
  return `${detail}${trace}`.replace(/EAA[A-Za-z0-9]{16,}/g, '***');
}


/** A usage header's JSON (X-App-Usage, X-Page-Usage, X-Ad-Account-Usage…), or undefined when absent or unreadable. */
export function readUsageHeader<T>(text: string | undefined, schema: z.ZodType<T>): T | undefined {
  if (!text) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
