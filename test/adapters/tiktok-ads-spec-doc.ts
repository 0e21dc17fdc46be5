// TikTok's vendor files (test/specs/tiktok/, copied byte for byte from tiktok/tiktok-business-api-sdk
// · yml_files/ at f809c396) read the way TikTok's servers apply them, for the shared checker.
// The files are never edited; where they are wrong or out of the checker's reach, this says so
// and works around it in memory:
//  1. They describe the Smart+ endpoints (/smart_plus/campaign/get/, …/status/update/). The SDK
//     holds no file for the classic /campaign/get/ and /campaign/status/update/ the adapter calls
//     (none in the repository's history either); the classic status update takes the same body
//     (advertiser_id, campaign_ids ≤ 20, operation_status) and the classic read the same
//     parameters, so the paths are mapped onto the classic ones.
//  2. They declare `Access-Token` as a QUERY parameter. TikTok takes it as a HEADER: the SDK built
//     from these very files sends it in headerParams (js_sdk/src/api/CampaignCreationApi.js), and
//     the live API's 40104 says "set it in http header with key Access-Token". Moved to a header.
//  3. They declare the answer's `data` as an object with no properties — closed, so any field
//     would fail — while their own `x-open-rules.response_rule` lists what `data` holds. `data`
//     is described from that rule (list + page_info; campaign_list + error_list).
//  4. Enums are in `x-open-enum` (strict: true), which JSON Schema does not read: turned into `enum`
//     of the keys, so a value TikTok refuses fails here too.
//  5. `fields` and `filtering` are JSON-in-a-query-parameter (`content: application/json`), which
//     the shared checker does not read: it sees them as strings, and `jsonParameterProblems`
//     validates their JSON against the files' own schemas.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { OpenApiContract, type Exchange } from '../specs/openapi-contract.js';
import { closeObjects, type Json } from '../specs/openapi-schemas.js';

export const SPEC_FILES = {
  get: new URL('../specs/tiktok/smart_plus_campaign_get.yml', import.meta.url),
  update: new URL('../specs/tiktok/smart_plus_campaign_status_update.yml', import.meta.url),
};

const read = (file: URL): Json => parse(readFileSync(file, 'utf8'));

/** Every node with an x-open-enum of string keys gets `enum` (workaround 4). */
function withEnums(node: Json): void {
  if (!node || typeof node !== 'object') return;
  const open = node['x-open-enum'];
  if (open?.key_format === 'string' && Array.isArray(open.enums)) node.enum = open.enums.map((e: Json) => e.key);
  for (const child of Object.values(node)) withEnums(child);
}

const enumOf = (node: Json): string[] => node['x-open-enum'].enums.map((e: Json) => e.key);
const anyOf = (keys: string[], typed: Record<string, Json> = {}): Json => ({ type: 'object', properties: Object.fromEntries(keys.map((k) => [k, typed[k] ?? {}])) });

export interface TiktokSpec {
  contract: OpenApiContract;
  /** problems in the JSON query parameters of campaign reads (workaround 5) */
  jsonParameterProblems(exchanges: readonly Exchange[]): string[];
  /** the operation_status keys the vendor file allows */
  operationStatuses: string[];
}

export function loadTiktokSpec(): TiktokSpec {
  const get = read(SPEC_FILES.get);
  const update = read(SPEC_FILES.update);
  const getOp = get.paths['/smart_plus/campaign/get/'].get;
  const updateOp = update.paths['/smart_plus/campaign/status/update/'].post;
  const body = updateOp.requestBody.content['application/json'].schema;
  const operationStatuses = enumOf(body.properties.operation_status);
  const filtering = getOp.parameters.find((p: Json) => p.name === 'filtering').content['application/json'].schema;
  const enums = { operation_status: { type: 'string', enum: operationStatuses }, secondary_status: { type: 'string', enum: enumOf(filtering.properties.secondary_status) }, objective_type: { type: 'string', enum: enumOf(filtering.properties.objective_type) } };

  // 3: `data` from the response rules
  const listRule = getOp['x-open-rules'].response_rule;
  const campaignKeys = Object.keys(listRule['list[][]'][0]);
  const pageInfo = anyOf(['page', 'page_size', 'total_number', 'total_page'], { page: { type: 'integer' }, page_size: { type: 'integer' }, total_number: { type: 'integer' }, total_page: { type: 'integer' } });
  setData(getOp, anyOf(['list', 'page_info'], { list: { type: 'array', items: anyOf(campaignKeys, enums) }, page_info: pageInfo }));
  const updateRule = updateOp['x-open-rules'].response_rule;
  const listed = anyOf(Object.keys(updateRule['campaign_list[][]'][0]), { status: enums.operation_status });
  setData(updateOp, anyOf(['campaign_list', 'error_list'], { campaign_list: { type: 'array', items: listed }, error_list: { type: 'array', items: anyOf(Object.keys(updateRule['error_list[][]'][0])) } }));

  // 5: JSON parameters kept aside, seen by the checker as strings
  const jsonParams = new Map<string, Json>();
  for (const op of [getOp, updateOp]) {
    op.parameters = op.parameters.map((p: Json) => {
      if (p.name === 'Access-Token') return { ...p, in: 'header' }; // 2
      if (!p.content) return p;
      jsonParams.set(p.name, p.content['application/json'].schema);
      return { name: p.name, in: p.in, required: p.required, schema: { type: 'string' } };
    });
  }
  const doc = { openapi: '3.0.1', info: get.info, paths: { '/campaign/get/': { get: getOp }, '/campaign/status/update/': { post: updateOp } } }; // 1
  withEnums(doc);
  const closed = closeObjects({ openapi: '3.0.1', schemas: Object.fromEntries(jsonParams) }, false);
  withEnums(closed);
  const ajv = new Ajv2020({ strict: false, allErrors: true, logger: false, validateFormats: false });
  const validators = new Map([...jsonParams.keys()].map((name) => [name, ajv.compile(closed.schemas[name])]));

  return {
    contract: new OpenApiContract(doc, { pathPrefix: '/open_api/v1.3' }),
    operationStatuses,
    jsonParameterProblems(exchanges) {
      const problems: string[] = [];
      for (const e of exchanges) {
        for (const [name, validate] of validators) {
          const raw = e.url.searchParams.get(name);
          if (raw === null) continue;
          let value: unknown;
          try {
            value = JSON.parse(raw);
          } catch {
            problems.push(`${name}=${raw}: not JSON`);
            continue;
          }
          if (!validate(value)) problems.push(...(validate.errors ?? []).map((x) => `${name}=${raw}: ${x.instancePath || '/'} ${x.message}`));
        }
      }
      return [...new Set(problems)];
    },
  };
}

function setData(op: Json, data: Json): void {
  const schema = op.responses['200'].content['application/json'].schema;
  schema.properties.data = { ...data, nullable: true };
}
