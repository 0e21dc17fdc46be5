// How a request proves who sends it. Each platform picks one strategy in its adapter.ts; the
// vendor client applies it to every request and scrubs its secrets from every error message.
import { createHmac } from 'node:crypto';
import type { HttpRequest } from './http.js';

export type AuthStrategy =
  | { kind: 'none' }
  /** `Authorization: Bearer <token>` (OAuth2 tokens: Hootsuite). An empty token sends no header. */
  | { kind: 'bearer'; token: string }
  /** HTTP Basic (Mailchimp: any user name, the API key as password). */
  | { kind: 'basic'; username: string; password: string }
  /**
   * A header of the platform's own (Brevo's `api-key`). `secret`: the credential inside a value
   * that carries more (Klaviyo's `Klaviyo-API-Key <key>`), scrubbed on its own as well.
   */
  | { kind: 'header'; name: string; value: string; secret?: string }
  /**
   * The token as a parameter of the form body, so it never sits in a URL (Meta's Graph batch:
   * `access_token`, plus `appsecret_proof` = HMAC-SHA256 of the token keyed with the app secret
   * when the app requires it). A request without a form body carries the token as
   * `Authorization: Bearer` instead and the proof in the query (it is useless without the token).
   */
  | { kind: 'form-token'; param: string; token: string; appSecret?: string | undefined; proofParam?: string };

export const auth = {
  none: (): AuthStrategy => ({ kind: 'none' }),
  bearer: (token: string): AuthStrategy => ({ kind: 'bearer', token }),
  basic: (username: string, password: string): AuthStrategy => ({ kind: 'basic', username, password }),
  header: (name: string, value: string, secret?: string): AuthStrategy => ({ kind: 'header', name, value, ...(secret !== undefined && { secret }) }),
  formToken: (token: string, options: { param?: string; appSecret?: string | undefined; proofParam?: string } = {}): AuthStrategy => ({
    kind: 'form-token',
    param: options.param ?? 'access_token',
    token,
    appSecret: options.appSecret,
    proofParam: options.proofParam ?? 'appsecret_proof',
  }),
};

/** HMAC-SHA256 of the token keyed with the app secret, hex (Meta's `appsecret_proof`). */
export function appSecretProof(token: string, appSecret: string): string {
  return createHmac('sha256', appSecret).update(token).digest('hex');
}

/** The request as it leaves, carrying the credential. */
export function applyAuth(strategy: AuthStrategy, request: HttpRequest): HttpRequest {
  switch (strategy.kind) {
    case 'none':
      return request;
    case 'bearer':
      return strategy.token ? withHeader(request, 'Authorization', `Bearer ${strategy.token}`) : request;
    case 'basic':
      return withHeader(request, 'Authorization', `Basic ${basicValue(strategy)}`);
    case 'header':
      return withHeader(request, strategy.name, strategy.value);
    case 'form-token': {
      const proof = strategy.appSecret ? { [strategy.proofParam ?? 'appsecret_proof']: appSecretProof(strategy.token, strategy.appSecret) } : {};
      if (request.form) return { ...request, form: { ...request.form, [strategy.param]: strategy.token, ...proof } };
      return { ...withHeader(request, 'Authorization', `Bearer ${strategy.token}`), query: { ...request.query, ...proof } };
    }
  }
}

/** Every value that must never appear in a message: the credential and what encodes it. */
export function secretsOf(strategy: AuthStrategy): string[] {
  switch (strategy.kind) {
    case 'none':
      return [];
    case 'bearer':
      return [strategy.token];
    case 'basic':
      return [strategy.password, basicValue(strategy)];
    case 'header':
      return strategy.secret ? [strategy.value, strategy.secret] : [strategy.value];
    case 'form-token':
      return strategy.appSecret ? [strategy.token, strategy.appSecret, appSecretProof(strategy.token, strategy.appSecret)] : [strategy.token];
  }
}

const basicValue = (s: { username: string; password: string }): string => Buffer.from(`${s.username}:${s.password}`).toString('base64');

function withHeader(request: HttpRequest, name: string, value: string): HttpRequest {
  return { ...request, headers: { ...request.headers, [name]: value } };
}
