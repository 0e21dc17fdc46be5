// One Hootsuite connection's AdapterClient: list, suspend (delete), restore (re-create), inspect.
// Hootsuite has no bulk endpoints, so every call handles its items one request at a time; the
// core sends at most `bulkSize` (1) per call and runs `concurrency` calls side by side.
import { AdapterError } from '../kit/adapter-error.js';
import { asPages } from '../kit/pages.js';
import type { AdapterClient, ItemRef, Kind, ListPage, LiveItem, Observation, Outcome, RestoreRequest } from '../types.js';
import { deleteMessage, retrieveMe, retrieveMessage, type HootsuiteApi } from './api.js';
import { listLiveMessages, type ListOptions } from './listing.js';
import { DELETED_STATUS, notFoundObservation, snapshotSchema, toObservation } from './mappers.js';
import { restoreMessage } from './restore.js';

export function createHootsuiteClient(api: HootsuiteApi, options: ListOptions): AdapterClient {
  return {
    checkCredentials: () => retrieveMe(api),

    listLive(kind: Kind): AsyncIterable<ListPage> {
      return asPages(kind === 'post' ? listLiveMessages(api, options) : emptyListing());
    },

    async suspend(items: ItemRef[]): Promise<Outcome[]> {
      const outcomes: Outcome[] = [];
      for (const item of items) outcomes.push(await suspendOne(api, item));
      return outcomes;
    },

    async restore(items: RestoreRequest[]): Promise<Outcome[]> {
      const outcomes: Outcome[] = [];
      for (const item of items) outcomes.push(await restoreMessage(api, item));
      return outcomes;
    },

    async inspect(items: ItemRef[]): Promise<Observation[]> {
      const observations: Observation[] = [];
      for (const item of items) {
        const message = await retrieveMessage(api, item.externalId);
        observations.push(message ? toObservation(message) : notFoundObservation(item.externalId));
      }
      return observations;
    },
  };
}

async function suspendOne(api: HootsuiteApi, item: ItemRef): Promise<Outcome> {
  // Guard for invariant 9: DELETE cannot be undone on Hootsuite, so refuse unless we hold a
  // snapshot we can re-create this very message from.
  const snapshot = snapshotSchema.safeParse(item.snapshot);
  if (!snapshot.success || snapshot.data.messageId !== item.externalId) {
    return {
      kind: 'error',
      externalId: item.externalId,
      error: {
        code: 'invalid_request',
        message: `suspend ${item.externalId}: no usable snapshot of this message, refusing to delete it`,
        retryable: false,
        ambiguous: false,
      },
    };
  }
  try {
    // 40003 (already sending or sent) comes back as invalid_state; 4001 as not_found.
    await deleteMessage(api, item.externalId);
    return { kind: 'ok', externalId: item.externalId, status: DELETED_STATUS };
  } catch (error) {
    if (error instanceof AdapterError) return { kind: 'error', externalId: item.externalId, error: error.toInfo() };
    throw error;
  }
}

async function* emptyListing(): AsyncGenerator<LiveItem[]> {
  // Hootsuite holds social posts only: no ads, no emails.
}
