import type { LiveItem } from '../../adapters/types.js';
import type { Listing } from '../domain/pause.js';
import type { Engine } from './engine.js';
import { newItem, planTargets, walkListing } from './plan.js';
import type { Resolved } from './request-pause.js';
import { suspendTasks } from './tasks.js';

/** A dry run: what a pause would suspend now, listing the platforms and changing nothing. */
export async function previewPause(engine: Engine, resolved: Resolved) {
  const { severity, connectionIds, manualIds } = resolved;
  const targets = planTargets(engine, connectionIds, severity.kinds);
  const results = await Promise.all(
    targets.map(async (target) => {
      const live: LiveItem[] = [];
      const walk = await walkListing(engine, target, null, async (items) => void live.push(...items));
      const at = engine.clock.now().toISOString();
      const listing: Listing = {
        ...target,
        found: live.length,
        heldElsewhere: 0,
        ...(walk.ok ? { state: 'done' as const, error: null, resumeFrom: null } : { state: 'failed' as const, error: { ...walk.error, at }, resumeFrom: null }),
      };
      const platform = engine.connections.get(target.connectionId)?.platform ?? 'unknown';
      return { listing, items: live.map((l) => newItem('dry-run', target.connectionId, platform, l, at)) };
    }),
  );
  const items = results.flatMap((r) => r.items).map(({ id: _id, pauseId: _pauseId, snapshot: _snapshot, ...rest }) => rest);
  const quotas = await quotaForecasts(engine, items);
  return {
    dryRun: true as const,
    severity: severity.level,
    severityName: severity.name,
    kinds: severity.kinds,
    connectionIds,
    manualIds,
    listings: results.map((r) => r.listing),
    /** the tasks for people the pause would open on manual connections */
    tasks: suspendTasks(engine.manual, { manualIds, tasks: [] }, severity.kinds, engine.clock.now().toISOString()),
    /** false when a listing failed: the real pause could not silence those connections either */
    complete: results.every((r) => r.listing.state === 'done'),
    total: items.length,
    /** connections whose own quotas cannot take the whole pause now: it goes on when they allow */
    quotas,
    items,
  };
}

/** The forecast of each connection that has small quotas, for the items it would suspend. */
async function quotaForecasts(engine: Engine, items: ReadonlyArray<{ connectionId: string }>) {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.connectionId, (counts.get(item.connectionId) ?? 0) + 1);
  const forecasts = await Promise.all(
    [...counts].map(async ([connectionId, n]) => {
      const client = engine.connections.get(connectionId)?.client;
      if (!client?.quota) return null;
      const f = await client.quota({ operation: 'suspend', items: n });
      return { connectionId, ...f, finishesAt: f.finishesAt.toISOString() };
    }),
  );
  return forecasts.filter((f) => f !== null);
}
