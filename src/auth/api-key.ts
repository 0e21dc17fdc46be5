import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * Each role may do what the one before it may: a `viewer` reads pauses, items and the audit; a
 * `lead` also pauses, escalates, resumes, releases, keeps and ticks tasks off; an `admin` also
 * manages keys.
 */
export const ROLES = ['viewer', 'lead', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const allows = (role: Role, needed: Role): boolean => ROLES.indexOf(role) >= ROLES.indexOf(needed);

export const ApiKeySchema = z.object({
  id: z.string(),
  /** who holds it: the audit records it as the actor */
  name: z.string(),
  // `responder` was the name of `lead` before roles were enforced.
  role: z.preprocess((value) => (value === 'responder' ? 'lead' : value), z.enum(ROLES)),
  /** sha256 of the key; the key itself is never stored */
  hash: z.string(),
  createdAt: z.string(),
  /** set once revoked: the key is refused from then on, and kept for the audit's sake */
  revokedAt: z.string().nullable().default(null),
});
export type ApiKey = z.infer<typeof ApiKeySchema>;

/** Keys are 256-bit random strings, so a plain SHA-256 is enough to store them safely. */
export const hashApiKey = (key: string): string => `sha256:${createHash('sha256').update(key, 'utf8').digest('hex')}`;

export const generateApiKey = (): string => `cp_${randomBytes(32).toString('base64url')}`;
