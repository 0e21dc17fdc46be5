// Structured logs through pino: one JSON line per event on stderr. Callers pass fields, never
// credentials; pino's `redact` is the net under that rule, censoring fields whose names look like
// credentials (an Authorization header logged by mistake, a token inside an error's context).
import { pino, type DestinationStream } from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
type Fields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: Fields): void;
  info(message: string, fields?: Fields): void;
  warn(message: string, fields?: Fields): void;
  error(message: string, fields?: Fields): void;
}

/** Where lines go: a pino destination, or a function given each line (tests capture them). */
export type LogDestination = DestinationStream | ((line: string) => void);

/** Field names that may carry a credential, censored at the top level and two levels down. */
const SECRET_FIELDS = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'apiKey',
  'api_key',
  'key',
  'token',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'password',
  'secret',
  'clientSecret',
  'client_secret',
  'credentials',
];
// pino's paths take `*` for one level only, so each depth is listed; brackets allow the dashes.
export const REDACTED_PATHS = SECRET_FIELDS.flatMap((name) => {
  const key = `["${name}"]`;
  return [key, `*${key}`, `*.*${key}`];
});

export function createLogger(level: LogLevel, destination: LogDestination = pino.destination({ fd: 2, sync: true })): Logger {
  // Synchronous on stderr: the last lines before a process.exit are not lost.
  const stream: DestinationStream = typeof destination === 'function' ? { write: (line) => destination(line.replace(/\n$/, '')) } : destination;
  const log = pino(
    {
      level,
      base: undefined,
      messageKey: 'message',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    stream,
  );
  return {
    debug: (message, fields = {}) => log.debug(fields, message),
    info: (message, fields = {}) => log.info(fields, message),
    warn: (message, fields = {}) => log.warn(fields, message),
    error: (message, fields = {}) => log.error(fields, message),
  };
}
