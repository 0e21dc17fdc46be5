// The logger: pino JSON lines, the level from LOG_LEVEL, credential-looking fields censored.
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';

describe('createLogger', () => {
  const capture = (level: Parameters<typeof createLogger>[0]) => {
    const lines: string[] = [];
    return { lines, logger: createLogger(level, (line) => lines.push(line)), parsed: () => lines.map((l) => JSON.parse(l)) };
  };

  it('writes one JSON line per event: level name, ISO time, message and fields', () => {
    const { lines, logger, parsed } = capture('debug');
    logger.info('stopping', { signal: 'SIGTERM' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    expect(parsed()[0]).toEqual({ level: 'info', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/), message: 'stopping', signal: 'SIGTERM' });
  });

  it.each([
    ['warn', ['warn', 'error']],
    ['info', ['info', 'warn', 'error']],
    ['silent', []],
  ] as const)('at %s writes only %j', (level, written) => {
    const { logger, parsed } = capture(level);
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(parsed().map((l) => l.level)).toEqual(written);
  });

  it('censors headers, cookies, keys and tokens, at the top and nested', () => {
    const { lines, logger, parsed } = capture('info');
    logger.warn('careless', {
      authorization: 'Bearer cp_top-secret-1',
      headers: { authorization: 'Bearer cp_top-secret-2', cookie: 'session=top-secret-3', 'x-api-key': 'top-secret-4' },
      apiKey: 'top-secret-5',
      error: { context: { accessToken: 'top-secret-6', password: 'top-secret-7' } },
      connection: 'meta-ads-acme',
    });
    expect(lines.join('\n')).not.toContain('top-secret');
    expect(parsed()[0]).toMatchObject({
      authorization: '[redacted]',
      headers: { authorization: '[redacted]', cookie: '[redacted]', 'x-api-key': '[redacted]' },
      apiKey: '[redacted]',
      error: { context: { accessToken: '[redacted]', password: '[redacted]' } },
      connection: 'meta-ads-acme',
    });
  });
});
