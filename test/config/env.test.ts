// loadEnv: the environment the service reads at boot, with its defaults and refusals.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { loadEnv } from '../../src/config/load.js';

function refusal(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadEnv(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('the environment was accepted');
}

describe('loadEnv', () => {
  it('defaults: PORT 3000, DATA_DIR ./data, SANDBOX_PORT 3001, loopback, no latency', () => {
    expect(loadEnv({})).toEqual({
      PORT: 3000,
      HOST: '127.0.0.1',
      DATA_DIR: './data',
      SANDBOX_PORT: 3001,
      SANDBOX_LATENCY_MS: 0,
      LOG_LEVEL: 'info',
      TRUST_PROXY: 0,
    });
  });

  it('reads every variable it knows, and ignores the rest of the environment', () => {
    const env = loadEnv({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATA_DIR: '/var/lib/crisis-pause',
      CONFIG_FILE: '/etc/crisis-pause.json',
      BOOTSTRAP_API_KEY: 'k'.repeat(16),
      SANDBOX_PORT: '0',
      SANDBOX_URL: 'http://127.0.0.1:4001',
      SANDBOX_LATENCY_MS: '25',
      LOG_LEVEL: 'warn',
      TRUST_PROXY: '2',
      PATH: '/usr/bin',
      HOOTSUITE_ACME_ACCESS_TOKEN: 'not-for-loadEnv',
    });
    expect(env).toEqual({
      PORT: 8080,
      HOST: '0.0.0.0',
      DATA_DIR: '/var/lib/crisis-pause',
      CONFIG_FILE: '/etc/crisis-pause.json',
      BOOTSTRAP_API_KEY: 'k'.repeat(16),
      SANDBOX_PORT: 0,
      SANDBOX_URL: 'http://127.0.0.1:4001',
      SANDBOX_LATENCY_MS: 25,
      LOG_LEVEL: 'warn',
      TRUST_PROXY: 2,
    });
  });

  it('takes TRUST_PROXY=true as one proxy and false as none', () => {
    expect(loadEnv({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(1);
    expect(loadEnv({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(0);
  });

  it.each<[string, NodeJS.ProcessEnv, string]>([
    ['PORT=abc', { PORT: 'abc' }, 'PORT'],
    ['PORT=70000', { PORT: '70000' }, 'PORT'],
    ['PORT=-1', { PORT: '-1' }, 'PORT'],
    ['PORT=80.5', { PORT: '80.5' }, 'PORT'],
    ['SANDBOX_PORT=x', { SANDBOX_PORT: 'x' }, 'SANDBOX_PORT'],
    ['SANDBOX_URL=not-a-url', { SANDBOX_URL: 'not-a-url' }, 'SANDBOX_URL'],
    ['BOOTSTRAP_API_KEY too short', { BOOTSTRAP_API_KEY: 'short' }, 'BOOTSTRAP_API_KEY'],
    ['SANDBOX_LATENCY_MS=-5', { SANDBOX_LATENCY_MS: '-5' }, 'SANDBOX_LATENCY_MS'],
    ['LOG_LEVEL=verbose', { LOG_LEVEL: 'verbose' }, 'LOG_LEVEL'],
    ['TRUST_PROXY=yes', { TRUST_PROXY: 'yes' }, 'TRUST_PROXY'],
    ['TRUST_PROXY=-1', { TRUST_PROXY: '-1' }, 'TRUST_PROXY'],
  ])('refuses %s, naming the variable', (_name, env, variable) => {
    const error = refusal(env);
    expect(error.source).toBe('environment');
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(new RegExp(`^${variable}: `));
    expect(error.message).toBe(`environment is invalid:\n  - ${error.problems[0]}`);
  });

  it('takes a variable set to nothing (`PORT=` in a compose file) as unset, never as 0', () => {
    const env = loadEnv({ PORT: '', SANDBOX_PORT: ' ', DATA_DIR: '', SANDBOX_URL: '', BOOTSTRAP_API_KEY: '', LOG_LEVEL: '' });
    expect(env).toEqual(loadEnv({}));
    expect(env.PORT).toBe(3000);
    expect(env.SANDBOX_URL).toBeUndefined();
  });

  it('says why a bootstrap key is refused, without repeating it', () => {
    const error = refusal({ BOOTSTRAP_API_KEY: 'tooShortKey' });
    expect(error.problems).toEqual(['BOOTSTRAP_API_KEY: must be at least 16 characters']);
    expect(error.message).not.toContain('tooShortKey');
  });

  it('lists every bad variable at once', () => {
    const error = refusal({ PORT: 'abc', SANDBOX_URL: 'nope', LOG_LEVEL: 'loud' });
    expect(error.problems.map((p) => p.split(':')[0]).sort()).toEqual(['LOG_LEVEL', 'PORT', 'SANDBOX_URL']);
  });
});
