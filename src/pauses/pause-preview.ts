import type { LiveItem } from '../../adapters/types.js';
import type { Listing } from '../domain/pause.js';
import type { Engine } from './engine.js';
import { newItem, planTargets, walkListing } from './plan.js';
import type { Resolved } from './request-pause.js';

/** A dry run: what a pause would suspend now, listing the platforms and changing nothing. */
export async function previewPause(engine: Engine, resolved: Resolved) {
  const { severity, connectionIds } = resolved;
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
  return {
    dryRun: true as const,
    severity: severity.level,
    severityName: severity.name,
    kinds: severity.kinds,
    connectionIds,
    listings: results.map((r) => r.listing),
    /** false when a listing failed: the real pause could not silence those connections either */
    complete: results.every((r) => r.listing.state === 'done'),
    total: items.length,
    items,
  };
}
