// A stateful fake of the Mailchimp Marketing API v3.0 for tests, the sandbox and the benchmark:
// real paths, fields, offset paging, HTTP Basic auth, problem+json errors and the 429 for more
// than 10 simultaneous connections.
import { Hono, type Context } from 'hono';
import { ChangeSignal } from '../kit/simulator/change-signal.js';
import type { JsonValue } from '../types.js';
import { Faults } from '../kit/simulator/faults.js';
import { LimitGuard } from '../kit/simulator/limit-guard.js';
import { simulatorEdge } from '../kit/simulator/edge.js';
import type { RecordedRequest, SandboxItem, Simulator, SimulatorOptions } from '../kit/simulator/types.js';
import { scheduleBodySchema } from './api-campaigns.js';
import { seededRandom } from '../kit/simulator/seed.js';
import { seedMailchimp } from './seed.js';
import { addAutomation, addCampaign, type AutomationInput, type CampaignInput } from './simulator-input.js';
import { authProblem, internalError, partialResponse, problemResponse, tooManyRequests } from './simulator-http.js';
import { automationJson, automationStatus, CAMPAIGN_STATUSES, CAMPAIGN_TYPES, campaignJson, emailJson, EMAIL_STATUSES, type SimAutomation, type SimCampaign } from './simulator-model.js';
import { MailchimpWorld, notFound, SimProblem } from './simulator-world.js';

const LIST_STATUSES = CAMPAIGN_STATUSES.slice(0, 5); // the `status` filter takes save|paused|schedule|sending|sent

export class MailchimpSimulator implements Simulator {
  readonly platform = 'mailchimp';
  readonly faults = new Faults();
  readonly requests: RecordedRequest[] = [];
  readonly world: MailchimpWorld;
  readonly #app = new Hono();

  constructor(readonly options: SimulatorOptions) {
    this.world = new MailchimpWorld(options.clock);
    if (options.world !== undefined) this.world.load(options.world);
    else if (options.seed === 'sandbox') seedMailchimp(this.world, { clock: options.clock, accountIds: options.accountIds, random: seededRandom(0x6d61696c) }); // "mail"
    this.#routes();
  }

  readonly #changes = new ChangeSignal();

  readonly fetch = this.#changes.afterWrites((request, env) => Promise.resolve(this.#app.fetch(request, env)));

  exportWorld(): JsonValue {
    return this.world.exportData();
  }

  onChange(listener: () => void): () => void {
    return this.#changes.onChange(listener);
  }

  state(): SandboxItem[] {
    return this.world.state();
  }

  // ---- for tests: seed objects and read them back (copies) ----
  addCampaign(input: CampaignInput = {}): SimCampaign {
    const added = structuredClone(addCampaign(this.world, input));
    this.#changes.notify();
    return added;
  }
  addAutomation(input: AutomationInput): SimAutomation {
    const added = structuredClone(addAutomation(this.world, input));
    this.#changes.notify();
    return added;
  }
  campaign(id: string): SimCampaign | undefined {
    this.world.tick();
    const c = this.world.campaigns.get(id);
    return c && structuredClone(c);
  }
  automation(id: string): (SimAutomation & { status: string }) | undefined {
    const a = this.world.automations.get(id);
    return a && { ...structuredClone(a), status: automationStatus(a) };
  }

  #routes(): void {
    const app = this.#app;
    const world = this.world;
    const accepted = Object.values(this.options.credentials);
    app.get('/__sandbox/state', (c) => c.json(this.state()));
    app.use(
      '*',
      simulatorEdge({
        latencyMs: this.options.latencyMs ?? 0,
        faults: this.faults,
        requests: this.requests,
        guard: this.options.enforceLimits ? new LimitGuard({ inFlight: 10 }, this.options.clock) : null,
        signals: { rateLimited: tooManyRequests, serverError: internalError },
      }),
    );
    app.use('/3.0/*', async (c, next) => {
      const problem = authProblem(c, accepted);
      if (problem) return problemResponse(problem);
      world.tick();
      await next();
    });

    app.get('/3.0/ping', (c) => c.json({ health_status: "Everything's Chimpy!" }));

    // https://mailchimp.com/developer/marketing/api/campaigns/list-campaigns/
    app.get('/3.0/campaigns', (c) => {
      const status = oneOf(c, 'status', LIST_STATUSES);
      const type = oneOf(c, 'type', CAMPAIGN_TYPES);
      const listId = c.req.query('list_id');
      const { count, offset } = paging(c);
      const all = [...world.campaigns.values()].filter(
        (x) => (!status || x.status === status) && (!type || x.type === type) && (!listId || x.listId === listId),
      );
      const origin = new URL(c.req.url).origin;
      const body = { campaigns: all.slice(offset, offset + count).map((x) => campaignJson(x, origin)), total_items: all.length, _links: [{ rel: 'self', href: `${origin}/3.0/campaigns`, method: 'GET' }] };
      return respond(c, body);
    });
    app.get('/3.0/campaigns/:id', (c) => respond(c, campaignJson(world.campaign(param(c, 'id')), new URL(c.req.url).origin)));
    app.post('/3.0/campaigns/:id/actions/unschedule', action((c) => world.unschedule(param(c, 'id'))));
    app.post(
      '/3.0/campaigns/:id/actions/schedule',
      action(async (c) => {
        const parsed = scheduleBodySchema.safeParse(await readJson(c));
        if (!parsed.success) throw invalid(parsed.error.issues[0]?.path.join('.') || 'schedule_time', parsed.error.issues[0]?.message ?? 'invalid');
        world.schedule(param(c, 'id'), parsed.data);
      }),
    );
    app.post('/3.0/campaigns/:id/actions/pause', action((c) => world.pauseRss(param(c, 'id'))));
    app.post('/3.0/campaigns/:id/actions/resume', action((c) => world.resumeRss(param(c, 'id'))));

    // https://mailchimp.com/developer/marketing/api/automation/
    app.get('/3.0/automations', (c) => {
      const status = oneOf(c, 'status', EMAIL_STATUSES);
      const { count, offset } = paging(c);
      const all = [...world.automations.values()].filter((a) => !status || automationStatus(a) === status);
      const origin = new URL(c.req.url).origin;
      return respond(c, { automations: all.slice(offset, offset + count).map((a) => automationJson(a, origin)), total_items: all.length, _links: [] });
    });
    app.get('/3.0/automations/:id', (c) => respond(c, automationJson(world.automation(param(c, 'id')), new URL(c.req.url).origin)));
    app.get('/3.0/automations/:id/emails', (c) => {
      const a = world.automation(param(c, 'id'));
      const origin = new URL(c.req.url).origin;
      return respond(c, { emails: a.emails.map((e) => emailJson(a, e, origin)), total_items: a.emails.length, _links: [] });
    });
    app.post('/3.0/automations/:id/actions/pause-all-emails', action((c) => world.pauseAll(param(c, 'id'))));
    app.post('/3.0/automations/:id/actions/start-all-emails', action((c) => world.startAll(param(c, 'id'))));
    app.post('/3.0/automations/:id/emails/:email/actions/pause', action((c) => world.pauseEmail(param(c, 'id'), param(c, 'email'))));
    app.post('/3.0/automations/:id/emails/:email/actions/start', action((c) => world.startEmail(param(c, 'id'), param(c, 'email'))));

    app.notFound(() => problemResponse(notFound()));
    app.onError((error) => (error instanceof SimProblem ? problemResponse(error) : internalError()));
  }
}

/** An action endpoint: Mailchimp answers `204 No Content`. */
const action =
  (run: (c: Context) => void | Promise<void>) =>
  async (c: Context): Promise<Response> => {
    await run(c);
    return new Response(null, { status: 204 });
  };

const invalid = (field: string, message: string): SimProblem =>
  new SimProblem(400, 'Invalid Resource', "The resource submitted could not be validated. For field-specific details, see the 'errors' array.", [{ field, message }]);

function respond(c: Context, body: unknown): Response {
  return c.json(partialResponse(body, c.req.query('fields'), c.req.query('exclude_fields')) as object);
}

function oneOf<T extends string>(c: Context, name: string, allowed: readonly T[]): T | undefined {
  const value = c.req.query(name);
  if (value === undefined || value === '') return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw invalid(name, `Must be one of: ${allowed.join(', ')}.`);
  return value as T;
}

// `count` default 10, at most 1000; `offset` default 0.
function paging(c: Context): { count: number; offset: number } {
  const count = Number(c.req.query('count') ?? 10);
  const offset = Number(c.req.query('offset') ?? 0);
  if (!Number.isInteger(count) || count < 1 || count > 1000) throw invalid('count', 'Must be an integer from 1 to 1000.');
  if (!Number.isInteger(offset) || offset < 0) throw invalid('offset', 'Must be a non-negative integer.');
  return { count, offset };
}

/** A path parameter (Hono's route typing is lost through the `action` wrapper). */
const param = (c: Context, name: string): string => c.req.param(name) ?? '';

async function readJson(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new SimProblem(400, 'JSON Parse Error', 'We encountered an unspecified JSON parsing error.');
  }
}
