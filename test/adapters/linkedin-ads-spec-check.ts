// Checks one exchange recorded at the network edge against LinkedIn's description of the
// operations (test/specs/linkedin/operations.json): the request LinkedIn would accept, the answer
// LinkedIn would give. Each returns the problems found; none means it fits.
import { readFileSync } from 'node:fs';
import type { Exchange } from '../specs/openapi-contract.js';

interface Operation {
  name: string;
  method: string;
  path: string;
  restliMethod: string | null;
  query: { required: string[]; optional: string[]; values?: Record<string, string[]>; restli?: Record<string, string> };
  body: null | { shape: 'entities'; patchable: string[] };
  answer: { status: number; shape: string };
}
interface Spec {
  version: string;
  baseUrl: string;
  basePath: string;
  headers: Record<string, string>;
  operations: Operation[];
  neverCalled: Array<{ method: string; path: string }>;
  shapes: Record<string, string[]>;
  campaign: { fields: string[]; required: string[]; status: string[]; type: string[]; costType: string[]; objectiveType: string[]; servingStatuses: string[]; neverSet: string[] };
}

export const spec = JSON.parse(readFileSync(new URL('../specs/linkedin/operations.json', import.meta.url), 'utf8')) as Spec;

/** Query pairs as sent, NOT decoded: Rest.li structure must arrive unencoded. */
function rawPairs(url: URL): Array<[string, string]> {
  const search = url.search.replace(/^\?/, '');
  return search === '' ? [] : search.split('&').map((part) => [part.split('=')[0]!, part.slice(part.indexOf('=') + 1)]);
}

export function operationOf(method: string, url: URL): Operation | undefined {
  const candidates = spec.operations.filter((o) => o.method === method && new RegExp(`^${spec.basePath}${o.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(url.pathname));
  if (candidates.length <= 1) return candidates[0];
  // GET on a collection: BATCH_GET names ids, the finder names q.
  const names = rawPairs(url).map(([k]) => k);
  return candidates.find((o) => o.query.required.every((r) => names.includes(r)));
}

export function checkRequest(e: Exchange): string[] {
  const problems: string[] = [];
  const op = operationOf(e.method, e.url);
  if (!op) return [`no operation for ${e.method} ${e.url.pathname}`];
  for (const [name, pattern] of Object.entries(spec.headers)) {
    const value = e.headers.get(name);
    if (value === null || !new RegExp(pattern).test(value)) problems.push(`header ${name} missing or malformed`);
  }
  const method = e.headers.get('x-restli-method');
  if ((op.restliMethod ?? null) !== (method === null ? null : method.toUpperCase())) problems.push(`X-RestLi-Method ${method} where ${op.restliMethod} is expected`);
  const pairs = rawPairs(e.url);
  const names = pairs.map(([k]) => k);
  for (const required of op.query.required) if (!names.includes(required)) problems.push(`query ${required} missing`);
  if (new Set(names).size !== names.length) problems.push('a query parameter is repeated');
  for (const [key, value] of pairs) {
    if (![...op.query.required, ...op.query.optional].includes(key)) problems.push(`query ${key} not described for ${op.name}`);
    const values = op.query.values?.[key];
    if (values && !values.includes(value)) problems.push(`query ${key}=${value} not among ${values.join(', ')}`);
    const syntax = op.query.restli?.[key];
    const match = syntax ? new RegExp(syntax).exec(value) : null;
    if (syntax && !match) problems.push(`query ${key}=${value} is not Rest.li 2.0 syntax`);
    for (const status of match?.groups?.['values']?.split(',') ?? []) if (!spec.campaign.status.includes(status)) problems.push(`search status ${status} unknown`);
  }
  if (op.body === null) {
    if (e.body !== '') problems.push(`${op.name} takes no body`);
    return problems;
  }
  return [...problems, ...checkEntities(e.body, op.body.patchable, idsOf(pairs))];
}

const idsOf = (pairs: Array<[string, string]>): string[] => /^List\((.*)\)$/.exec(pairs.find(([k]) => k === 'ids')?.[1] ?? '')?.[1]?.split(',') ?? [];

function checkEntities(text: string, patchable: string[], ids: string[]): string[] {
  const problems: string[] = [];
  const body = JSON.parse(text) as Record<string, unknown>;
  if (Object.keys(body).join() !== 'entities') return ['the body is {"entities":{…}} and nothing else'];
  const entities = body['entities'] as Record<string, unknown>;
  if ([...Object.keys(entities)].sort().join() !== [...ids].sort().join()) problems.push('entities keys differ from ids=List(…)');
  for (const [id, entity] of Object.entries(entities)) {
    const patch = (entity as { patch?: { $set?: Record<string, unknown> } }).patch;
    if (Object.keys(entity as object).join() !== 'patch' || !patch?.$set || Object.keys(patch).join() !== '$set') {
      problems.push(`entity ${id} is not {"patch":{"$set":{…}}}`);
      continue;
    }
    for (const [field, value] of Object.entries(patch.$set)) {
      if (!patchable.includes(field)) problems.push(`entity ${id}: ${field} is not patchable`);
      if (field === 'status' && (!spec.campaign.status.includes(String(value)) || spec.campaign.neverSet.includes(String(value)))) problems.push(`entity ${id}: status ${String(value)} must never be set`);
    }
  }
  return problems;
}

export function checkAnswer(e: Exchange): string[] {
  const op = operationOf(e.method, e.url);
  if (!op) return [`no operation for ${e.method} ${e.url.pathname}`];
  const body = JSON.parse(e.responseBody) as Record<string, unknown>;
  if (e.status < 200 || e.status >= 300) return checkError(body, e.status);
  if (e.status !== op.answer.status) return [`${op.name} answers ${op.answer.status}, not ${e.status}`];
  const problems = closed(body, spec.shapes[op.answer.shape]!, op.answer.shape);
  const map = (v: unknown) => Object.entries((v ?? {}) as Record<string, unknown>);
  switch (op.answer.shape) {
    case 'searchPage':
      for (const c of body['elements'] as unknown[]) problems.push(...checkCampaign(c));
      problems.push(...closed(body['metadata'] ?? {}, spec.shapes['searchMetadata']!, 'metadata'), ...closed(body['paging'] ?? {}, spec.shapes['paging']!, 'paging'));
      break;
    case 'batchGet':
      for (const [, c] of map(body['results'])) problems.push(...checkCampaign(c));
      for (const [, err] of map(body['errors'])) problems.push(...checkError(err as Record<string, unknown>));
      for (const [id, status] of map(body['statuses'])) if (typeof status !== 'number') problems.push(`statuses.${id} is not a status`);
      break;
    case 'batchUpdate':
      for (const [, r] of map(body['results'])) problems.push(...closed(r, spec.shapes['batchUpdateResult']!, 'result'));
      for (const [, err] of map(body['errors'])) problems.push(...checkError(err as Record<string, unknown>));
      break;
  }
  return problems;
}

function checkCampaign(value: unknown): string[] {
  const c = value as Record<string, unknown>;
  const problems = closed(c, spec.campaign.fields, 'campaign');
  for (const field of spec.campaign.required) if (c[field] === undefined) problems.push(`campaign.${field} missing`);
  for (const key of ['status', 'type', 'costType', 'objectiveType'] as const) {
    if (c[key] !== undefined && !spec.campaign[key].includes(String(c[key]))) problems.push(`campaign.${key} ${String(c[key])} not in LinkedIn's enum`);
  }
  for (const s of (c['servingStatuses'] ?? []) as string[]) if (!spec.campaign.servingStatuses.includes(s)) problems.push(`servingStatuses ${s} unknown`);
  return problems;
}

function checkError(body: Record<string, unknown>, status?: number): string[] {
  const problems = closed(body, spec.shapes['error']!, 'error');
  if (typeof body['message'] !== 'string') problems.push('error.message missing');
  if (typeof body['status'] !== 'number' || (status !== undefined && body['status'] !== status)) problems.push('error.status missing or not the HTTP status');
  return problems;
}

function closed(value: unknown, allowed: string[], what: string): string[] {
  return Object.keys((value ?? {}) as object)
    .filter((k) => !allowed.includes(k))
    .map((k) => `${what}.${k} is not described`);
}
