// Google Ads API (REST, v25): pauses live campaigns by flipping their own status ENABLED → PAUSED,
// and back. Never REMOVED. See README.md for the facts this rests on.
import { auth } from '../kit/auth.js';
import { bucket } from '../kit/buckets.js';
import { wallTime, type PacerTime } from '../kit/pacer.js';
import { createVendorClient, type VendorClient, type VendorDeclaration } from '../kit/vendor-client.js';
import { refusedConnection } from '../kit/refused-connection.js';
import type { AdapterContext, Clock, PlatformAdapter } from '../types.js';
import { ACCESS_LEVELS, googleAdsSettingsSchema, normalizeCustomerId, type GoogleAdsSettings, type LevelLimits } from './adapter-settings.js';
import { GOOGLE_TOKEN_URL, refreshAccessToken, type OAuthClientCredentials } from './api-oauth.js';
import type { GoogleAdsApi } from './api.js';
import { googleAdsOperations, PLATFORM } from './operations.js';
import { googleAdsSignals, oauthSignals } from './signals.js';

export type { GoogleAdsSettings } from './adapter-settings.js';

const DAY = 86_400_000;

/**
 * What Google allows one connection: the developer token's daily operations (a sliding 24 hours;
 * each mutated campaign and each query is one), and a few requests in flight. Google publishes
 * no per-second rate; it answers RESOURCE_TEMPORARILY_EXHAUSTED with a retryDelay when there is one.
 */
export function googleAdsVendor(level: LevelLimits, headers: Record<string, string>): VendorDeclaration {
  return {
    name: 'Google Ads',
    baseUrl: 'https://googleads.googleapis.com',
    buckets: {
      ...(level.operationsPerDay !== null && {
        operations: bucket.points(level.operationsPerDay, DAY, { reason: `Google Ads ${level.label}: ${level.operationsPerDay.toLocaleString('en')} operations per 24 hours` }),
      }),
      inFlight: bucket.inFlight(4, { reason: '4 requests in flight to Google Ads', overriddenBy: 'maxInFlight' }),
    },
    signals: googleAdsSignals,
    headers,
    // A spent daily quota frees up over hours: never sit in the pacer, fail `rate_limited` with
    // the wait and let the core wait it out (each waiting item says why).
    maxWaitMs: 0,
  };
}

const OAUTH: VendorDeclaration = { name: 'Google OAuth', baseUrl: 'https://oauth2.googleapis.com', buckets: {}, signals: oauthSignals };

/** Pacing on the connection's clock, the one the core sleeps on (never sleeps: maxWaitMs 0). */
const onClock = (clock: Clock): PacerTime => ({ now: () => clock.now().getTime(), sleep: wallTime.sleep });

export const googleAds: PlatformAdapter<GoogleAdsSettings> = {
  platform: 'google-ads',
  displayName: 'Google Ads',
  capabilities: [{ kind: 'ad', method: 'status', objectType: 'campaign' }],
  bulk: ACCESS_LEVELS.basic.bulk,
  bulkFor: (settings) => ACCESS_LEVELS[settings?.accessLevel ?? 'basic'].bulk,
  concurrency: 2,
  minLeadMs: 0,
  // The developer token (API Center of the manager account) and an OAuth client with a refresh
  // token of a user who can reach the customers (scope https://www.googleapis.com/auth/adwords).
  credentialKeys: ['developerToken', 'clientId', 'clientSecret', 'refreshToken'],
  accountIds: { required: true, label: 'customer ids' },
  settingsSchema: googleAdsSettingsSchema,
  // Campaigns have no send time: nothing to round.
  normalizeScheduleTime: (at) => new Date(at.getTime()),

  connect(ctx) {
    const { developerToken = '', clientId = '', clientSecret = '', refreshToken = '' } = ctx.credentials;
    const settings = googleAdsSettingsSchema.safeParse(ctx.settings ?? {});
    const customerIds = ctx.accountIds.map(normalizeCustomerId);
    if (!developerToken || !clientId || !clientSecret || !refreshToken) return refusedConnection(PLATFORM, 'unauthorized', 'developerToken, clientId, clientSecret and refreshToken must all be configured');
    if (customerIds.length === 0 || customerIds.some((id) => id === null)) return refusedConnection(PLATFORM, 'invalid_request', 'customer ids must be ten digits (dashes allowed)');
    if (!settings.success) return refusedConnection(PLATFORM, 'invalid_request', 'invalid settings (accessLevel test, explorer, basic or standard; loginCustomerId ten digits; oauthTokenUrl a URL)');
    const level = ACCESS_LEVELS[settings.data.accessLevel];
    const login = settings.data.loginCustomerId ? normalizeCustomerId(settings.data.loginCustomerId) : null;
    const headers = { 'developer-token': developerToken, ...(login && { 'login-customer-id': login }) };
    const secrets = [developerToken, clientSecret, refreshToken];
    const oauth = { clientId, clientSecret, refreshToken };
    const token = tokenEndpoint(ctx, settings.data.oauthTokenUrl);
    const tokenClient = createVendorClient({ ...ctx, baseUrl: token.origin }, OAUTH, { auth: auth.none(), secrets });
    const fetchToken = () => refreshAccessToken(tokenClient, token.path, oauth);
    const vendor = googleAdsVendor(level, headers);
    let client: VendorClient | null = null;
    const session = lazySession(async () => {
      const accessToken = await fetchToken();
      client = createVendorClient(ctx, vendor, {
        auth: auth.bearer(accessToken),
        // Access tokens last about an hour: Google answers UNAUTHENTICATED, the kit refreshes once.
        refresh: async () => auth.bearer(await fetchToken()),
        secrets,
        time: onClock(ctx.clock),
      });
      return { client, limited: level.operationsPerDay !== null } satisfies GoogleAdsApi;
    });
    return googleAdsOperations(session, {
      customerIds: customerIds as string[],
      bulk: level.bulk,
      quota: { level, usage: () => client?.usage('operations') ?? null, now: () => ctx.clock.now() },
    });
  },

  // Loaded on demand: production code that runs no sandbox never imports the simulator.
  loadSimulator: async () => (await import('./simulator.js')).createGoogleAdsSimulator,
};

/** Google's token endpoint; under a sandbox base URL the simulator plays it (`/token`). */
function tokenEndpoint(ctx: AdapterContext<unknown>, configured: string | undefined): { origin: string; path: string } {
  const url = new URL(configured ?? (ctx.baseUrl ? `${ctx.baseUrl.replace(/\/+$/, '')}/token` : GOOGLE_TOKEN_URL));
  return { origin: url.origin, path: url.pathname };
}

/** The first call fetches an access token; a failed fetch is not kept (the next call tries again). */
function lazySession(open: () => Promise<GoogleAdsApi>): () => Promise<GoogleAdsApi> {
  let pending: Promise<GoogleAdsApi> | null = null;
  return () => {
    pending ??= open().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}

export type { OAuthClientCredentials };
