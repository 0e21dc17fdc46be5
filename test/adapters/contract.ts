// The shared adapter contract suite: every platform adapter runs it against its own simulator,
// through msw at the network edge. Platform edge cases live in each adapter's own test file.
import { beforeEach, describe, expect, it } from 'vitest';
import { AdapterError } from '../../adapters/kit/adapter-error.js';
import type { SandboxItem, Simulator } from '../../adapters/kit/simulator/types.js';
import type {
  AdapterClient,
  JsonValue,
  Kind,
  LiveItem,
  Outcome,
  PlatformAdapter,
  RestoreRequest,
} from '../../adapters/types.js';
import { ManualClock } from '../support/clock.js';
import { listAll as listLive, toRef } from './live-items.js';
import { routeToSimulator, useMsw } from '../support/msw.js';

export interface ContractFixture<S> {
  adapter: PlatformAdapter<S>;
  /** the platform's real base URL, intercepted by msw */
  baseUrl: string;
  credentials: Record<string, string>;
  accountIds: string[];
  settings: S;
  /**
   * Seeds the simulator with, for every capability of the adapter, at least
   * `bulk.suspend + 1` live items (so batching is exercised) and at least one item of the same
   * kind that is not live (paused by a person, a draft, already sent).
   */
  seed(simulator: Simulator, clock: ManualClock): void;
}

const LIVE_ITEM_KEYS = ['externalId', 'fingerprint', 'kind', 'method', 'objectType', 'scheduledAt', 'snapshot', 'status', 'title'];

export function runAdapterContract<S>(fixture: ContractFixture<S>): void {
  const { adapter } = fixture;

  describe(`${adapter.platform} adapter contract`, () => {
    const server = useMsw();
    let clock: ManualClock;
    let simulator: Simulator;
    let client: AdapterClient;

    const connect = (credentials = fixture.credentials): AdapterClient =>
      adapter.connect({
        connectionId: `${adapter.platform}-contract`,
        accountIds: fixture.accountIds,
        settings: fixture.settings,
        credentials,
        timeoutMs: 2_000,
        clock,
      });

    beforeEach(async () => {
      clock = new ManualClock();
      const createSimulator = await adapter.loadSimulator();
      simulator = createSimulator({
        clock,
        credentials: fixture.credentials,
        accountIds: fixture.accountIds,
        seed: 'empty',
      });
      fixture.seed(simulator, clock);
      routeToSimulator(server, fixture.baseUrl, simulator);
      client = connect();
    });

    const kinds = (): Kind[] => [...new Set(adapter.capabilities.map((c) => c.kind))];

    const listAll = (kind: Kind): Promise<LiveItem[]> => listLive(client, kind);

    async function inBatches<T, R>(items: T[], size: number, call: (batch: T[]) => Promise<R[]>): Promise<R[]> {
      const results: R[] = [];
      for (let i = 0; i < items.length; i += size) {
        results.push(...(await call(items.slice(i, i + size))));
      }
      return results;
    }


    const comparable = (row: SandboxItem, ignoreId: boolean) => ({
      ...(ignoreId ? {} : { id: row.id }),
      kind: row.kind,
      status: row.status,
      live: row.live,
      scheduledAt: row.scheduledAt,
      fingerprint: row.fingerprint,
    });

    const sortedState = (rows: SandboxItem[], ignoreId: boolean) =>
      rows.map((r) => comparable(r, ignoreId)).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

    it('declares a usable contract', () => {
      expect(adapter.capabilities.length).toBeGreaterThan(0);
      for (const size of Object.values(adapter.bulk)) expect(size).toBeGreaterThanOrEqual(1);
      expect(adapter.concurrency).toBeGreaterThanOrEqual(1);
      expect(adapter.credentialKeys.length).toBeGreaterThan(0);
      const at = new Date('2026-11-21T10:07:31.123Z');
      expect(adapter.normalizeScheduleTime(at).getTime()).toBeGreaterThanOrEqual(at.getTime());
    });

    it('lists exactly the live items, with the sandbox fingerprints and no vendor fields', async () => {
      for (const kind of kinds()) {
        const listed = await listAll(kind);
        const live = simulator.state().filter((r) => r.kind === kind && r.live);
        expect(listed.map((i) => i.externalId).sort()).toEqual(live.map((r) => r.id).sort());
        expect(listed.length).toBeGreaterThan(adapter.bulk.suspend);
        for (const item of listed) {
          expect(Object.keys(item).sort()).toEqual(LIVE_ITEM_KEYS);
          const row = live.find((r) => r.id === item.externalId)!;
          expect(item.fingerprint).toBe(row.fingerprint);
          expect(item.status).toBe(row.status);
          expect(item.scheduledAt).toBe(row.scheduledAt);
          expect(adapter.capabilities).toContainEqual({ kind, method: item.method, objectType: item.objectType });
        }
      }
    });

    it('suspends live items, leaves the rest alone, and restores the world exactly', async () => {
      const before = simulator.state();
      const notLive = before.filter((r) => !r.live);
      const listed = (await Promise.all(kinds().map(listAll))).flat();

      const suspended = await inBatches(listed.map(toRef), adapter.bulk.suspend, (batch) => client.suspend(batch));
      expect(suspended.filter((o) => o.kind === 'error')).toEqual([]);
      expect(suspended.map((o) => o.externalId).sort()).toEqual(listed.map((i) => i.externalId).sort());

      const during = simulator.state();
      expect(during.filter((r) => r.live)).toEqual([]);
      for (const row of notLive) expect(during).toContainEqual(row);
      for (const kind of kinds()) expect(await listAll(kind)).toEqual([]);

      const observed = await inBatches(listed.map(toRef), adapter.bulk.inspect, (batch) => client.inspect(batch));
      for (const item of listed) {
        const seen = observed.find((o) => o.externalId === item.externalId)!;
        expect(seen.live).toBe(false);
        if (item.method === 'delete') expect(seen.found).toBe(false);
        else {
          expect(seen.found).toBe(true);
          expect(seen.fingerprint).toBe(item.fingerprint);
          const outcome = suspended.find((o) => o.externalId === item.externalId) as Extract<Outcome, { kind: 'ok' }>;
          expect(seen.status).toBe(outcome.status);
        }
      }

      const requests: RestoreRequest[] = listed.map((i) => ({ ...toRef(i), scheduledAt: i.scheduledAt, mayExist: false }));
      const restored = await inBatches(requests, adapter.bulk.restore, (batch) => client.restore(batch));
      expect(restored.filter((o) => o.kind === 'error')).toEqual([]);
      for (const item of listed) {
        const outcome = restored.find((o) => o.externalId === item.externalId);
        expect(outcome?.kind).toBe('ok');
        if (item.method === 'delete') expect(outcome && 'newExternalId' in outcome && outcome.newExternalId).toBeTruthy();
      }
      const anyDelete = listed.some((i) => i.method === 'delete');
      expect(sortedState(simulator.state(), anyDelete)).toEqual(sortedState(before, anyDelete));
    });

    it('does not re-create twice when a restore may already have happened', async () => {
      const listed = (await Promise.all(kinds().map(listAll))).flat();
      const one = listed[0]!;
      const before = simulator.state();
      await client.suspend([toRef(one)]);
      const request: RestoreRequest = { ...toRef(one), scheduledAt: one.scheduledAt, mayExist: false };
      const first = await client.restore([request]);
      expect(first[0]?.kind).toBe('ok');
      const second = await client.restore([{ ...request, mayExist: true }]);
      expect(second[0]?.kind).toBe('ok');
      expect(simulator.state().length).toBe(before.length);
      expect(sortedState(simulator.state(), one.method === 'delete')).toEqual(sortedState(before, one.method === 'delete'));
    });

    it('reports expired or wrong credentials as unauthorized, not retryable', async () => {
      const wrong = Object.fromEntries(fixture.adapter.credentialKeys.map((k) => [k, `${fixture.credentials[k]}-expired`]));
      const bad = connect(wrong);
      const failure = await bad.checkCredentials().catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(AdapterError);
      expect((failure as AdapterError).code).toBe('unauthorized');
      expect((failure as AdapterError).isRetryable).toBe(false);
      expect(JSON.stringify(failure) + String((failure as Error).message)).not.toContain(Object.values(wrong)[0]!);
      await expect(async () => {
        for await (const _page of bad.listLive(kinds()[0]!)) void _page;
      }).rejects.toMatchObject({ code: 'unauthorized' });
      await expect(client.checkCredentials()).resolves.toBeUndefined();
    });

    it("signals throttling with the platform's own signal as retryable, and changes nothing", async () => {
      const listed = await listAll(kinds()[0]!);
      const before = simulator.state();
      simulator.faults.inject({ kind: 'rate-limit', times: Infinity });
      const batch = listed.slice(0, adapter.bulk.suspend).map(toRef);
      const outcomes = await client.suspend(batch).catch((e: unknown) => e);
      const errors =
        outcomes instanceof AdapterError
          ? [outcomes.toInfo()]
          : (outcomes as Outcome[]).map((o) => (o.kind === 'error' ? o.error : null));
      for (const error of errors) {
        expect(error).toMatchObject({ code: 'rate_limited', retryable: true });
      }
      simulator.faults.clear();
      expect(simulator.state()).toEqual(before);
    });

    it('marks a failed listing as retryable and a failed write as possibly applied', async () => {
      simulator.faults.inject({ kind: 'server-error', method: 'GET' });
      await expect(async () => {
        for await (const _page of client.listLive(kinds()[0]!)) void _page;
      }).rejects.toMatchObject({ code: 'server_error', isRetryable: true, ambiguous: false });
      simulator.faults.clear();

      const listed = await listAll(kinds()[0]!);
      simulator.faults.inject({ kind: 'server-error', times: Infinity });
      const result = await client.suspend(listed.slice(0, 1).map(toRef)).catch((e: unknown) => e);
      const info = result instanceof AdapterError ? result.toInfo() : (result as Outcome[])[0];
      const error = info && 'kind' in info && info.kind === 'error' ? info.error : info;
      expect(error).toMatchObject({ code: 'server_error', retryable: true, ambiguous: true });
    });

    it('exports its simulator world as JSON and loads it back whole, changes included', async () => {
      const listed = await listAll(kinds()[0]!);
      await client.suspend(listed.slice(0, 1).map(toRef));
      const changed: number[] = [];
      simulator.onChange(() => changed.push(1));
      await client.suspend(listed.slice(1, 2).map(toRef));
      expect(changed.length).toBeGreaterThan(0);
      const exported = JSON.parse(JSON.stringify(simulator.exportWorld())) as JsonValue;
      const createSimulator = await adapter.loadSimulator();
      const loaded = createSimulator({ clock, credentials: fixture.credentials, accountIds: fixture.accountIds, seed: 'sandbox', world: exported });
      expect(loaded.state()).toEqual(simulator.state());
    });

    it('exposes its simulator state in the sandbox shape', () => {
      for (const row of simulator.state()) {
        expect(Object.keys(row).sort()).toEqual(['fingerprint', 'id', 'kind', 'live', 'scheduledAt', 'status']);
        expect(typeof row.id).toBe('string');
        // one canonical form everywhere: Date.prototype.toISOString()
        if (row.scheduledAt !== null) expect(new Date(row.scheduledAt).toISOString()).toBe(row.scheduledAt);
      }
    });
  });
}
