// The Mailchimp adapter against Mailchimp's own SDK description of the operations it uses
// (test/specs/mailchimp/operations.json, derived from mailchimp-marketing-node): a full pause and
// resume through the simulator, then every request the adapter made — method, path, each query
// key and filter value, each body key — is checked against it, and every answer the simulator gave parses with the
// adapter's own schemas.
import { readFileSync } from 'node:fs';
import { http } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { mailchimp } from '../../adapters/mailchimp/adapter.js';
import {
  automationEmailListSchema,
  automationListSchema,
  automationSchema,
  campaignListSchema,
  campaignSchema,
  pingSchema,
  problemSchema,
  sendChecklistSchema,
} from '../../adapters/mailchimp/schemas.js';
import { createMailchimpSimulator, type MailchimpSimulator } from '../../adapters/mailchimp/simulator.js';
import { CAMPAIGN_TYPES, EMAIL_STATUSES, LIST_STATUSES } from '../../adapters/mailchimp/simulator-world-data.js';
import type { LiveItem, RestoreRequest } from '../../adapters/types.js';
import { DAY, ManualClock } from '../support/clock.js';
import { useMsw } from '../support/msw.js';
import { toRef } from './live-items.js';

interface Operation {
  sdk: string;
  method: string;
  path: string;
  pathParams: string[];
  query: string[];
  /** the values a list filter takes */
  queryValues?: Record<string, string[]>;
  body: null | { required: string[]; fields: string[]; nested: Record<string, string[]> };
}
interface Spec {
  basePath: string;
  operations: Operation[];
  neverCalled: { operations: Array<Pick<Operation, 'sdk' | 'method' | 'path'>> };
}

const spec = JSON.parse(readFileSync(new URL('../specs/mailchimp/operations.json', import.meta.url), 'utf8')) as Spec;
const BASE = 'https://us14.api.mailchimp.com';
const KEY = '3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f-us14';

/** The adapter's schema for each answer it reads, by SDK operation. */
const ANSWERS: Record<string, z.ZodType> = {
  'campaigns.list': campaignListSchema,
  'campaigns.get': campaignSchema,
  'campaigns.getSendChecklist': sendChecklistSchema,
  'automations.list': automationListSchema,
  'automations.get': automationSchema,
  'automations.listAllWorkflowEmails': automationEmailListSchema,
  'ping.get': pingSchema,
};

const templateRegex = (template: string) => new RegExp(`^${spec.basePath}${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
const findIn = <O extends Pick<Operation, 'method' | 'path'>>(list: readonly O[], method: string, path: string): O | undefined =>
  list.find((o) => o.method === method && templateRegex(o.path).test(path));
const operationOf = (method: string, path: string): Operation | undefined => findIn(spec.operations, method, path);

describe('mailchimp against its SDK description', () => {
  const server = useMsw();
  let sim: MailchimpSimulator;
  const answers: Array<{ method: string; path: string; status: number; body: string }> = [];

  beforeAll(async () => {
    const clock = new ManualClock();
    sim = createMailchimpSimulator({ clock, credentials: { apiKey: KEY }, accountIds: [], seed: 'sandbox' });
    // A campaign Mailchimp will refuse to schedule again: its send checklist fails.
    const refusing = sim.world.addCampaign({ listId: 'a1b2c3d4e5', sendAt: new Date(clock.now().getTime() + 3 * DAY), title: 'Unverified sender' });
    server.use(
      http.all(`${BASE}/*`, async ({ request }) => {
        const response = await sim.fetch(request);
        const url = new URL(request.url);
        answers.push({ method: request.method, path: url.pathname, status: response.status, body: await response.clone().text() });
        return response;
      }),
    );
    const client = mailchimp.connect({ connectionId: 'spec', accountIds: [], settings: { pageSize: 3 }, credentials: { apiKey: KEY }, timeoutMs: 2_000, clock });

    await client.checkCredentials();
    const listed: LiveItem[] = [];
    for await (const page of client.listLive('email')) listed.push(...page.items);
    const refs = listed.map(toRef);
    for (const ref of refs) await client.suspend([ref]);
    for (const ref of refs) await client.inspect([ref]);
    // Many at once: read back through list pages of the statuses our suspension leaves.
    await client.inspect(refs);
    sim.world.setChecklist(refusing.id, [{ type: 'error', id: 4, heading: 'From email', details: 'The sender address is not verified.' }]);
    const requests: RestoreRequest[] = listed.map((i) => ({ ...toRef(i), scheduledAt: i.scheduledAt, mayExist: false }));
    for (const request of requests) await client.restore([request]);
    // Again: every action is refused as already done and read back (and the checklist read again).
    for (const request of requests) await client.restore([request]);
    for (const ref of refs) await client.suspend([ref]);
  });

  it('calls only operations the SDK declares, and every one the adapter has', () => {
    const calls = new Set(sim.requests.map((r) => operationOf(r.method, r.path)?.sdk ?? `undeclared: ${r.method} ${r.path}`));
    expect([...calls].sort()).toEqual(spec.operations.map((o) => o.sdk).sort());
  });

  it('never calls an irreversible operation', () => {
    for (const r of sim.requests) expect(findIn(spec.neverCalled.operations, r.method, r.path), `${r.method} ${r.path}`).toBeUndefined();
  });

  it('sends only query parameters the operation declares, with values its filters take', () => {
    for (const r of sim.requests) {
      const operation = operationOf(r.method, r.path)!;
      for (const [key, value] of new URLSearchParams(r.query)) {
        expect(operation.query, `${operation.sdk}?${key}`).toContain(key);
        const values = operation.queryValues?.[key];
        if (values) expect(values, `${operation.sdk}?${key}=${value}`).toContain(value);
      }
    }
    const listing = sim.requests.filter((r) => operationOf(r.method, r.path)?.sdk === 'campaigns.list');
    expect(listing.some((r) => new URLSearchParams(r.query).get('offset') === '3')).toBe(true);
    // the read-back pages were among them, cut down with `fields`
    const lookups = listing.map((r) => new URLSearchParams(r.query)).filter((q) => q.has('fields'));
    expect(lookups.map((q) => q.get('status')).sort()).toEqual(['paused', 'save']);
  });

  it('has the simulator take exactly the filter values the SDK lists', () => {
    const values = (sdk: string, key: string) => [...(spec.operations.find((o) => o.sdk === sdk)!.queryValues![key] ?? [])].sort();
    expect([...LIST_STATUSES].sort()).toEqual(values('campaigns.list', 'status'));
    expect([...CAMPAIGN_TYPES].sort()).toEqual(values('campaigns.list', 'type'));
    expect([...EMAIL_STATUSES].sort()).toEqual(values('automations.list', 'status'));
  });

  it('sends bodies made of the fields the operation declares, and none where it takes none', () => {
    const bodies = sim.requests.filter((r) => r.body !== '');
    expect(bodies.length).toBeGreaterThan(0);
    for (const r of sim.requests) {
      const operation = operationOf(r.method, r.path)!;
      if (operation.body === null) {
        expect(r.body, operation.sdk).toBe('');
        continue;
      }
      const body = JSON.parse(r.body) as Record<string, unknown>;
      for (const key of operation.body.required) expect(body, `${operation.sdk} needs ${key}`).toHaveProperty(key);
      for (const [key, value] of Object.entries(body)) {
        expect(operation.body.fields, `${operation.sdk} body.${key}`).toContain(key);
        const nested = operation.body.nested[key];
        if (nested && value && typeof value === 'object') for (const inner of Object.keys(value)) expect(nested, `${operation.sdk} body.${key}.${inner}`).toContain(inner);
      }
    }
  });

  it('answers with bodies the adapter’s schemas read, and problem documents when it refuses', () => {
    expect(answers.length).toBe(sim.requests.length);
    expect(answers.some((a) => a.status >= 400)).toBe(true);
    for (const answer of answers) {
      const operation = operationOf(answer.method, answer.path)!;
      if (answer.status === 204) {
        expect(answer.body, operation.sdk).toBe('');
        continue;
      }
      if (answer.status >= 400) {
        const problem = problemSchema.parse(JSON.parse(answer.body));
        expect(problem, operation.sdk).toMatchObject({ status: answer.status, title: expect.any(String), detail: expect.any(String) });
        continue;
      }
      const schema = ANSWERS[operation.sdk];
      expect(schema, `${operation.sdk} answers a body`).toBeDefined();
      const parsed = schema!.safeParse(JSON.parse(answer.body));
      expect(parsed.success, `${operation.sdk}: ${parsed.error?.message}`).toBe(true);
    }
  });
});
