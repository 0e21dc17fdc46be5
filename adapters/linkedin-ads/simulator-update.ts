// BATCH_PARTIAL_UPDATE on an ad account's campaigns, as LinkedIn applies it: each entity on its
// own, its result or error keyed by id in one 200 answer.
// https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/methods#batch-partial-update
import { z } from 'zod';
import { CAMPAIGN_STATUSES, type CampaignStatus } from './mappers.js';
import { badRequest, notFound, type RestliErrorBody } from './simulator-errors.js';
import type { LinkedInAdsWorld } from './simulator-world.js';

const entitySchema = z.object({ patch: z.object({ $set: z.record(z.string(), z.unknown()) }).strict() }).strict();
export const batchBodySchema = z.object({ entities: z.record(z.string(), z.unknown()) }).strict();

/** Statuses only LinkedIn sets (or that no longer change): never accepted from a client. */
const SYSTEM_STATUSES: ReadonlySet<string> = new Set(['COMPLETED', 'REMOVED', 'DRAFT']);
/** Where a campaign can no longer go anywhere ("permanently canceled and cannot be reactivated"). */
const FINAL_STATUSES: ReadonlySet<string> = new Set(['CANCELED', 'COMPLETED', 'REMOVED', 'PENDING_DELETION']);

export interface BatchAnswer {
  results: Record<string, { status: number }>;
  errors: Record<string, RestliErrorBody>;
}

export function applyBatchUpdate(world: LinkedInAdsWorld, accountId: string, ids: readonly string[], entities: Record<string, unknown>): BatchAnswer | RestliErrorBody {
  const keys = Object.keys(entities);
  // Rest.li: the entities' keys must be exactly the ids of the query.
  if (keys.length !== ids.length || keys.some((k) => !ids.includes(k))) return badRequest('Batch request mismatch: the ids in the query and the keys of entities differ');
  const answer: BatchAnswer = { results: {}, errors: {} };
  for (const id of ids) {
    const error = applyOne(world, accountId, id, entities[id]);
    if (error) answer.errors[id] = error;
    else answer.results[id] = { status: 204 };
  }
  return answer;
}

function applyOne(world: LinkedInAdsWorld, accountId: string, id: string, entity: unknown): RestliErrorBody | null {
  const parsed = entitySchema.safeParse(entity);
  if (!parsed.success) return badRequest(`entity ${id}: a partial update is {"patch":{"$set":{…}}}`);
  const fields = parsed.data.patch.$set;
  const unknown = Object.keys(fields).find((f) => f !== 'status');
  // The simulator models status changes only; other fields are refused, never silently dropped.
  if (unknown !== undefined) return badRequest(`entity ${id}: field ${unknown} is not updatable here`);
  const status = fields['status'];
  if (typeof status !== 'string' || !(CAMPAIGN_STATUSES as readonly string[]).includes(status)) return badRequest(`entity ${id}: Invalid value ${JSON.stringify(status)} for status`);
  const campaign = /^\d+$/.test(id) ? world.get(Number(id)) : undefined;
  if (!campaign || campaign.account !== `urn:li:sponsoredAccount:${accountId}`) return notFound(`Campaign ${id} does not exist in ad account ${accountId}`);
  if (world.takeEntityFault(campaign.id)) return { status: 500, message: 'Internal Server Error' };
  if (campaign.status === status) return null; // a partial update to the same value changes nothing
  if (FINAL_STATUSES.has(campaign.status)) return badRequest(`entity ${id}: a ${campaign.status} campaign cannot change status`);
  if (SYSTEM_STATUSES.has(status)) return badRequest(`entity ${id}: status ${status} cannot be set`);
  if (status === 'PENDING_DELETION' && campaign.status !== 'DRAFT') return badRequest(`entity ${id}: only a DRAFT campaign can be deleted`);
  world.update(campaign, { status: status as CampaignStatus });
  return null;
}
