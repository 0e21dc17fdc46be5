import type { OpenAPIHono, RouteConfig } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from './request-context.js';
import { errorResponses, type ErrorStatus } from './responses.js';
import { headers, jsonBody, params, query } from './validate.js';

type Schema = z.ZodType | undefined;
type Parsed<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

/** One route: the zod schemas that validate it are the ones its OpenAPI operation shows. */
export interface Endpoint<P extends Schema, Q extends Schema, B extends Schema, H extends Schema> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI style, relative to the sub-app: `/{id}/items` */
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  /** false for what anyone may call: probes, the document itself */
  auth?: boolean;
  params?: P & z.ZodObject;
  query?: Q & z.ZodObject;
  /** documented and validated, after the query and the body */
  headers?: H & z.ZodObject;
  /** `required: false`: an empty body counts as `{}` */
  body?: { schema: B & z.ZodType; required: boolean; description?: string };
  responses: RouteConfig['responses'];
  /** error statuses beyond those that follow from the above (401/429 with auth, 400 with input, 404 with params, 413/415 with a body, 500, 503) */
  errors?: ErrorStatus[];
}

export interface Input<P extends Schema, Q extends Schema, B extends Schema, H extends Schema> {
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
  headers: Parsed<H>;
}

/**
 * Registers `spec` in the app's OpenAPI registry and mounts `handler` behind the validation the
 * spec describes. Validation is ours (validate.ts), not @hono/zod-openapi's own validators: they
 * would take `application/json-patch+json` as JSON, ignore a text/plain body and word their
 * errors differently; the API keeps the answers it documents (400 with the zod issues, 415).
 */
export function endpoint<P extends Schema = undefined, Q extends Schema = undefined, B extends Schema = undefined, H extends Schema = undefined>(
  app: OpenAPIHono<AppEnv>,
  spec: Endpoint<P, Q, B, H>,
  handler: (c: Context<AppEnv>, input: Input<P, Q, B, H>) => Response | Promise<Response>,
): void {
  const auth = spec.auth ?? true;
  const statuses: ErrorStatus[] = [...(spec.errors ?? []), 500, 503];
  if (auth) statuses.push(401, 403, 429);
  if (spec.params || spec.query || spec.body || spec.headers) statuses.push(400);
  if (spec.params) statuses.push(404);
  if (spec.body) statuses.push(413, 415);
  app.openAPIRegistry.registerPath({
    method: spec.method,
    path: spec.path,
    summary: spec.summary,
    ...(spec.description && { description: spec.description }),
    tags: spec.tags,
    security: auth ? [{ apiKey: [] }] : [],
    request: {
      ...(spec.params && { params: spec.params }),
      ...(spec.query && { query: spec.query }),
      ...(spec.headers && { headers: spec.headers }),
      ...(spec.body && {
        body: {
          required: spec.body.required,
          ...(spec.body.description && { description: spec.body.description }),
          content: { 'application/json': { schema: spec.body.schema } },
        },
      }),
    },
    responses: { ...errorResponses(statuses), ...spec.responses },
  });
  app.on(spec.method.toUpperCase(), spec.path.replaceAll(/\{(\w+)\}/g, ':$1'), async (c) => {
    // The order of the checks is part of the API: query, then body, then headers.
    const input = {
      params: spec.params ? params(c, spec.params) : undefined,
      query: spec.query ? query(c, spec.query) : undefined,
      body: spec.body ? await jsonBody(c, spec.body.schema, { optional: !spec.body.required }) : undefined,
      headers: undefined as unknown,
    };
    input.headers = spec.headers ? headers(c, spec.headers) : undefined;
    return handler(c, input as Input<P, Q, B, H>);
  });
}
