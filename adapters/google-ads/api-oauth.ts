// Google's OAuth 2.0 token endpoint: a refresh token (with the OAuth client) buys an access token
// of about an hour. The kit's refresh hook calls this when Google answers UNAUTHENTICATED.
import type { VendorClient } from '../kit/vendor-client.js';
import { tokenResponseSchema } from './schemas.js';

export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';

export interface OAuthClientCredentials {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

// https://developers.google.com/identity/protocols/oauth2/web-server#offline
// `POST /token`, form body grant_type=refresh_token, client_id, client_secret, refresh_token;
// answers {access_token, expires_in, scope, token_type}. Secrets in the body, never in a URL.
export async function refreshAccessToken(client: VendorClient, path: string, credentials: OAuthClientCredentials): Promise<string> {
  const answer = await client.json(
    {
      method: 'POST',
      path,
      form: { grant_type: 'refresh_token', client_id: credentials.clientId, client_secret: credentials.clientSecret, refresh_token: credentials.refreshToken },
      operation: 'POST /token (OAuth refresh)',
      write: false,
    },
    tokenResponseSchema,
  );
  return answer.access_token;
}
