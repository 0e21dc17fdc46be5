import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError } from '../domain/errors.js';
import { invalid } from './errors.js';

/**
 * The JSON body parsed with `schema`. An empty body counts as `{}` when `optional` (resume,
 * retry): a body that is there must be JSON (415 otherwise) and valid (400 with the issues).
 */
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S, options: { optional?: boolean } = {}): Promise<z.infer<S>> {
  const text = await c.req.text();
  if (text.trim() === '') {
    if (!options.optional) throw new AppError('invalid_request', 'a JSON body is required');
    return parse(schema, {}, 'body');
  }
  const type = c.req.header('content-type') ?? '';
  // The media type must be exactly application/json (parameters such as charset allowed): a
  // `\b` boundary would also take application/json-patch+json or application/json-seq, bodies
  // that merely look like JSON but mean something else, and act on them.
  if (!/^application\/json\s*(;|$)/i.test(type)) throw new AppError('unsupported_media_type', 'send the body as application/json');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('invalid_request', 'the body is not valid JSON');
  }
  return parse(schema, raw, 'body');
}

export function query<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  return parse(schema, c.req.query(), 'query');
}

/** The request headers (names in lower case) parsed with `schema`; other headers are ignored. */
export function headers<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  return parse(schema, c.req.header(), 'header');
}

export function params<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  return parse(schema, c.req.param(), 'path');
}

function parse<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalid(parsed.error, where);
  return parsed.data;
}

