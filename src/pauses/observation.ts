import { methodTraits, type ItemRef, type Observation } from '../../adapters/types.js';
import type { Item } from '../domain/item.js';

/**
 * What the platform shows of an item we suspended (or meant to):
 * - `suspended`: as we leave it (deleted, or not live with the same content and status)
 * - `live`: it would go out (never suspended, or put back by someone)
 * - `gone`: a same-id item no longer exists
 * - `changed`: its content or status changed under us
 */
export type SuspensionView = 'suspended' | 'live' | 'gone' | 'changed';

export function viewOf(item: Item, seen: Observation): SuspensionView {
  if (!seen.found) return methodTraits(item.method).absentMeans;
  // Re-created items come back with a new id: a deleted item found again was put back by someone.
  if (!methodTraits(item.method).keepsId) return seen.live ? 'live' : 'changed';
  if (seen.fingerprint !== item.fingerprint) return 'changed';
  if (seen.live) return 'live';
  // A status other than the one our suspension left means someone else acted on it.
  if (item.suspendedStatus !== null && seen.status !== item.suspendedStatus) return 'changed';
  return 'suspended';
}

export function observed(seen: Observation): { [key: string]: string | boolean | null } {
  return { found: seen.found, live: seen.live, status: seen.status, fingerprint: seen.fingerprint, scheduledAt: seen.scheduledAt };
}

export function driftReason(item: Item, seen: Observation): string {
  if (!seen.found) return 'it no longer exists on the platform';
  if (seen.fingerprint !== item.fingerprint) return 'its content was changed on the platform while suspended';
  if (seen.live) return 'it was put back by someone else';
  return `its status was changed to ${seen.status ?? 'unknown'} on the platform while suspended`;
}

/** What the platform shows of an object that is not there. */
export const absent = (externalId: string): Observation => ({ externalId, found: false, live: false, status: null, fingerprint: null, scheduledAt: null });

export function refOf(item: Item): ItemRef {
  return {
    externalId: item.externalId,
    objectType: item.objectType,
    method: item.method,
    fingerprint: item.fingerprint,
    snapshot: item.snapshot,
  };
}
