// auth.header with a `secret`: a credential inside a longer header value (Klaviyo's
// `Klaviyo-API-Key <key>`) is scrubbed on its own too, wherever a message repeats it.
import { describe, expect, it } from 'vitest';
import { applyAuth, auth, secretsOf } from '../../../adapters/kit/auth.js';

describe('auth.header secret', () => {
  it('sends the whole value and scrubs the value and the credential inside it', () => {
    const strategy = auth.header('Authorization', 'Klaviyo-API-Key pk_fake_123', 'pk_fake_123');
    expect(applyAuth(strategy, { method: 'GET', path: '/x' }).headers).toEqual({ Authorization: 'Klaviyo-API-Key pk_fake_123' });
    expect(secretsOf(strategy)).toEqual(['Klaviyo-API-Key pk_fake_123', 'pk_fake_123']);
  });

  it('stays as it was without one', () => {
    expect(secretsOf(auth.header('api-key', 'xkeysib-fake'))).toEqual(['xkeysib-fake']);
    expect(auth.header('api-key', 'xkeysib-fake')).toEqual({ kind: 'header', name: 'api-key', value: 'xkeysib-fake' });
  });
});
