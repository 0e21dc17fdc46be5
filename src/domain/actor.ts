import { z } from 'zod';

/** Who did something: an API key's holder, or the service itself (recovery after a crash). */
export const ActorSchema = z.object({
  type: z.enum(['api-key', 'system', 'webhook', 'slack']),
  id: z.string(),
  name: z.string(),
  role: z.string().optional(),
});
export type Actor = z.infer<typeof ActorSchema>;

/**
 * Where a change came from: api, console, webhook:<source>, slack, system, or schedule (a planned
 * pause's start or end, carried out by the service at its time on behalf of the one who planned it).
 */
export const SourceSchema = z.string().regex(/^(api|console|slack|system|schedule|webhook:[a-z0-9-]+)$/);
export type Source = z.infer<typeof SourceSchema>;

/** Who, from where, under which request: carried with every change so it can be audited. */
export interface RequestContext {
  actor: Actor;
  source: Source;
  requestId: string;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: 'crisis-pause', name: 'crisis-pause' };
