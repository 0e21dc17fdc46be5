// What adapter tests do again and again with live items: list them all, and hand them back as
// the core does (an ItemRef carries what the core stored of a LiveItem).
import type { AdapterClient, ItemRef, Kind, LiveItem } from '../../adapters/types.js';

export async function listAll(client: AdapterClient, kind: Kind): Promise<LiveItem[]> {
  const items: LiveItem[] = [];
  for await (const page of client.listLive(kind)) items.push(...page.items);
  return items;
}

export const toRef = ({ externalId, objectType, method, fingerprint, snapshot }: LiveItem): ItemRef => ({
  externalId,
  objectType,
  method,
  fingerprint,
  snapshot,
});
