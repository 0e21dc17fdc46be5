// facebook-pages against Meta's own API description (test/specs/meta: the business SDK codegen
// spec, Page.json, PagePost.json and Photo.json): every request the adapter sends in a whole run — method,
// path, parameters, body, credentials — and every answer the simulator gives must fit it.
// The codegen spec is not OpenAPI: each node lists its `fields` and `apis` (method, edge, params).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_API_VERSION } from '../../adapters/facebook-pages/adapter-settings.js';
import { facebookPages } from '../../adapters/facebook-pages/adapter.js';
import { PHOTO_FIELDS } from '../../adapters/facebook-pages/api-photos.js';
import { POST_FIELDS } from '../../adapters/facebook-pages/mappers.js';
import { SIM_PAGE_FIELDS, SIM_PHOTO_FIELDS, SIM_POST_FIELDS } from '../../adapters/facebook-pages/simulator-world-data.js';
import type { Exchange } from '../specs/openapi-contract.js';
import { useMsw } from '../support/msw.js';
import { PAGE, setup, TOKEN } from './facebook-pages-fixture.js';
import { listAll, toRef } from './live-items.js';

interface SpecParam { name: string; required: boolean; type: string }
interface SpecApi { method: string; endpoint?: string; name?: string; params: SpecParam[] }
interface SpecNode { apis: SpecApi[]; fields: Array<{ name: string; type: string }> }
interface SpecEnum { name: string; values: string[] }

const specDir = resolve(import.meta.dirname, '..', 'specs', 'meta');
const readJson = <T>(file: string): T => JSON.parse(readFileSync(resolve(specDir, file), 'utf8')) as T;
const pageSpec = readJson<SpecNode>('Page.json');
const postSpec = readJson<SpecNode>('PagePost.json');
const photoSpec = readJson<SpecNode>('Photo.json');
const enums = new Map(readJson<SpecEnum[]>('enum_types.json').map((e) => [e.name, e.values]));
const specVersion = readFileSync(resolve(specDir, 'version.txt'), 'utf8').trim();

const api = (node: SpecNode, method: string, key: { endpoint?: string; name?: string }): SpecApi => {
  const found = node.apis.find((a) => a.method === method && (key.endpoint ? a.endpoint === key.endpoint : a.name === key.name));
  if (!found) throw new Error(`no ${method} ${key.endpoint ?? key.name} in the spec`);
  return found;
};
const scheduledPostsApi = api(pageSpec, 'GET', { endpoint: 'scheduled_posts' });
const feedApi = api(pageSpec, 'POST', { endpoint: 'feed' });
const photosApi = api(pageSpec, 'POST', { endpoint: 'photos' });
const photoGetApi = api(photoSpec, 'GET', { name: '#get' });
const postGetApi = api(postSpec, 'GET', { name: '#get' });
api(postSpec, 'DELETE', { name: '#delete' });
const pageGetApi = api(pageSpec, 'GET', { name: '#get' });

const postFieldTypes = new Map(postSpec.fields.map((f) => [f.name, f.type]));
const pageFieldTypes = new Map(pageSpec.fields.map((f) => [f.name, f.type]));
const photoFieldTypes = new Map(photoSpec.fields.map((f) => [f.name, f.type]));
const postEdges = new Set(postSpec.apis.filter((a) => a.method === 'GET' && a.endpoint).map((a) => a.endpoint!));
// Graph-wide parameters every read takes (field selection, cursor paging, credentials), not listed per edge.
const GENERIC_PARAMS = ['fields', 'limit', 'after', 'before', 'access_token', 'appsecret_proof'];

/** `a,b,attachments{x,y}` → top-level names (an expanded edge is named without its braces). */
const topFields = (raw: string): string[] => (raw.match(/[^,{}]+(\{[^}]*\})?/g) ?? []).map((f) => f.replace(/\{.*\}$/, '').trim());

function checkPostFields(raw: string | null): void {
  expect(raw).toBeTruthy();
  for (const field of topFields(raw!)) expect(postFieldTypes.has(field) || postEdges.has(field), `PagePost.${field}`).toBe(true);
}

/** A value fits a codegen type (only the types these nodes use). */
function fitsType(type: string, value: unknown): boolean {
  if (type === 'string' || type === 'datetime') return typeof value === 'string';
  if (type === 'bool') return typeof value === 'boolean';
  if (type === 'float' || type.includes('int')) return typeof value === 'number';
  if (type === 'Object' || type === 'Place' || type === 'Privacy' || type === 'Profile') return typeof value === 'object' && value !== null && !Array.isArray(value);
  if (type.startsWith('list')) return Array.isArray(value);
  return true;
}

interface BatchOp { method: string; relative_url: string; body?: string }
const isBatch = (e: Exchange): boolean => e.method === 'POST' && e.url.pathname === `/${specVersion}/`;
const isPhotoUpload = (e: Exchange): boolean => e.method === 'POST' && e.url.pathname === `/${specVersion}/${PAGE}/photos`;
/** The simulated CDN (not Graph): image bytes, no credential. */
const isCdn = (e: Exchange): boolean => e.url.pathname.startsWith('/__cdn/');

describe('facebook-pages against specs/meta (Page.json, PagePost.json)', () => {
  const server = useMsw();

  async function runThrough(): Promise<{ exchanges: Exchange[]; ops: Array<{ op: BatchOp; code: number; body: string }> }> {
    const exchanges: Exchange[] = [];
    const { client, clock } = setup(server, { record: exchanges, seed: 'sandbox' });
    await client.checkCredentials();
    const items = await listAll(client, 'post');
    expect(items.length).toBeGreaterThan(5);
    await client.suspend(items.map(toRef));
    await client.inspect(items.map(toRef));
    clock.advance(60_000);
    const requests = items.map((i) => ({ ...toRef(i), scheduledAt: i.scheduledAt, mayExist: false }));
    await client.restore(requests.slice(1));
    await client.restore(requests.slice(0, 1).map((r) => ({ ...r, mayExist: true })));
    const ops = exchanges
      .filter(isBatch)
      .flatMap((e) => {
        const batch = JSON.parse(new URLSearchParams(e.body).get('batch')!) as BatchOp[];
        const answers = JSON.parse(e.responseBody) as Array<{ code: number; body: string } | null>;
        return batch.map((op, i) => ({ op, code: answers[i]?.code ?? 0, body: answers[i]?.body ?? 'null' }));
      });
    return { exchanges, ops };
  }

  it('pins the spec version by default and uses it in every path and relative_url', async () => {
    expect(DEFAULT_API_VERSION).toBe(specVersion);
    expect(facebookPages.settingsSchema.parse({})).toMatchObject({ apiVersion: specVersion });
    const { exchanges, ops } = await runThrough();
    for (const e of exchanges.filter((x) => !isCdn(x))) expect(e.url.pathname.startsWith(`/${specVersion}/`)).toBe(true);
    for (const { op } of ops) expect(op.relative_url.startsWith(`${specVersion}/`)).toBe(true);
  });

  it('sends only what the spec declares: the Page read, scheduled_posts, photo and post reads', async () => {
    const { exchanges, ops } = await runThrough();
    const cdn = exchanges.filter(isCdn);
    expect(cdn.length).toBeGreaterThan(0);
    for (const e of cdn) expect([e.method, e.headers.get('authorization'), e.url.searchParams.has('access_token')]).toEqual(['GET', null, false]); // no token to a CDN
    const photoReads = exchanges.filter((x) => x.method === 'GET' && /^\/v\d+\.0\/\d+$/.test(x.url.pathname) && !x.url.pathname.endsWith(`/${PAGE}`));
    expect(photoReads.length).toBeGreaterThan(0);
    for (const e of photoReads) {
      for (const key of e.url.searchParams.keys()) expect([...photoGetApi.params.map((p) => p.name), ...GENERIC_PARAMS]).toContain(key);
      for (const field of e.url.searchParams.get('fields')!.split(',')) expect(photoFieldTypes.has(field), `Photo.${field}`).toBe(true);
    }
    expect([...PHOTO_FIELDS].every((f) => photoFieldTypes.has(f))).toBe(true);
    for (const e of exchanges.filter((x) => x.method === 'GET' && !isCdn(x) && !photoReads.includes(x))) {
      const query = e.url.searchParams;
      expect(query.has('access_token')).toBe(false); // never in a URL
      expect(e.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
      const segments = e.url.pathname.split('/').filter(Boolean);
      if (segments.length === 2) {
        expect(segments[1]).toBe(PAGE);
        for (const key of query.keys()) expect([...pageGetApi.params.map((p) => p.name), ...GENERIC_PARAMS]).toContain(key);
        for (const field of query.get('fields')!.split(',')) expect(pageFieldTypes.has(field), `Page.${field}`).toBe(true);
      } else {
        expect(segments.slice(1)).toEqual([PAGE, 'scheduled_posts']);
        for (const key of query.keys()) expect([...scheduledPostsApi.params.map((p) => p.name), ...GENERIC_PARAMS]).toContain(key);
        checkPostFields(query.get('fields'));
      }
    }
    const reads = ops.filter(({ op }) => op.method === 'GET');
    expect(reads.length).toBeGreaterThan(0);
    for (const { op } of reads) {
      const url = new URL(op.relative_url, 'https://x/');
      expect(url.pathname).toMatch(/^\/v\d+\.0\/\d+_\d+$/);
      for (const key of url.searchParams.keys()) expect([...postGetApi.params.map((p) => p.name), ...GENERIC_PARAMS]).toContain(key);
      checkPostFields(url.searchParams.get('fields'));
    }
    expect(topFields(POST_FIELDS.join(','))).toEqual(POST_FIELDS.map((f) => f.replace(/\{.*\}$/, '')));
  });

  it('deletes posts and creates them on the feed with parameters the spec declares, scheduled and unpublished', async () => {
    const { exchanges, ops } = await runThrough();
    for (const e of exchanges.filter(isBatch)) {
      const form = new URLSearchParams(e.body);
      expect(e.headers.get('content-type')).toContain('application/x-www-form-urlencoded');
      expect(form.get('access_token')).toBe(TOKEN); // once per batch, in the body
      expect([...form.keys()].sort()).toEqual(['access_token', 'batch']);
      expect(e.url.search).toBe('');
    }
    const deletes = ops.filter(({ op }) => op.method === 'DELETE');
    expect(deletes.length).toBeGreaterThan(5);
    for (const { op, code, body } of deletes) {
      expect(op.relative_url).toMatch(/^v\d+\.0\/\d+_\d+$/);
      expect(op.body).toBeUndefined();
      expect([code, JSON.parse(body)]).toEqual([200, { success: true }]);
    }
    const creates = ops.filter(({ op }) => op.method === 'POST');
    expect(creates.length).toBeGreaterThan(5);
    const feedParams = new Map(feedApi.params.map((p) => [p.name, p]));
    for (const { op, code, body } of creates) {
      expect(op.relative_url).toBe(`${specVersion}/${PAGE}/feed`);
      const params = new URLSearchParams(op.body);
      for (const required of feedApi.params.filter((p) => p.required)) expect(params.has(required.name)).toBe(true);
      for (const [key, value] of params) {
        const spec = feedParams.get(key);
        expect(spec, `feed param ${key}`).toBeDefined();
        if (spec!.type === 'bool') expect(['true', 'false']).toContain(value);
        if (spec!.type === 'string') expect(typeof value).toBe('string');
        // `place` is typed Object in the codegen spec; Graph's feed reference takes a place's Page id.
        if (spec!.type === 'Object' && key !== 'place') expect(JSON.parse(value)).toBeTypeOf('object');
        if (key === 'place') expect(value).toMatch(/^\d+$/);
        // datetime: Graph takes unix seconds (the Pages posts guide)
        if (spec!.type === 'datetime') expect(value).toMatch(/^\d{10}$/);
      }
      expect(params.get('published')).toBe('false');
      expect(params.has('scheduled_publish_time')).toBe(true);
      expect(code).toBe(200);
      expect(Object.keys(JSON.parse(body))).toEqual(['id']);
    }
  });

  it('uploads the photo post to /photos with parameters the spec declares, the file as `source`', async () => {
    const { exchanges } = await runThrough();
    expect(exchanges.filter((e) => e.method === 'POST' && !isBatch(e) && !isPhotoUpload(e))).toEqual([]);
    const uploads = exchanges.filter(isPhotoUpload);
    expect(uploads).toHaveLength(1);
    const params = new Map(photosApi.params.map((p) => [p.name, p]));
    for (const e of uploads) {
      expect(e.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
      expect(e.headers.get('authorization')).toBe(`Bearer ${TOKEN}`); // the token in a header, never in the URL or a part
      expect(e.url.searchParams.has('access_token')).toBe(false);
      const form = await new Request('https://x/', { method: 'POST', headers: { 'content-type': e.headers.get('content-type')! }, body: e.body }).formData();
      for (const [key, value] of form) {
        // `source` (the file) is Graph's documented upload field (page/photos#Creating); the codegen
        // spec lists no file parameter for photos, its SDKs attach files apart from params.
        if (key === 'source') {
          expect(value).toBeInstanceOf(File);
          continue;
        }
        const spec = params.get(key);
        expect(spec, `photos param ${key}`).toBeDefined();
        if (spec!.type === 'bool') expect(['true', 'false']).toContain(value);
        if (spec!.type === 'unsigned int') expect(value).toMatch(/^\d{10}$/);
        if (spec!.type === 'Object' && key !== 'place') expect(JSON.parse(value as string)).toBeTypeOf('object');
      }
      expect([form.get('published'), form.has('scheduled_publish_time'), form.has('caption'), form.has('message')]).toEqual(['false', true, true, false]);
      expect(Object.keys(JSON.parse(e.responseBody) as object).sort()).toEqual(['id', 'post_id']);
    }
  });

  it('answers with spec fields of the spec types only, and statuses from the spec enum', async () => {
    for (const field of SIM_POST_FIELDS) expect(postFieldTypes.has(field), `PagePost.${field}`).toBe(true);
    for (const field of SIM_PHOTO_FIELDS) expect(photoFieldTypes.has(field), `Photo.${field}`).toBe(true);
    for (const field of SIM_PAGE_FIELDS) expect(pageFieldTypes.has(field), `Page.${field}`).toBe(true);
    for (const status of ['SCHEDULED', 'PUBLISHED', 'DRAFT']) expect(enums.get('pagefeed_unpublished_content_type_enum_param')).toContain(status);
    const { exchanges, ops } = await runThrough();
    const views: Array<Record<string, unknown>> = [];
    for (const e of exchanges.filter((x) => x.method === 'GET' && !isCdn(x))) {
      expect(e.status).toBe(200);
      const body = JSON.parse(e.responseBody) as Record<string, unknown>;
      const node = e.url.pathname.endsWith(`/${PAGE}`) ? { name: 'Page', types: pageFieldTypes } : { name: 'Photo', types: photoFieldTypes };
      if (e.url.pathname.endsWith('/scheduled_posts')) {
        expect(Object.keys(body).every((k) => k === 'data' || k === 'paging')).toBe(true);
        views.push(...(body['data'] as Array<Record<string, unknown>>));
      } else for (const [field, value] of Object.entries(body)) expect(fitsType(node.types.get(field)!, value), `${node.name}.${field}`).toBe(true);
    }
    for (const { body } of ops.filter((o) => o.op.method === 'GET' && o.code === 200)) views.push(JSON.parse(body) as Record<string, unknown>);
    expect(views.length).toBeGreaterThan(10);
    for (const view of views) {
      for (const [field, value] of Object.entries(view)) {
        if (field === 'attachments') {
          expect(postEdges).toContain('attachments');
          continue;
        }
        expect(postFieldTypes.has(field), `PagePost.${field}`).toBe(true);
        expect(fitsType(postFieldTypes.get(field)!, value), `PagePost.${field} = ${JSON.stringify(value)}`).toBe(true);
      }
    }
    // Graph error answers keep Meta's shape
    for (const { body } of ops.filter((o) => o.code !== 200)) {
      expect(Object.keys((JSON.parse(body) as { error: object }).error)).toEqual(expect.arrayContaining(['message', 'type', 'code', 'fbtrace_id']));
    }
  });
});
