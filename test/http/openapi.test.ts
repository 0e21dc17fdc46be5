// GET /openapi.json describes every route the app serves, from the zod schemas that validate
// them, and is valid OpenAPI 3.1; real answers match the schemas it shows.
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { ItemSchema } from '../../src/domain/item.js';
import { PauseSchema } from '../../src/domain/pause.js';
import {
  AuditPageSchema,
  ConnectionsSchema,
  ItemPageSchema,
  PauseAnswerSchema,
  PauseDryRunSchema,
  PausePageSchema,
  ResumeDryRunSchema,
  SeveritiesSchema,
  WorkAnswerSchema,
} from '../../src/http/views.js';
import { ItemViewSchema, PauseViewSchema } from '../../src/pauses/pause-view.js';
import { PlaybookSchema } from '../../src/config/playbook.js';
import { PausePlaybookSchema, StepViewSchema } from '../../src/pauses/pause-playbook.js';
import { useMsw } from '../support/msw.js';
import { startHarness, type Harness } from '../support/service.js';

type Operation = {
  security?: Array<Record<string, string[]>>;
  parameters?: Array<{ name: string; in: string; required?: boolean }>;
  requestBody?: { required?: boolean; content: Record<string, { schema: any }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: any }> }>;
};

describe('the OpenAPI document', () => {
  const server = useMsw();
  let h: Harness;
  let doc: any;
  beforeAll(async () => {
    h = await startHarness(server);
    const reply = await h.call('GET', '/openapi.json', undefined, { authorization: '' });
    expect(reply.status).toBe(200);
    doc = reply.body;
  });
  afterAll(() => h?.close());

  const operation = (method: string, path: string): Operation => doc.paths[path]?.[method];
  /** Every route hono will answer, from the app itself: method and OpenAPI-style path. */
  const routes = () =>
    [...new Set(h.service.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`))].map(
      (key) => key.split(' ') as [string, string],
    );

  it('is valid OpenAPI 3.1 (the official schema, every $ref resolved)', async () => {
    expect(doc.openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeTruthy();
  });

  it('describes every route the app serves, and no route it does not', () => {
    const served = routes();
    expect(served.length).toBeGreaterThanOrEqual(15);
    for (const [method, path] of served) {
      const op = operation(method, path);
      expect(op, `${method.toUpperCase()} ${path} is not in /openapi.json`).toBeDefined();
      const statuses = Object.keys(op.responses);
      expect(statuses.some((s) => /^2\d\d$/.test(s)), `${method} ${path}: a success answer`).toBe(true);
      for (const [status, response] of Object.entries(op.responses)) {
        expect(response.description, `${method} ${path} ${status}`).toBeTruthy();
        expect(Object.keys(response.content ?? {}).length, `${method} ${path} ${status}: a body schema`).toBeGreaterThan(0);
      }
      for (const param of path.match(/\{\w+\}/g) ?? [])
        expect(op.parameters?.find((p) => p.in === 'path' && `{${p.name}}` === param && p.required), `${path}: ${param}`).toBeDefined();
    }
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops as object).map((method) => `${method} ${path}`));
    expect(documented.sort()).toEqual(served.map(([m, p]) => `${m} ${p}`).sort());
  });

  it('says which routes need the bearer API key, and answers 401 and 429 on them in the error shape', () => {
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const [method, path] of routes()) {
      const op = operation(method, path);
      if (!path.startsWith('/v1/')) {
        expect(op.security ?? [], `${path} is public`).toEqual([]);
        continue;
      }
      // Inbound webhooks are signed by their senders instead: no key, 401 on a bad signature.
      if (/^\/v1\/hooks\/[a-z]+$/.test(path) && method === 'post') {
        expect(op.security, `${path} is signed, not keyed`).toEqual([]);
        expect(op.responses['401']?.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/Error' });
        continue;
      }
      expect(op.security).toEqual([{ apiKey: [] }]);
      for (const status of ['401', '429', '500'])
        expect(op.responses[status]?.content?.['application/json']?.schema, `${method} ${path} ${status}`).toEqual({ $ref: '#/components/schemas/Error' });
    }
    expect(operation('get', '/v1/pauses').responses['429']).toMatchObject({ headers: { 'Retry-After': expect.anything() } });
  });

  it('shows the error shape {error: {code, message, details?}}', () => {
    const error = doc.components.schemas.Error;
    expect(error.required).toEqual(['error']);
    expect(error.properties.error.required).toEqual(['code', 'message']);
    expect(Object.keys(error.properties.error.properties)).toEqual(['code', 'message', 'details']);
    expect(error.properties.error.properties.code.enum).toEqual(expect.arrayContaining(['invalid_request', 'unauthorized', 'rate_limited', 'unsupported_media_type']));
  });

  it('shows request bodies, queries and headers from the schemas that validate them', () => {
    const create = operation('post', '/v1/pauses');
    expect(create.requestBody?.required).toBe(true);
    const body = create.requestBody!.content['application/json']!.schema;
    expect(Object.keys(body.properties)).toEqual(['severity', 'reason', 'scope', 'dryRun', 'startsAt', 'endsAt']);
    expect(body.required).toEqual(['severity', 'reason']);
    expect(body.additionalProperties).toBe(false);
    expect(create.parameters!.map((p) => `${p.in}:${p.name}`)).toEqual(['query:wait', 'header:idempotency-key']);
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(['200', '201', '202', '400', '413', '415', '422']));
    expect(operation('post', '/v1/pauses/{id}/resume').requestBody?.required).toBe(false);
    expect(operation('get', '/v1/pauses/{id}/items').parameters!.map((p) => p.name)).toEqual(['id', 'state', 'kind', 'connection', 'limit', 'cursor']);
    expect(operation('get', '/v1/audit').parameters!.map((p) => p.name)).toEqual(['pauseId', 'since', 'limit', 'cursor']);
    expect(Object.keys(operation('get', '/v1/audit').responses['200']!.content!)).toEqual(['application/json', 'application/x-ndjson', 'text/csv']);
    expect(Object.keys(operation('get', '/v1/events').responses['200']!.content!)).toEqual(['text/event-stream']);
    expect(operation('get', '/v1/events').parameters!.map((p) => `${p.in}:${p.name}`)).toEqual(['header:last-event-id']);
  });

  it('builds the pause and item views from the domain schemas: every field of theirs is in the document', () => {
    const view = doc.components.schemas.PauseView;
    for (const field of Object.keys(PauseSchema.shape)) expect(view.properties, field).toHaveProperty(field);
    expect(view.properties).toHaveProperty('counts');
    const item = doc.components.schemas.ItemView;
    for (const field of Object.keys(ItemSchema.shape).filter((f) => f !== 'snapshot' && f !== 'seq')) expect(item.properties, field).toHaveProperty(field);
    expect(item.properties).not.toHaveProperty('snapshot');
    expect(item.properties).not.toHaveProperty('seq');
    expect(operation('get', '/v1/pauses/{id}').responses['200']!.content!['application/json']!.schema).toEqual({ $ref: '#/components/schemas/PauseView' });
  });

  it('matches what the routes really answer', async () => {
    // msw forgets the sandbox after each test: this one gets a service of its own.
    const h = await startHarness(server);
    onTestFinished(() => h.close());
    const dry = await h.call('POST', '/v1/pauses', { severity: 3, reason: 'r', dryRun: true });
    PauseDryRunSchema.parse(dry.body);
    const created = await h.call('POST', '/v1/pauses?wait=true', { severity: 3, reason: 'r' });
    PauseAnswerSchema.parse(created.body);
    const id = created.body.pause.id;
    PauseViewSchema.parse((await h.call('GET', `/v1/pauses/${id}`)).body);
    PausePageSchema.parse((await h.call('GET', '/v1/pauses')).body);
    const items = ItemPageSchema.parse((await h.call('GET', `/v1/pauses/${id}/items`)).body);
    expect(items.data.length).toBeGreaterThan(0);
    ItemViewSchema.parse(items.data[0]);
    PlaybookSchema.strict().parse((await h.call('GET', '/v1/runbook')).body);
    PausePlaybookSchema.strict().parse((await h.call('GET', `/v1/pauses/${id}/playbook`)).body);
    StepViewSchema.strict().parse((await h.call('POST', `/v1/pauses/${id}/playbook/judge/done`, { note: 'n' })).body.step);
    ResumeDryRunSchema.parse((await h.call('POST', `/v1/pauses/${id}/resume`, { dryRun: true })).body);
    WorkAnswerSchema.parse((await h.call('POST', `/v1/pauses/${id}/resume?wait=true`)).body);
    AuditPageSchema.parse((await h.call('GET', '/v1/audit')).body);
    SeveritiesSchema.parse((await h.call('GET', '/v1/severities')).body);
    ConnectionsSchema.parse((await h.call('GET', '/v1/connections')).body);
  });
});

describe('GET /docs', () => {
  const server = useMsw();
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(server);
  });
  afterAll(() => h?.close());

  it('serves the viewer and its files from the package, naming nothing outside this service', async () => {
    const page = await h.call('GET', '/docs', undefined, { authorization: '' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(page.text).not.toMatch(/https?:\/\//);
    const sources = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(sources).toEqual(['/docs/swagger-ui.css', '/docs/swagger-ui-bundle.js', '/docs/swagger-initializer.js']);
    for (const source of sources) {
      const file = await h.call('GET', source, undefined, { authorization: '' });
      expect(file.status, source).toBe(200);
      expect(file.headers.get('content-type'), source).toMatch(source.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
      expect(file.text.length, source).toBeGreaterThan(source.includes('initializer') ? 50 : 100_000);
    }
    const init = await h.call('GET', '/docs/swagger-initializer.js', undefined, { authorization: '' });
    expect(init.text).toContain("url: '/openapi.json'");
    // The validator badge would send the document to swagger.io.
    expect(init.text).toContain('validatorUrl: null');
  });

  it('answers 404 in the error shape for a file it does not serve', async () => {
    const reply = await h.call('GET', '/docs/index.html', undefined, { authorization: '' });
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe('not_found');
  });
});
