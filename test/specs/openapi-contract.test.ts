// The contract checker refuses what the vendor would: an undescribed path, method, parameter or
// field, a value outside its enum, a missing required header or credential, a body of the wrong
// shape; and takes what the description allows, through $refs, allOf and nullable fields.
import { describe, expect, it } from 'vitest';
import { OpenApiContract, type Exchange } from './openapi-contract.js';

const doc = {
  openapi: '3.0.3',
  security: [{ key: [] }],
  components: {
    securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'Authorization' } },
    parameters: { revision: { name: 'revision', in: 'header', required: true, schema: { type: 'string', enum: ['2026-07-15'] } } },
    schemas: {
      Base: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
      Campaign: {
        allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', properties: { status: { type: 'string', enum: ['draft', 'scheduled'] }, send_at: { type: 'string', nullable: true } } }],
      },
    },
  },
  paths: {
    '/api/campaigns': {
      get: {
        parameters: [{ $ref: '#/components/parameters/revision' }, { name: 'page_size', in: 'query', schema: { type: 'integer', maximum: 100 } }],
        responses: { '200': { content: { 'application/json': { schema: { type: 'object', properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Campaign' } } } } } } } },
      },
    },
    '/api/campaigns/{id}': {
      patch: {
        parameters: [{ $ref: '#/components/parameters/revision' }],
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', properties: { status: { type: 'string', enum: ['draft'] } }, required: ['status'] } } } },
        responses: { '204': { description: 'done' }, '4XX': { content: { 'application/json': { schema: { type: 'object', properties: { errors: { type: 'array' } } } } } } },
      },
    },
  },
};

const contract = new OpenApiContract(doc);
const headers = (extra: Record<string, string> = {}) => new Headers({ authorization: 'Klaviyo-API-Key pk_fake', revision: '2026-07-15', ...extra });
const exchange = (over: Partial<Exchange> & { path?: string }): Exchange => ({
  method: 'GET',
  url: new URL(`https://api.example.test${over.path ?? '/api/campaigns?page_size=50'}`),
  headers: headers(),
  body: '',
  status: 200,
  responseBody: JSON.stringify({ data: [{ id: 'c1', status: 'scheduled', send_at: null }] }),
  ...over,
});

describe('OpenApiContract', () => {
  it('takes a request and an answer the description allows', () => {
    expect(contract.check(exchange({}))).toEqual([]);
    const patch = exchange({ method: 'PATCH', path: '/api/campaigns/c1', headers: headers({ 'content-type': 'application/json' }), body: '{"status":"draft"}', status: 204, responseBody: '' });
    expect(contract.check(patch)).toEqual([]);
    expect(contract.check({ ...patch, status: 409, responseBody: '{"errors":[]}' })).toEqual([]);
  });

  it('refuses an undescribed path or method', () => {
    expect(contract.check(exchange({ path: '/api/flows' }))).toEqual(['GET /api/flows: path not described']);
    expect(contract.check(exchange({ method: 'DELETE', path: '/api/campaigns/c1' }))).toEqual(['DELETE /api/campaigns/c1: method not described for this path']);
  });

  it('refuses an undescribed query parameter, a value out of bounds, a missing header or credential', () => {
    expect(contract.check(exchange({ path: '/api/campaigns?page_size=50&sort=name' }))).toEqual(['GET /api/campaigns: query parameter sort not described']);
    expect(contract.check(exchange({ path: '/api/campaigns?page_size=500' }))[0]).toMatch(/query page_size=500: \/ must be <= 100/);
    expect(contract.check(exchange({ headers: new Headers({ authorization: 'k' }) }))).toEqual(['GET /api/campaigns: required header revision missing']);
    expect(contract.check(exchange({ headers: new Headers({ revision: '2026-07-15' }) }))[0]).toMatch(/credentials not sent as described/);
    expect(contract.check(exchange({ headers: headers({ revision: '2023-01-01' }) }))[0]).toMatch(/header revision=2023-01-01: \/ must be equal to one of the allowed values/);
  });

  it('refuses a body or an answer of the wrong shape: unknown field, enum, missing required, wrong content type', () => {
    const patch = (body: string, contentType = 'application/json') =>
      contract.check(exchange({ method: 'PATCH', path: '/api/campaigns/c1', headers: headers({ 'content-type': contentType }), body, status: 204, responseBody: '' }));
    expect(patch('{"status":"cancelled"}')[0]).toMatch(/request body: \/status must be equal to one of the allowed values/);
    expect(patch('{"status":"draft","note":"x"}')[0]).toMatch(/request body: \/ must NOT have unevaluated properties \(note\)/);
    expect(patch('{}')[0]).toMatch(/must have required property 'status'/);
    expect(patch('{"status":"draft"}', 'text/plain')[0]).toMatch(/body sent as text\/plain, described as application\/json/);
    const answer = (campaign: object) => contract.check(exchange({ responseBody: JSON.stringify({ data: [campaign] }) }));
    expect(answer({ id: 'c1', status: 'sent' })[0]).toMatch(/answer 200: \/data\/0\/status must be equal to one of the allowed values/);
    expect(answer({ id: 'c1', invented: true })[0]).toMatch(/unevaluated properties \(invented\)/);
    expect(answer({ status: 'draft' })[0]).toMatch(/must have required property 'id'/);
    expect(contract.check(exchange({ status: 500 }))).toEqual(['GET /api/campaigns: answer status 500 not described']);
  });

  it('reads a Swagger 2.0 description: basePath, parameters as schemas, body parameters, definitions', () => {
    const swagger = new OpenApiContract({
      swagger: '2.0',
      basePath: '/v3',
      securityDefinitions: { 'api-key': { type: 'apiKey', in: 'header', name: 'api-key' } },
      security: [{ 'api-key': [] }],
      definitions: { Status: { type: 'object', properties: { status: { type: 'string', enum: ['suspended', 'draft'] } } } },
      paths: {
        '/emailCampaigns/{campaignId}/status': {
          put: {
            parameters: [{ name: 'campaignId', in: 'path', required: true, type: 'integer' }, { name: 'status', in: 'body', required: true, schema: { $ref: '#/definitions/Status' } }],
            responses: { '204': { description: 'done' } },
          },
        },
        '/emailCampaigns': { get: { parameters: [{ name: 'limit', in: 'query', type: 'integer', maximum: 100 }], responses: { '200': { description: 'ok', schema: { type: 'object', properties: { count: { type: 'integer' } } } } } } },
      },
    });
    const put = (body: string): Exchange => ({ method: 'PUT', url: new URL('https://api.brevo.test/v3/emailCampaigns/12/status'), headers: new Headers({ 'api-key': 'fake' }), body, status: 204, responseBody: '' });
    expect(swagger.check(put('{"status":"suspended"}'))).toEqual([]);
    expect(swagger.check(put('{"status":"archive"}'))[0]).toMatch(/must be equal to one of the allowed values/);
    const list = (query: string, answer: object): Exchange => ({ method: 'GET', url: new URL(`https://api.brevo.test/v3/emailCampaigns?${query}`), headers: new Headers({ 'api-key': 'fake' }), body: '', status: 200, responseBody: JSON.stringify(answer) });
    expect(swagger.check(list('limit=100', { count: 1 }))).toEqual([]);
    expect(swagger.check(list('limit=500', { count: 1 }))[0]).toMatch(/must be <= 100/);
    expect(swagger.check(list('limit=10', { count: 1, campaigns: [] }))[0]).toMatch(/unevaluated properties \(campaigns\)/);
  });
});
