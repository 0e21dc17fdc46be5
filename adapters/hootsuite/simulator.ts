// A stateful in-memory Hootsuite REST API v1 (messages, me) for tests, the sandbox and the
// benchmark: real paths, fields, validation errors, cursor pagination, bearer auth, 429 with
// Hootsuite's own body and headers, and scheduled messages that get sent when their time comes.
import { Hono, type Context } from 'hono';
import { fingerprint } from '../kit/fingerprint.js';
import {
  Faults,
  LimitGuard,
  bearerToken,
  simulatorEdge,
  type RecordedRequest,
  type SandboxItem,
  type Simulator,
  type SimulatorOptions,
} from '../kit/simulator-kit.js';
import { contentOf } from './mappers.js';
import { profilesFor, seedSandbox } from './seed.js';
import { createMessages } from './simulator-create.js';
import { ERRORS, errorResponse, quotaHeaders } from './simulator-errors.js';
import { listMessages } from './simulator-listing.js';
import { MEMBER_ID, SimulatorStore, UNDELETABLE_STATES, type SimMessage, type SimProfile } from './simulator-store.js';

const REQUESTS_PER_SECOND = 20;

export class HootsuiteSimulator implements Simulator {
  readonly platform = 'hootsuite';
  readonly faults = new Faults();
  readonly requests: RecordedRequest[] = [];
  readonly #store: SimulatorStore;
  readonly #app = new Hono();
  readonly #options: SimulatorOptions;
  #quotaUsed = 0;
  #secondStart = 0;
  #inSecond = 0;

  constructor(options: SimulatorOptions) {
    this.#options = options;
    this.#store = new SimulatorStore(options.clock);
    for (const profile of profilesFor(options.accountIds)) this.#store.addProfile(profile);
    if (options.seed === 'sandbox') seedSandbox(this, options);
    this.#routes();
  }

  fetch = (request: Request, env?: unknown): Promise<Response> => Promise.resolve(this.#app.fetch(request, env));

  state(): SandboxItem[] {
    return this.#store.all().map((m) => ({
      id: m.id,
      kind: 'post' as const,
      status: m.state,
      live: m.state === 'SCHEDULED',
      scheduledAt: new Date(m.scheduledSendTime).toISOString(),
      fingerprint: fingerprint(contentOf(m)),
    }));
  }

  // ---- typed seeding and inspection, for tests and the sandbox ----

  addProfile(profile: SimProfile): void {
    this.#store.addProfile(profile);
  }

  profiles(): SimProfile[] {
    return [...this.#store.profiles.values()];
  }

  /** Adds a message as if someone scheduled it in Hootsuite; returns it as the API would. */
  addMessage(message: Omit<SimMessage, 'id' | 'socialProfile'> & { id?: string; profileId: string }): SimMessage {
    const profile = this.#store.profiles.get(message.profileId);
    if (!profile) throw new Error(`unknown social profile ${message.profileId}`);
    const { profileId: _profileId, id, ...fields } = message;
    const stored: SimMessage = {
      id: id ?? this.#store.newMessageId(),
      socialProfile: { id: profile.id, externalURL: profile.externalURL },
      createdByMember: { id: MEMBER_ID },
      lastUpdatedByMember: { id: MEMBER_ID },
      // "null if the message is not subject to approval"
      sequenceNumber: null,
      ...fields,
      scheduledSendTime: new Date(fields.scheduledSendTime).toISOString().replace(/\.000Z$/, 'Z'),
    };
    if (stored.state === 'SENT' && !stored.postId) this.#store.markPublished(stored);
    this.#store.put(stored);
    return structuredClone(stored);
  }

  message(id: string): SimMessage | undefined {
    const found = this.#store.get(id);
    return found && structuredClone(found);
  }

  messages(): SimMessage[] {
    return this.#store.all().map((m) => structuredClone(m));
  }

  /** Caps the SCHEDULED messages the account may hold (error 40025 beyond it). */
  setScheduledLimit(limit: number): void {
    this.#store.scheduledLimit = limit;
  }

  // ---- the HTTP surface ----

  #routes(): void {
    const app = this.#app;
    // The sandbox's own window on the world: outside the platform API, so no auth or faults.
    app.get('/__sandbox/state', (c) => c.json(this.state()));
    app.use(
      '*',
      simulatorEdge({
        latencyMs: this.#options.latencyMs ?? 0,
        faults: this.faults,
        requests: this.requests,
        guard: this.#options.enforceLimits ? new LimitGuard({ requestsPerSecond: REQUESTS_PER_SECOND }) : null,
        signals: {
          // No Retry-After: Hootsuite documents none, only "back off until the end of the
          // current rate limit window" (one second).
          rateLimited: (c) => {
            for (const [k, v] of Object.entries(quotaHeaders(this.#quotaUsed, 0))) c.header(k, v);
            return errorResponse(c, ERRORS.rateLimited);
          },
          serverError: (c) => errorResponse(c, ERRORS.internal),
        },
      }),
    );
    app.use('/v1/*', async (c, next) => {
      const token = bearerToken(c);
      if (token === null) return errorResponse(c, ERRORS.missingToken);
      if (token !== this.#options.credentials.accessToken) return errorResponse(c, ERRORS.invalidToken);
      this.#countRequest(c);
      await next();
    });

    app.get('/v1/me', (c) =>
      c.json({
        data: {
          id: MEMBER_ID,
          email: 'social@acme.example',
          fullName: 'Acme Social Team',
          companyName: 'Acme',
          isActive: true,
          timezone: 'America/Vancouver',
          language: 'en',
          createdDate: '2019-03-04T17:12:45Z',
          modifiedDate: '2026-01-12T09:30:00Z',
        },
      }),
    );

    app.get('/v1/messages', (c) => {
      const answer = listMessages(this.#store, {
        startTime: c.req.query('startTime'),
        endTime: c.req.query('endTime'),
        state: c.req.query('state'),
        socialProfileIds: c.req.queries('socialProfileIds') ?? [],
        limit: c.req.query('limit'),
        cursor: c.req.query('cursor'),
        includeUnscheduledReviewMsgs: c.req.query('includeUnscheduledReviewMsgs'),
      });
      return 'code' in answer ? errorResponse(c, answer) : c.json(answer);
    });

    app.post('/v1/messages', async (c) => {
      const body: unknown = await c.req.json().catch(() => undefined);
      if (body === undefined) return errorResponse(c, { status: 400, code: 1100, message: 'Invalid JSON schema' });
      const answer = createMessages(this.#store, body, this.#options.clock.now());
      return 'code' in answer ? errorResponse(c, answer) : c.json(answer);
    });

    app.get('/v1/messages/:messageId', (c) => {
      const message = this.#store.get(c.req.param('messageId'));
      return message ? c.json({ data: structuredClone(message) }) : errorResponse(c, ERRORS.notFound);
    });

    app.delete('/v1/messages/:messageId', (c) => {
      const id = c.req.param('messageId');
      const message = this.#store.get(id);
      if (!message) return errorResponse(c, ERRORS.notFound);
      if (UNDELETABLE_STATES.has(message.state)) return errorResponse(c, ERRORS.cannotDelete);
      this.#store.messages.delete(id);
      // "Delete requests return a 200 OK with an empty data envelope" (DeleteMessageResponseEnvelope).
      return c.json({ data: [] });
    });

    app.notFound((c) => errorResponse(c, ERRORS.notFound));
    app.onError((_error, c) => errorResponse(c, ERRORS.internal));
  }

  /** Quota and per-second headers on every authenticated answer, as Hootsuite sends them. */
  #countRequest(c: Context): void {
    const now = performance.now();
    if (now - this.#secondStart >= 1000) {
      this.#secondStart = now;
      this.#inSecond = 0;
    }
    this.#inSecond++;
    this.#quotaUsed++;
    for (const [k, v] of Object.entries(quotaHeaders(this.#quotaUsed, REQUESTS_PER_SECOND - this.#inSecond))) c.header(k, v);
  }
}
