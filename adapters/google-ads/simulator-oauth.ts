// Credentials as Google checks them: the OAuth token endpoint (a refresh token and its client buy
// an access token of an hour), then on every Ads API call the Bearer token, the developer-token
// header, and a login-customer-id that must be ten digits when sent.
// https://developers.google.com/identity/protocols/oauth2/web-server#offline
// https://developers.google.com/google-ads/api/rest/auth
import type { Context } from 'hono';
import { bearerToken } from '../kit/simulator/requests.js';
import type { SimulatorOptions } from '../kit/simulator/types.js';
import { adsFailure, missingCredential, invalidCredential } from './simulator-errors.js';
import { TOKEN_LIFETIME_S, type GoogleAdsWorld } from './simulator-world.js';

const oauthError = (status: 400 | 401, error: string, description: string): Response => Response.json({ error, error_description: description }, { status });

/** `POST /token` (oauth2.googleapis.com), form-encoded. */
export async function tokenEndpoint(c: Context, world: GoogleAdsWorld, { credentials }: Pick<SimulatorOptions, 'credentials'>): Promise<Response> {
  if (!(c.req.header('content-type') ?? '').includes('application/x-www-form-urlencoded')) return oauthError(400, 'invalid_request', 'Invalid Content-Type');
  const form = await c.req.parseBody();
  if (form['grant_type'] !== 'refresh_token') return oauthError(400, 'unsupported_grant_type', `Invalid grant_type: ${String(form['grant_type'] ?? '')}`);
  if (form['client_id'] !== credentials['clientId'] || form['client_secret'] !== credentials['clientSecret']) return oauthError(401, 'invalid_client', 'The OAuth client was not found.');
  if (form['refresh_token'] !== credentials['refreshToken']) return oauthError(400, 'invalid_grant', 'Bad Request');
  return Response.json({ access_token: world.issueToken(), expires_in: TOKEN_LIFETIME_S, scope: 'https://www.googleapis.com/auth/adwords', token_type: 'Bearer' });
}

/** The Ads API's checks, in Google's order: the OAuth token first (front end), then the developer token. */
export function authenticate(c: Context, world: GoogleAdsWorld, { credentials }: Pick<SimulatorOptions, 'credentials'>): Response | null {
  const token = bearerToken(c);
  if (!token) return missingCredential();
  if (!world.tokenValid(token)) return invalidCredential();
  const developerToken = c.req.header('developer-token');
  // Assumed shape (third-party fixtures; Google's docs name the code, not the HTTP status).
  if (!developerToken || developerToken !== credentials['developerToken']) {
    return adsFailure('UNAUTHENTICATED', [{ errorCode: { authenticationError: 'DEVELOPER_TOKEN_INVALID' }, message: 'The developer token is not valid.' }], 'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.');
  }
  const login = c.req.header('login-customer-id');
  if (login !== undefined && !/^\d{10}$/.test(login)) {
    return adsFailure('INVALID_ARGUMENT', [{ errorCode: { headerError: 'INVALID_LOGIN_CUSTOMER_ID' }, message: 'The login customer ID could not be validated.' }]);
  }
  return null;
}
