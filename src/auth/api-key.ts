import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';

/** Roles are recorded now so permissions can be added without migrating keys. */
export const ROLES = ['admin', 'responder', 'viewer'] as const;

export const ApiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  /** sha256 of the key; the key itself is never stored */
  hash: z.string(),
  createdAt: z.string(),
});
export type ApiKey = z.infer<typeof ApiKeySchema>;

/** Keys are 256-bit random strings, so a plain SHA-256 is enough to store them safely. */
export const hashApiKey = (key: string): string => `sha256:${createHash('sha256').update(key, 'utf8').digest('hex')}`;

export const generateApiKey = (): string => `cp_${randomBytes(32).toString('base64url')}`;
