import { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { Clock } from '../../../adapters/types.js';
import { draft } from '../../audit/audit-entry.js';
import { ApiKeySchema, generateApiKey, hashApiKey, ROLES, type ApiKey } from '../../auth/api-key.js';
import { AppError } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import type { Store } from '../../store/store.js';
import { endpoint } from '../endpoint.js';
import { contextOf, type AppEnv } from '../request-context.js';
import { jsonResponse } from '../responses.js';

const tags = ['keys'];
const KeyViewSchema = ApiKeySchema.omit({ hash: true }).meta({ id: 'ApiKey', description: 'an API key as shown: never the key itself, never its hash' });
const KeyRequestSchema = z
  .object({
    name: z.string().trim().min(1).max(100).meta({ description: 'who holds it: the audit records it as the actor' }),
    role: z.enum(ROLES).meta({ description: 'viewer reads; lead also acts on pauses; admin also manages keys' }),
  })
  .strict();
const KeyParamsSchema = z.object({ id: z.string().min(1).meta({ description: 'the key id (`key_…`)' }) });

const view = ({ hash: _hash, ...key }: ApiKey) => key;

/** API keys (admin only): created with the key shown once, listed, revoked. */
export function keyRoutes(store: Store, clock: Clock) {
  const app = new OpenAPIHono<AppEnv>();
  endpoint(
    app,
    {
      method: 'post',
      path: '/',
      summary: 'Create an API key',
      description: 'The key is in the answer once (`secret`) and never again: only its hash is stored.',
      tags,
      body: { schema: KeyRequestSchema, required: true },
      responses: { 201: jsonResponse('the key, and the secret to hand to its holder', z.object({ key: KeyViewSchema, secret: z.string() })) },
    },
    async (c, { body }) => {
      const secret = generateApiKey();
      const now = clock.now();
      const key: ApiKey = { id: newId('key'), name: body.name, role: body.role, hash: hashApiKey(secret), createdAt: now.toISOString(), revokedAt: null };
      await store.insertApiKey(key, [draft(contextOf(c), now, { action: 'api-key.created', data: { keyId: key.id, name: key.name, role: key.role } })]);
      return c.json({ key: view(key), secret }, 201);
    },
  );
  endpoint(
    app,
    {
      method: 'get',
      path: '/',
      summary: 'List API keys',
      description: 'Oldest first, revoked ones included (with `revokedAt`).',
      tags,
      responses: { 200: jsonResponse('every key', z.object({ data: z.array(KeyViewSchema) })) },
    },
    async (c) => c.json({ data: (await store.listApiKeys()).map(view) }),
  );
  endpoint(
    app,
    {
      method: 'delete',
      path: '/{id}',
      summary: 'Revoke an API key',
      description: 'Refused from then on; kept, revoked, for the audit. 409 if it is already revoked or is the last admin key left.',
      tags,
      params: KeyParamsSchema,
      responses: { 200: jsonResponse('the key, now revoked', z.object({ key: KeyViewSchema })) },
      errors: [409],
    },
    async (c, { params }) => {
      const keys = await store.listApiKeys();
      const target = keys.find((k) => k.id === params.id);
      const admins = keys.filter((k) => k.role === 'admin' && !k.revokedAt);
      // Nobody could manage keys any more: refuse rather than lock everyone out.
      if (target && !target.revokedAt && target.role === 'admin' && admins.length === 1) throw new AppError('conflict', `API key ${params.id} is the last admin key: create another admin key first`);
      const now = clock.now();
      const revoked = await store.revokeApiKey(params.id, now.toISOString(), [draft(contextOf(c), now, { action: 'api-key.revoked', data: { keyId: params.id } })]);
      return c.json({ key: view(revoked) });
    },
  );
  return app;
}
