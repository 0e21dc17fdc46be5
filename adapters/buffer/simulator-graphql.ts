// The simulator's GraphQL engine: Buffer's schema (simulator-schema.ts) with its scalars (ObjectId
// ids, ISO 8601 DateTime), parsed, validated and executed by graphql-js. How Buffer answers what
// it refuses: a parse or validation failure → HTTP 400 GRAPHQL_VALIDATION_FAILED (as Buffer's
// live API answers an unknown enum value or an impossible fragment), variables that do not fit
// their types → 400 BAD_USER_INPUT; errors while resolving → in the 200 body, with their path.
import { buildSchema, execute, GraphQLError, GraphQLScalarType, Kind, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { OBJECT_ID } from './adapter-settings.js';
import { BUFFER_SDL } from './simulator-schema.js';

export interface GraphqlAnswer {
  status: 200 | 400;
  body: { data?: unknown; errors?: unknown[] };
}

const invalid = (what: string) => new GraphQLError(`Invalid ${what}`, { extensions: { code: 'BAD_USER_INPUT' } });

function objectId(name: string): Partial<GraphQLScalarType> {
  const check = (value: unknown) => {
    if (typeof value !== 'string' || !OBJECT_ID.test(value)) throw invalid(`${name}: expected a 24-hex-digit id`);
    return value;
  };
  return { serialize: (v: unknown) => v, parseValue: check, parseLiteral: (ast) => check(ast.kind === Kind.STRING ? ast.value : null) };
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
function dateTime(): Partial<GraphQLScalarType> {
  const check = (value: unknown) => {
    if (typeof value !== 'string' || !ISO_8601.test(value) || Number.isNaN(Date.parse(value))) throw invalid('DateTime: expected an ISO 8601 date and time');
    return value;
  };
  return { serialize: (v: unknown) => v, parseValue: check, parseLiteral: (ast) => check(ast.kind === Kind.STRING ? ast.value : null) };
}

let schema: GraphQLSchema | null = null;
/** Built once: the SDL with Buffer's scalar rules attached. */
export function bufferSchema(): GraphQLSchema {
  if (schema) return schema;
  const built = buildSchema(BUFFER_SDL);
  for (const name of ['OrganizationId', 'ChannelId', 'PostId', 'TagId']) Object.assign(built.getType(name) as GraphQLScalarType, objectId(name));
  Object.assign(built.getType('DateTime') as GraphQLScalarType, dateTime());
  return (schema = built);
}

const code = (c: string) => ({ extensions: { code: c } });

export async function runGraphql(raw: unknown, rootValue: Record<string, unknown>): Promise<GraphqlAnswer> {
  const request = (raw ?? {}) as { query?: unknown; variables?: unknown; operationName?: unknown };
  if (typeof request.query !== 'string') return { status: 400, body: { errors: [{ message: 'GraphQL operations must contain a non-empty `query`.', ...code('BAD_REQUEST') }] } };
  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch (e) {
    return { status: 400, body: { errors: [{ ...(e as GraphQLError).toJSON(), ...code('GRAPHQL_PARSE_FAILED') }] } };
  }
  const errors = validate(bufferSchema(), document);
  if (errors.length > 0) return { status: 400, body: { errors: errors.map((e) => ({ ...e.toJSON(), ...code('GRAPHQL_VALIDATION_FAILED') })) } };
  const result = await execute({
    schema: bufferSchema(),
    document,
    rootValue,
    variableValues: (request.variables ?? {}) as Record<string, unknown>,
    operationName: typeof request.operationName === 'string' ? request.operationName : null,
  });
  // No data at all: the variables did not fit (execution never began).
  if (!('data' in result) || result.data === undefined) return { status: 400, body: { errors: (result.errors ?? []).map((e) => ({ ...e.toJSON(), ...code('BAD_USER_INPUT') })) } };
  const body = { data: result.data, ...(result.errors && { errors: result.errors.map((e) => e.toJSON()) }) };
  return { status: 200, body: JSON.parse(JSON.stringify(body)) as GraphqlAnswer['body'] };
}

/** For the kit's fault layer: a query sent over POST is a read. */
export function faultMethod(method: string, _path: string, body: string): string {
  if (method !== 'POST') return method;
  try {
    const query = (JSON.parse(body) as { query?: unknown }).query;
    return typeof query === 'string' && /^\s*mutation\b/.test(query) ? 'POST' : 'GET';
  } catch {
    return method;
  }
}
