import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { AppError, type ErrorCode } from '../domain/errors.js';
import type { Logger } from '../logger.js';
import type { AppEnv } from './request-context.js';

// A record, so that a code added to ErrorCode without being listed here fails the type check.
const CODES: Record<ErrorCode, true> = {
  invalid_request: true,
  unauthorized: true,
  forbidden: true,
  not_found: true,
  conflict: true,
  payload_too_large: true,
  unsupported_media_type: true,
  unprocessable: true,
  rate_limited: true,
  internal: true,
  incomplete: true,
  unavailable: true,
};

export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(CODES) as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      details: z.unknown().optional().meta({ description: 'for 400: the zod issues, `[{path, message, code}]`; otherwise what the message is about' }),
    }),
  })
  .meta({ id: 'Error', description: 'Every failure answers this shape; never a stack trace.' });
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** Every failure answers `{"error": {code, message, details?}}`; never a stack trace. */
export function errorBody(error: AppError): ErrorBody {
  return { error: { code: error.code, message: error.message, ...(error.details !== undefined && { details: error.details }) } };
}

export const respondError = (c: Context, error: AppError) => c.json(errorBody(error), error.status as ContentfulStatusCode);

export function onError(logger: Logger): ErrorHandler<AppEnv> {
  return (error, c) => {
    if (error instanceof AppError) {
      if (error.status >= 500) logger.error(error.message, { requestId: c.get('requestId'), code: error.code });
      return respondError(c, error);
    }
    if (error instanceof z.ZodError) return respondError(c, invalid(error));
    if (error instanceof HTTPException && error.status < 500)
      return respondError(c, new AppError(error.status === 413 ? 'payload_too_large' : 'invalid_request', error.message || 'bad request'));
    logger.error('unhandled error', { requestId: c.get('requestId'), error: error instanceof Error ? error.message : String(error) });
    return respondError(c, new AppError('internal', 'something went wrong on our side; the request id identifies it in the logs'));
  };
}

export const onNotFound: NotFoundHandler = (c) => respondError(c, new AppError('not_found', `no route ${c.req.method} ${c.req.path}`));

/** A zod failure as a 400 that lists each issue with its path. */
export function invalid(error: z.ZodError, where = 'request'): AppError {
  const details = error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message, code: i.code }));
  const first = details[0];
  return new AppError('invalid_request', `invalid ${where}${first ? `: ${first.path || '(body)'}: ${first.message}` : ''}`, details);
}
