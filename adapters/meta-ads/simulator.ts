// A stateful fake of the Graph Marketing API for campaigns: real paths, fields, cursor paging,
// batch requests, Graph error shapes, OAuth errors and Business Use Case throttling.
import { Hono } from 'hono';
import { ChangeSignal } from '../kit/simulator/change-signal.js';
import type { JsonValue } from '../types.js';
import { Faults } from '../kit/simulator/faults.js';
import { simulatorEdge } from '../kit/simulator/edge.js';
import type { RecordedRequest, SandboxItem, Simulator, SimulatorOptions } from '../kit/simulator/types.js';
import { campaignFingerprint, isLive } from './mappers.js';
import { seededRandom } from '../kit/simulator/seed.js';
import { seedMetaAds } from './seed.js';
import { batchHandler, type BatchItemFault } from './simulator-batch.js';
import { CallBudget } from './simulator-budget.js';
import { adAccountThrottled, bucThrottled, graphErrorResponse, unknownError } from './simulator-errors.js';
import { createGraphApp } from './simulator-routes.js';
import { CampaignStore, effectiveStatus, type CampaignInput, type CampaignStatus, type SimCampaign } from './simulator-store.js';

/**
 * Which signal an injected `rate-limit` fault plays. Meta throttles mostly in the JSON body:
 * `buc` 80004 + X-Business-Use-Case-Usage (default), `ad-account` 613/1487742, `user` 17/2446079,
 * `app` 4 + X-App-Usage; `http-429` is a bare HTTP 429.
 */
export const THROTTLE_SIGNALS = ['buc', 'ad-account', 'user', 'app', 'http-429'] as const;
export type ThrottleSignal = (typeof THROTTLE_SIGNALS)[number];

/** Minutes an injected BUC throttle announces in estimated_time_to_regain_access. */
export const INJECTED_REGAIN_MINUTES = 7;

export class MetaAdsSimulator implements Simulator {
  readonly platform = 'meta-ads';
  /** a `rate-limit` fault may pick its signal (`variant`); without one, the `setThrottleSignal` one */
  readonly faults = new Faults(THROTTLE_SIGNALS);
  readonly requests: RecordedRequest[] = [];
  readonly #store: CampaignStore;
  readonly #budget: CallBudget;
  readonly #expired = new Set<string>();
  readonly #batchFaults = new Map<string, BatchItemFault[]>();
  readonly #app: Hono;
  #throttle: ThrottleSignal = 'buc';

  constructor(private readonly options: SimulatorOptions) {
    this.#store = new CampaignStore(options.clock);
    this.#budget = new CallBudget(options.clock, (account) => this.#activeCampaigns(account));
    if (options.world !== undefined) this.#store.load(options.world);
    else if (options.seed === 'sandbox') seedMetaAds(this.#store, { clock: options.clock, accountIds: options.accountIds, random: seededRandom(20261121) });
    for (const id of options.accountIds) this.#store.addAccount(id);

    const accepted = new Set([options.credentials['accessToken']].filter((t): t is string => !!t));
    const graph = createGraphApp({
      store: this.#store,
      clock: options.clock,
      budget: options.enforceLimits ? this.#budget : null,
      acceptedTokens: accepted,
      expiredTokens: this.#expired,
      batch: (c) => batch(c),
    });
    const batch = batchHandler({
      fetchInner: (request) => Promise.resolve(graph.fetch(request)),
      takeFault: (id) => this.#batchFaults.get(id)?.shift(),
      usageHeader: (id) => {
        const campaign = this.#store.campaigns.get(id);
        return campaign ? CallBudget.header(campaign.account_id, 100, INJECTED_REGAIN_MINUTES) : undefined;
      },
    });

    const app = new Hono();
    app.use(
      '*',
      simulatorEdge({
        latencyMs: options.latencyMs ?? 0,
        faults: this.faults,
        requests: this.requests,
        guard: null, // Meta's limits are hourly per-account budgets (CallBudget), not per second
        signals: { rateLimited: (_c, variant) => this.#throttled(variant as ThrottleSignal | undefined), serverError: () => unknownError() },
      }),
    );
    app.get('/__sandbox/state', (c) => c.json(this.state()));
    app.all('*', (c) => graph.fetch(c.req.raw, c.env));
    this.#app = app;
  }

  readonly #changes = new ChangeSignal();

  readonly fetch = this.#changes.afterWrites((request, env) => Promise.resolve(this.#app.fetch(request, env)));

  exportWorld(): JsonValue {
    return this.#store.exportData();
  }

  onChange(listener: () => void): () => void {
    return this.#changes.onChange(listener);
  }

  state(): SandboxItem[] {
    const now = this.options.clock.now();
    return [...this.#store.campaigns.values()].map((c) => ({
      id: c.id,
      kind: 'ad' as const,
      status: c.status,
      live: isLive(c, now),
      scheduledAt: null,
      fingerprint: campaignFingerprint(c),
    }));
  }

  // ---- seeding and inspection, for tests and the sandbox ----

  addAccount(id: string, name?: string): string {
    const account = this.#store.addAccount(id, name).id;
    this.#changes.notify();
    return account;
  }

  addCampaign(input: CampaignInput = {}): string {
    const id = this.#store.addCampaign(input).id;
    this.#changes.notify();
    return id;
  }

  /** A copy of the campaign as stored, with its derived effective status. */
  campaign(id: string): (SimCampaign & { effective_status: string }) | undefined {
    const c = this.#store.campaigns.get(id);
    return c ? { ...structuredClone(c), effective_status: effectiveStatus(c) } : undefined;
  }

  /** What a person does in Ads Manager: set a campaign's own status. */
  setCampaignStatus(id: string, status: CampaignStatus): void {
    const c = this.#mustGet(id);
    c.status = status;
    this.#store.touch(c);
    this.#changes.notify();
  }

  /** Someone edits a campaign (budget, name, schedule…): drift. */
  editCampaign(id: string, patch: Partial<Pick<SimCampaign, 'name' | 'daily_budget' | 'lifetime_budget' | 'spend_cap' | 'stop_time' | 'issues_info' | 'processing'>>): void {
    const c = this.#mustGet(id);
    Object.assign(c, patch);
    this.#store.touch(c);
    this.#changes.notify();
  }

  /** The token now answers 190/463 "Session has expired". */
  expireToken(token: string): void {
    this.#expired.add(token);
  }

  setThrottleSignal(signal: ThrottleSignal): void {
    this.#throttle = signal;
  }

  /** With `enforceLimits`: calls per hour per ad account (null = Meta's 300 + 40 × active). */
  setCallBudget(perHour: number | null): void {
    this.#budget.perHour = perHour;
  }

  /** Arms a fault for the next batch element addressed to this campaign. */
  injectBatchItemFault(campaignId: string, fault: BatchItemFault): void {
    this.#batchFaults.set(campaignId, [...(this.#batchFaults.get(campaignId) ?? []), fault]);
  }

  #mustGet(id: string): SimCampaign {
    const c = this.#store.campaigns.get(id);
    if (!c) throw new Error(`no campaign ${id}`);
    return c;
  }

  #activeCampaigns(accountId: string): number {
    const digits = accountId.replace(/^act_/, '');
    return [...this.#store.campaigns.values()].filter((c) => c.account_id === digits && c.status === 'ACTIVE').length;
  }

  #throttled(signal: ThrottleSignal = this.#throttle): Response {
    const account = [...this.#store.accounts.values()][0]?.account_id ?? '0';
    const usage = CallBudget.header(account, 100, INJECTED_REGAIN_MINUTES);
    switch (signal) {
      case 'buc':
        return bucThrottled(usage);
      case 'ad-account':
        return adAccountThrottled();
      case 'user':
        return graphErrorResponse({ status: 400, code: 17, subcode: 2446079, transient: true, message: '(#17) User request limit reached' });
      case 'app':
        return graphErrorResponse({
          status: 400,
          code: 4,
          transient: true,
          message: '(#4) Application request limit reached',
          headers: { 'x-app-usage': JSON.stringify({ call_count: 100, total_cputime: 12, total_time: 15 }) },
        });
      case 'http-429':
        return new Response('Too Many Requests', { status: 429, headers: { 'content-type': 'text/plain' } });
    }
  }
}
