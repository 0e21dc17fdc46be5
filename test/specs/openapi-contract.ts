// Checks what an adapter sends and what its simulator answers against the vendor's own published
// description (OpenAPI 3.0 / 3.1 or Swagger 2.0): the operation exists, every query and header
// parameter is declared and its value allowed, the required ones are there, the credentials the
// description asks for are sent, the body and the answer validate against the schemas (ajv). An
// object may only hold the properties its schema names, unless the schema says otherwise: a
// simulator that invents a field, or a request that sends one, fails like the vendor would.
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { closeObjects, type Json } from './openapi-schemas.js';

/** One request and its answer, as recorded at the network edge (test/support/msw.ts). */
export interface Exchange {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
  status: number;
  responseBody: string;
}

interface Operation {
  template: string;
  op: Json;
  parameters: Json[];
}

export interface ContractOptions {
  /** what precedes the description's paths in real URLs (Swagger's basePath is read from the file) */
  pathPrefix?: string;
}

export class OpenApiContract {
  readonly #doc: Json;
  readonly #swagger: boolean;
  readonly #prefix: string;
  readonly #ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, logger: false, validateFormats: false });
  readonly #compiled = new Map<string, ValidateFunction>();
  readonly #paths: Array<{ template: string; pattern: RegExp }>;

  constructor(doc: Json, options: ContractOptions = {}) {
    this.#swagger = typeof doc.swagger === 'string';
    this.#doc = closeObjects(doc, this.#swagger);
    this.#prefix = options.pathPrefix ?? (this.#swagger && typeof doc.basePath === 'string' ? doc.basePath.replace(/\/$/, '') : '');
    this.#ajv.addSchema(this.#doc, 'spec');
    this.#paths = Object.keys(this.#doc.paths ?? {})
      // Literal segments before templated ones: /campaigns/search before /campaigns/{id}.
      .sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0))
      .map((template) => ({ template, pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`) }));
  }

  static fromFile(file: URL, options?: ContractOptions): OpenApiContract {
    const text = readFileSync(file, 'utf8');
    return new OpenApiContract((file.pathname.endsWith('.json') ? JSON.parse(text) : parse(text)) as Json, options);
  }

  /** Everything wrong with a request and its answer; [] when the vendor would take both. */
  check(exchange: Exchange): string[] {
    const where = `${exchange.method} ${exchange.url.pathname}`;
    const operation = this.#operation(exchange.method, exchange.url.pathname);
    if (typeof operation === 'string') return [`${where}: ${operation}`];
    const problems = [...this.#checkRequest(exchange, operation), ...this.#checkResponse(exchange, operation)];
    return problems.map((p) => `${where}: ${p}`);
  }

  /** Problems of every exchange, at most `max` of them (one wrong field repeats on every page). */
  checkAll(exchanges: readonly Exchange[], max = 20): string[] {
    return [...new Set(exchanges.flatMap((e) => this.check(e)))].slice(0, max);
  }

  #operation(method: string, pathname: string): Operation | string {
    if (!pathname.startsWith(this.#prefix)) return `not under ${this.#prefix}`;
    const path = pathname.slice(this.#prefix.length);
    const match = this.#paths.find((p) => p.pattern.test(path) && this.#doc.paths[p.template][method.toLowerCase()]);
    if (!match) return this.#paths.some((p) => p.pattern.test(path)) ? 'method not described for this path' : 'path not described';
    const item = this.#doc.paths[match.template];
    const op = item[method.toLowerCase()];
    const byKey = new Map<string, Json>();
    for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p: Json) => this.#deref(p))) byKey.set(`${p.in}:${p.name}`, p);
    return { template: match.template, op, parameters: [...byKey.values()] };
  }

  #checkRequest(exchange: Exchange, { op, parameters }: Operation): string[] {
    const problems: string[] = [];
    const query = exchange.url.searchParams;
    for (const name of new Set(query.keys())) {
      const p = parameters.find((x) => x.in === 'query' && x.name === name);
      if (!p) problems.push(`query parameter ${name} not described`);
      else problems.push(...this.#checkValue(`query ${name}`, query.getAll(name), p));
    }
    for (const p of parameters.filter((x) => x.required === true)) {
      if (p.in === 'query' && !query.has(p.name)) problems.push(`required query parameter ${p.name} missing`);
      if (p.in === 'header' && !exchange.headers.has(p.name)) problems.push(`required header ${p.name} missing`);
    }
    for (const p of parameters.filter((x) => x.in === 'header' && exchange.headers.has(x.name))) problems.push(...this.#checkValue(`header ${p.name}`, [exchange.headers.get(p.name)!], p));
    problems.push(...this.#checkSecurity(exchange, op));
    const body = this.#requestBodySchema(op, parameters, exchange.headers.get('content-type'));
    if (typeof body === 'string') problems.push(body);
    else if (body === null && exchange.body !== '') problems.push('a body where none is described');
    else if (body !== null && exchange.body === '' && body.required) problems.push('required body missing');
    else if (body !== null && exchange.body !== '') problems.push(...this.#validate('request body', body.pointer, parseBody(exchange.body)));
    return problems;
  }

  #checkResponse(exchange: Exchange, { op }: Operation): string[] {
    const responses = op.responses ?? {};
    const key = [String(exchange.status), `${String(exchange.status)[0]}XX`, 'default'].find((k) => responses[k] !== undefined);
    if (!key) return [`answer status ${exchange.status} not described`];
    const pointer = this.#responseSchemaPointer(op, key);
    if (pointer === null || exchange.responseBody === '') return [];
    return this.#validate(`answer ${exchange.status}`, pointer, parseBody(exchange.responseBody));
  }

  /** A parameter's values (query values are strings: read as the schema's type). */
  #checkValue(what: string, values: string[], p: Json): string[] {
    const schema = this.#swagger ? parameterSchema(p) : this.#deref(p.schema ?? {});
    const typed = schema.type === 'array' ? values.flatMap((v) => v.split(',')).map((v) => read(v, this.#deref(schema.items ?? {}))) : read(values[0]!, schema);
    const pointer = `${this.#pointerOf(p)}${this.#swagger ? '' : '/schema'}`;
    if (this.#swagger && !this.#compiled.has(pointer)) this.#compiled.set(pointer, this.#ajv.compile(stripUndefined(schema)));
    return this.#validate(`${what}=${values.join(',')}`, pointer, typed);
  }

  #checkSecurity(exchange: Exchange, op: Json): string[] {
    const requirements: Json[] = op.security ?? this.#doc.security ?? [];
    if (requirements.length === 0) return [];
    const schemes = this.#swagger ? this.#doc.securityDefinitions ?? {} : this.#doc.components?.securitySchemes ?? {};
    const met = (name: string): boolean => {
      const s = schemes[name];
      if (!s) return false;
      if (s.type === 'apiKey' && s.in === 'header') return exchange.headers.has(s.name);
      if (s.type === 'apiKey' && s.in === 'query') return exchange.url.searchParams.has(s.name);
      if (s.type === 'http' || s.type === 'oauth2' || s.type === 'openIdConnect') return /^(Bearer|Basic) /i.test(exchange.headers.get('authorization') ?? '');
      return false;
    };
    const ok = requirements.some((r) => Object.keys(r).every(met));
    return ok ? [] : [`credentials not sent as described (${requirements.map((r) => Object.keys(r).join('+')).join(' or ')})`];
  }

  #requestBodySchema(op: Json, parameters: Json[], contentType: string | null): { pointer: string; required: boolean } | null | string {
    if (this.#swagger) {
      const p = parameters.find((x) => x.in === 'body');
      return p ? { pointer: `${this.#pointerOf(p)}/schema`, required: p.required === true } : null;
    }
    const requestBody = op.requestBody ? this.#deref(op.requestBody) : null;
    if (!requestBody) return null;
    const type = (contentType ?? '').split(';')[0]!.trim();
    const content = requestBody.content ?? {};
    if (!content[type]) return `body sent as ${type || 'no content type'}, described as ${Object.keys(content).join(', ')}`;
    return { pointer: `${this.#pointerOf(requestBody)}/content/${escape(type)}/schema`, required: requestBody.required === true };
  }

  #responseSchemaPointer(op: Json, key: string): string | null {
    const response = this.#deref(op.responses[key]);
    const base = this.#pointerOf(response);
    if (this.#swagger) return response.schema ? `${base}/schema` : null;
    const type = Object.keys(response.content ?? {}).find((t) => /json/.test(t));
    return type && response.content[type].schema ? `${base}/content/${escape(type)}/schema` : null;
  }

  #validate(what: string, pointer: string, value: unknown): string[] {
    let validate = this.#compiled.get(pointer);
    if (!validate) this.#compiled.set(pointer, (validate = this.#ajv.getSchema(`spec#${pointer}`) ?? this.#ajv.compile({ $ref: `spec#${pointer}` })));
    return validate(value) ? [] : (validate.errors ?? []).slice(0, 5).map((e) => `${what}: ${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}${e.params && 'unevaluatedProperty' in e.params ? ` (${String(e.params.unevaluatedProperty)})` : ''}`);
  }

  /** Follows a `$ref` within the document. */
  #deref(node: Json): Json {
    let n = node;
    while (n && typeof n.$ref === 'string') n = this.#at(n.$ref.slice(1));
    return n;
  }

  #at(pointer: string): Json {
    return pointer.split('/').slice(1).map(unescape).reduce((n: Json, key) => n?.[key], this.#doc);
  }

  /** The JSON pointer of a node of the document (found by identity; nodes are objects). */
  #pointerOf(node: Json): string {
    const found = pointers(this.#doc).get(node);
    if (found === undefined) throw new Error('node not in the description');
    return found;
  }
}

const pointerCache = new WeakMap<Json, Map<Json, string>>();
function pointers(doc: Json): Map<Json, string> {
  let map = pointerCache.get(doc);
  if (map) return map;
  map = new Map();
  const walk = (node: Json, at: string): void => {
    if (!node || typeof node !== 'object' || map!.has(node)) return;
    map!.set(node, at);
    for (const [key, child] of Object.entries(node)) walk(child as Json, `${at}/${escape(key)}`);
  };
  walk(doc, '');
  pointerCache.set(doc, map);
  return map;
}

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
const unescape = (key: string) => key.replace(/~1/g, '/').replace(/~0/g, '~');
const stripUndefined = (o: Json): Json => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
/** A Swagger 2.0 query or header parameter is its own schema, among other words. */
const parameterSchema = ({ name: _n, in: _i, required: _r, description: _d, collectionFormat: _c, ...schema }: Json): Json => schema;

function read(value: string, schema: Json): unknown {
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  if ((type === 'integer' || type === 'number') && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
