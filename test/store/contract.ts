// The store contract: what every backend must do, in the service's own verbs. Each backend runs
// it (`lowdb-contract.test.ts`; a PostgreSQL backend will run the same). A backend is opened on a
// location, and opened again on the same location to check that what it said was durable is.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashEntry } from '../../src/audit/audit-chain.js';
import { GENESIS_HASH, type AuditEntry } from '../../src/audit/audit-entry.js';
import { AppError } from '../../src/domain/errors.js';
import type { Pause } from '../../src/domain/pause.js';
import type { Store } from '../../src/store/store.js';
import { apiKeyFixture, AT, auditDraft, deliveryFixture, itemFixture, pauseFixture } from './fixtures.js';

export interface StoreBackend {
  name: string;
  /** a new, empty location (a directory, a database schema) */
  create(): Promise<string>;
  open(location: string): Promise<Store>;
  destroy(location: string): Promise<void>;
}

const TALLY = { items: 2, listings: 0, connections: ['c'], errors: ['HTTP 500'], since: AT, actor: 'Dana', source: 'api' };
const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id);
const at = (minute: number) => new Date(Date.parse(AT) + minute * 60_000).toISOString();

export function runStoreContract(backend: StoreBackend): void {
  describe(`${backend.name} store contract`, () => {
    let location: string;
    let store: Store;
    const open: Store[] = [];
    beforeEach(async () => {
      location = await backend.create();
      store = await backend.open(location);
      open.push(store);
    });
    afterEach(async () => {
      for (const s of open.splice(0)) await s.close().catch(() => undefined);
      await backend.destroy(location);
    });
    const reopen = async (): Promise<Store> => {
      await store.close();
      store = await backend.open(location);
      open.push(store);
      return store;
    };

    /** A pause holding `items` (claimed for it). */
    async function pauseWith(id: string, items: ReturnType<typeof itemFixture>[] = [], overrides = {}) {
      await store.openPause(pauseFixture(id, { connectionIds: [`conn-${id}`], ...overrides }), { audit: [] });
      return items.length > 0 ? (await store.claimItems(id, items, () => [])).claimed : [];
    }

    describe('pauses', () => {
      it('opens a pause with its audit and idempotency record, all durable together', async () => {
        const result = await store.openPause(pauseFixture('pau_a'), {
          audit: [auditDraft('pause.requested', { pauseId: 'pau_a' })],
          idempotency: { key: 'key_1:k', requestHash: 'h', pauseId: 'pau_a', status: 202, createdAt: AT },
        });
        expect(result).toEqual({ kind: 'opened', pause: pauseFixture('pau_a') });
        await reopen();
        expect(await store.getPause('pau_a')).toEqual(pauseFixture('pau_a'));
        expect(await store.getIdempotency('key_1:k')).toMatchObject({ pauseId: 'pau_a', status: 202 });
        expect((await store.listAudit({ limit: 10 })).data.map((e) => [e.action, e.pauseId])).toEqual([['pause.requested', 'pau_a']]);
      });

      it('keeps one pause in force per set of connections: another is refused and nothing is written', async () => {
        await store.openPause(pauseFixture('pau_a', { connectionIds: ['x', 'y'] }), { audit: [] });
        const second = await store.openPause(pauseFixture('pau_b', { connectionIds: ['y', 'x'] }), {
          audit: [auditDraft('pause.requested', { pauseId: 'pau_b' })],
          idempotency: { key: 'k2', requestHash: 'h', pauseId: 'pau_b', status: 202, createdAt: AT },
        });
        expect(second).toMatchObject({ kind: 'covered', pause: { id: 'pau_a' } });
        expect(await store.getPause('pau_b')).toBeUndefined();
        expect(await store.getIdempotency('k2')).toBeUndefined();
        expect((await store.auditHead()).seq).toBe(0);
        // Other connections, or once the first one's resume is asked for: a new pause opens.
        expect((await store.openPause(pauseFixture('pau_c', { connectionIds: ['x'] }), { audit: [] })).kind).toBe('opened');
        await store.changePause('pau_a', (p) => ({ pause: { ...p, resume: { at: AT, ...p, missed: 'hold' } }, audit: [] }));
        expect((await store.openPause(pauseFixture('pau_d', { connectionIds: ['x', 'y'] }), { audit: [] })).kind).toBe('opened');
      });

      it('applies each change to the latest pause: concurrent changes all land, each with its audit', async () => {
        await store.openPause(pauseFixture('pau_a'), { audit: [] });
        await Promise.all([
          store.changePause('pau_a', (p) => ({ pause: { ...p, reason: 'changed' }, audit: [auditDraft('pause.joined', { pauseId: 'pau_a' })] })),
          store.changePause('pau_a', (p) => ({ pause: { ...p, escalations: [...p.escalations, { from: 1, to: 2, at: AT, actor: p.actor, source: 'api', requestId: 'r1' }] }, audit: [] })),
          store.changePause('pau_a', (p) => ({ pause: { ...p, escalations: [...p.escalations, { from: 2, to: 3, at: AT, actor: p.actor, source: 'api', requestId: 'r2' }] }, audit: [] })),
          store.changePause('pau_a', () => null),
        ]);
        await reopen();
        const pause = await store.getPause('pau_a');
        expect(pause).toMatchObject({ reason: 'changed' });
        expect(pause!.escalations.map((e) => e.to)).toEqual([2, 3]);
        expect((await store.listAudit({ limit: 10 })).data.map((e) => e.action)).toEqual(['pause.joined']);
        const missing = await store.changePause('pau_none', (p) => ({ pause: p, audit: [] })).catch((e: unknown) => e);
        expect(missing).toBeInstanceOf(AppError);
        expect(missing).toMatchObject({ code: 'not_found' });
      });

      it('lists newest first with keyset cursors, filters by state, and finds pauses in force or with work', async () => {
        const work = { kind: 'retry' as const, id: 'wrk_1', requested: { at: AT, actor: pauseFixture('x').actor, source: 'api', requestId: 'r' }, startedAt: null };
        const made = [
          pauseFixture('pau_1', { state: 'resumed', createdAt: at(1), connectionIds: ['a'], resume: { at: AT, actor: pauseFixture('x').actor, source: 'api', requestId: 'r', missed: 'hold' } }),
          pauseFixture('pau_2', { state: 'active', createdAt: at(2), connectionIds: ['b'] }),
          pauseFixture('pau_3', { state: 'active', createdAt: at(3), connectionIds: ['c'] }),
          pauseFixture('pau_4', { state: 'suspending', createdAt: at(4), connectionIds: ['d'], work: [work] }),
        ];
        for (const p of made) await store.openPause(p, { audit: [] });
        expect(ids((await store.listPauses({ limit: 10 })).data)).toEqual(['pau_4', 'pau_3', 'pau_2', 'pau_1']);
        const first = await store.listPauses({ state: 'active', limit: 1 });
        expect(ids(first.data)).toEqual(['pau_3']);
        expect(await store.listPauses({ state: 'active', limit: 1, cursor: first.nextCursor! })).toEqual({ data: [made[1]], nextCursor: null });
        // A keyset cursor is a place, not a row: it holds after a new pause is added.
        const page = await store.listPauses({ limit: 2 });
        await store.openPause(pauseFixture('pau_5', { createdAt: at(5), connectionIds: ['e'] }), { audit: [] });
        expect(ids((await store.listPauses({ limit: 10, cursor: page.nextCursor! })).data)).toEqual(['pau_2', 'pau_1']);
        expect(ids(await store.pausesInForce()).sort()).toEqual(['pau_2', 'pau_3', 'pau_4', 'pau_5']);
        expect(ids(await store.pausesWithWork())).toEqual(['pau_4']);
        await expect(store.listPauses({ limit: 1, cursor: 'bm90LWEtY3Vyc29y' })).rejects.toMatchObject({ code: 'invalid_request' });
      });

      it('stores a planned pause beside the pause in force on its connections, and starts it only when none covers them', async () => {
        const schedule = { startsAt: at(60), endsAt: at(120), startedAt: null, endRequestedAt: null, cancelled: null, joinedPauseId: null };
        const planned = (id: string) => pauseFixture(id, { state: 'planned', activeAt: null, connectionIds: ['x'], schedule });
        await store.openPause(pauseFixture('pau_live', { connectionIds: ['x'] }), { audit: [] });
        expect(await store.openPause(planned('pau_p'), { audit: [auditDraft('pause.planned', { pauseId: 'pau_p' })] })).toMatchObject({ kind: 'opened' });
        expect(ids(await store.pausesInForce())).toEqual(['pau_live']);
        expect(ids(await store.pausesWithPlans())).toEqual(['pau_p']);
        const start = (p: Pause) => ({ pause: { ...p, state: 'suspending' as const, schedule: { ...schedule, startedAt: at(60) } }, audit: [auditDraft('pause.plan-started', { pauseId: p.id })] });
        // Covered: nothing is written, the pause in force is named.
        expect(await store.startPause('pau_p', start)).toMatchObject({ kind: 'covered', pause: { id: 'pau_live' } });
        expect(await store.getPause('pau_p')).toMatchObject({ state: 'planned' });
        expect(await store.startPause('pau_p', () => null)).toMatchObject({ kind: 'unchanged', pause: { id: 'pau_p' } });
        // Once the other one's resume is asked for, it starts, durably, with its audit.
        await store.changePause('pau_live', (p) => ({ pause: { ...p, resume: { at: AT, ...p, missed: 'hold' } }, audit: [] }));
        expect(await store.startPause('pau_p', start)).toMatchObject({ kind: 'opened', pause: { id: 'pau_p', state: 'suspending' } });
        await reopen();
        expect(await store.getPause('pau_p')).toMatchObject({ state: 'suspending', schedule: { startedAt: at(60) } });
        expect(ids(await store.pausesInForce())).toEqual(['pau_p']);
        // Its end is still to come; once asked for, no planned step is left.
        expect(ids(await store.pausesWithPlans())).toEqual(['pau_p']);
        await store.changePause('pau_p', (p) => ({ pause: { ...p, schedule: { ...p.schedule!, endRequestedAt: at(120) } }, audit: [] }));
        expect(await store.pausesWithPlans()).toEqual([]);
        expect((await store.listAudit({ limit: 10 })).data.map((e) => e.action)).toEqual(['pause.planned', 'pause.plan-started']);
        await expect(store.startPause('pau_none', start)).rejects.toMatchObject({ code: 'not_found' });
      });
    });

    describe('items', () => {
      it('claims live objects for a pause, in order, durably, with the audit the result calls for', async () => {
        await store.openPause(pauseFixture('pau_a'), { audit: [] });
        const items = [itemFixture('itm_1', 'pau_a'), itemFixture('itm_2', 'pau_a'), itemFixture('itm_1b', 'pau_a', { externalId: 'ext-itm_1' })];
        const result = await store.claimItems('pau_a', items, (r) => [auditDraft('items.claimed', { pauseId: 'pau_a' })].map((d) => ({ ...d, data: { n: r.claimed.length } })));
        expect(ids(result.claimed)).toEqual(['itm_1', 'itm_2']);
        expect(result).toMatchObject({ heldElsewhere: 0, alreadyHeld: 1 });
        expect(result.claimed[0]!.seq).toBeLessThan(result.claimed[1]!.seq);
        await reopen();
        expect(await store.itemsOfPause('pau_a')).toEqual(result.claimed);
        expect((await store.listAudit({ limit: 10 })).data[0]).toMatchObject({ action: 'items.claimed', data: { n: 2 } });
        // The same listing gone over again takes nothing twice.
        const again = await store.claimItems('pau_a', [itemFixture('itm_9', 'pau_a', { externalId: 'ext-itm_2' })], () => []);
        expect(again).toEqual({ claimed: [], heldElsewhere: 0, alreadyHeld: 1 });
      });

      it('never lets two pauses hold one platform object: the store enforces it, whatever the caller', async () => {
        const [held] = await pauseWith('pau_a', [itemFixture('itm_1', 'pau_a', { externalId: 'obj', state: 'failed' })]);
        await store.openPause(pauseFixture('pau_b'), { audit: [] });
        const claim = await store.claimItems('pau_b', [itemFixture('itm_2', 'pau_b', { externalId: 'obj' }), itemFixture('itm_3', 'pau_b', { externalId: 'obj', connectionId: 'meta-ads-acme' })], () => []);
        // held by pau_a (even failed: it still holds it); the same id on another connection is another object
        expect(claim.heldElsewhere).toBe(1);
        expect(ids(claim.claimed)).toEqual(['itm_3']);
        // Once pau_a lets go (restored), pau_b may take it.
        await store.recordTransitions([{ from: 'failed', item: { ...held!, state: 'restored' }, audit: auditDraft('item.restored', { itemId: 'itm_1' }) }]);
        expect(ids((await store.claimItems('pau_b', [itemFixture('itm_4', 'pau_b', { externalId: 'obj' })], () => [])).claimed)).toEqual(['itm_4']);
      });

      it('records transitions with their audit all together, refusing all when one item moved on meanwhile', async () => {
        const [one, two] = await pauseWith('pau_a', [itemFixture('itm_1', 'pau_a', { state: 'planned' }), itemFixture('itm_2', 'pau_a', { state: 'planned' })]);
        await store.recordTransitions([
          { from: 'planned', item: { ...one!, state: 'suspended', suspendedStatus: 'PAUSED' }, audit: auditDraft('item.suspended', { itemId: 'itm_1' }) },
          { from: 'planned', item: { ...two!, state: 'failed' }, audit: auditDraft('item.suspend-failed', { itemId: 'itm_2' }) },
        ]);
        const head = await store.auditHead();
        const stale = store.recordTransitions([
          { from: 'failed', item: { ...two!, state: 'suspended' }, audit: auditDraft('item.suspended', { itemId: 'itm_2' }) },
          { from: 'planned', item: { ...one!, state: 'skipped' }, audit: auditDraft('item.skipped', { itemId: 'itm_1' }) },
        ]);
        await expect(stale).rejects.toMatchObject({ code: 'conflict' });
        expect(await store.auditHead()).toEqual(head);
        await reopen();
        const stored = await store.itemsOfPause('pau_a');
        expect(stored.map((i) => i.state)).toEqual(['suspended', 'failed']);
        // The snapshot an item was claimed with is what it keeps, whatever a transition carries.
        expect(stored[0]!.snapshot).toEqual(one!.snapshot);
        expect(stored[0]!.suspendedStatus).toBe('PAUSED');
      });

      it('hands an item over to a pause in force in one write: never held by both, nor by neither', async () => {
        const [item, other] = await pauseWith('pau_a', [itemFixture('itm_1', 'pau_a', { externalId: 'obj' }), itemFixture('itm_5', 'pau_a', { externalId: 'obj2' })]);
        await store.openPause(pauseFixture('pau_b'), { audit: [] });
        const moved = await store.handOver(
          { from: 'suspended', item: { ...item!, state: 'handed-over', handedOverTo: 'pau_b' }, audit: auditDraft('item.handed-over', { itemId: 'itm_1' }) },
          { ...itemFixture('itm_2', 'pau_b', { externalId: 'obj' }), handedOverFrom: 'pau_a' },
          auditDraft('item.taken-over', { itemId: 'itm_2' }),
        );
        await reopen();
        expect((await store.getItem('itm_1'))!.state).toBe('handed-over');
        expect(await store.itemsOfPause('pau_b')).toEqual([moved]);
        expect((await store.claimItems('pau_a', [itemFixture('itm_3', 'pau_a', { externalId: 'obj' })], () => [])).heldElsewhere).toBe(1);
        expect((await store.listAudit({ limit: 10 })).data.map((e) => e.action)).toEqual(['item.handed-over', 'item.taken-over']);
        // Nothing is handed to a pause whose resume was asked for.
        await store.changePause('pau_b', (p) => ({ pause: { ...p, resume: { at: AT, ...p, missed: 'hold' } }, audit: [] }));
        const refused = store.handOver(
          { from: 'suspended', item: { ...other!, state: 'handed-over' }, audit: auditDraft('item.handed-over') },
          itemFixture('itm_4', 'pau_b', { externalId: 'obj2' }),
          auditDraft('item.taken-over'),
        );
        await expect(refused).rejects.toMatchObject({ code: 'conflict' });
        expect((await store.getItem('itm_5'))!.state).toBe('suspended');
      });

      it('filters, counts, and pages items with keyset cursors that belong to their pause', async () => {
        const made = Array.from({ length: 30 }, (_, i) =>
          itemFixture(`itm_${String(i).padStart(2, '0')}`, 'pau_a', {
            state: i % 3 === 0 ? 'failed' : 'suspended',
            kind: i % 2 === 0 ? 'post' : 'ad',
            connectionId: i < 15 ? 'hootsuite-acme' : 'meta-ads-acme',
          }),
        );
        await pauseWith('pau_a', made);
        await pauseWith('pau_b', [itemFixture('itm_other', 'pau_b')]);
        expect(ids(await store.itemsOfPause('pau_a'))).toEqual(ids(made));
        expect(ids(await store.itemsOfPause('pau_a', { states: ['failed'], kind: 'post' }))).toEqual(ids(made.filter((i) => i.state === 'failed' && i.kind === 'post')));
        expect(ids((await store.listItems('pau_a', { connectionId: 'meta-ads-acme', kind: 'ad' }, { limit: 100 })).data)).toEqual(
          ids(made.filter((i) => i.connectionId === 'meta-ads-acme' && i.kind === 'ad')),
        );
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await store.listItems('pau_a', { state: 'suspended' }, { limit: 4, ...(cursor && { cursor }) });
          expect(page.data.length).toBeLessThanOrEqual(4);
          seen.push(...ids(page.data));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(seen).toEqual(ids(made.filter((i) => i.state === 'suspended')));
        const other = (await store.listItems('pau_b', {}, { limit: 1 })).nextCursor;
        expect(other).toBeNull();
        const fromA = (await store.listItems('pau_a', {}, { limit: 1 })).nextCursor!;
        await expect(store.listItems('pau_b', {}, { limit: 1, cursor: fromA })).rejects.toMatchObject({ code: 'invalid_request' });

        const counts = await store.countItems('pau_a');
        expect(counts.total).toBe(30);
        expect(counts.byState).toMatchObject({ failed: 10, suspended: 20, restored: 0 });
        expect(counts.byConnection['hootsuite-acme']).toEqual({ total: 15, byState: { failed: 5, suspended: 10 } });
        expect(counts.byKind).toEqual({ post: 15, ad: 15 });
        expect((await store.countItems('pau_none')).total).toBe(0);
      });
    });

    describe('API keys and idempotency', () => {
      it('keeps API keys by hash, refuses the same key twice, and audits their creation', async () => {
        await store.insertApiKey(apiKeyFixture('key_1'), [auditDraft('api-key.created')]);
        await expect(store.insertApiKey(apiKeyFixture('key_1'), [])).rejects.toMatchObject({ code: 'conflict' });
        await reopen();
        expect(await store.findApiKeyByHash('sha256:key_1')).toEqual(apiKeyFixture('key_1'));
        expect(await store.findApiKeyByHash('sha256:nope')).toBeUndefined();
        expect(await store.countApiKeys()).toBe(1);
        expect((await store.auditHead()).seq).toBe(1);
      });

      it('lists keys in the order they were created, and revokes one once, audited, across reopening', async () => {
        for (const id of ['key_b', 'key_a', 'key_c']) await store.insertApiKey(apiKeyFixture(id), [auditDraft('api-key.created')]);
        const revoked = await store.revokeApiKey('key_a', AT, [auditDraft('api-key.revoked')]);
        expect(revoked).toEqual({ ...apiKeyFixture('key_a'), revokedAt: AT });
        await expect(store.revokeApiKey('key_a', AT, [])).rejects.toMatchObject({ code: 'conflict' });
        await expect(store.revokeApiKey('key_nope', AT, [])).rejects.toMatchObject({ code: 'not_found' });
        await reopen();
        expect((await store.listApiKeys()).map((k) => [k.id, k.revokedAt])).toEqual([['key_b', null], ['key_a', AT], ['key_c', null]]);
        expect(await store.findApiKeyByHash('sha256:key_a')).toMatchObject({ revokedAt: AT });
        expect((await store.auditHead()).seq).toBe(4);
      });
    });

    describe('audit', () => {
      it('chains every entry to the one before, in one chain for every writer, across reopening', async () => {
        const written = await store.appendAudit([auditDraft('auth.failed'), auditDraft('pause.recovering', { pauseId: 'pau_a' })]);
        await store.openPause(pauseFixture('pau_a'), { audit: [auditDraft('pause.requested', { pauseId: 'pau_a' })] });
        await reopen();
        await store.appendAudit([auditDraft('pause.resumed', { pauseId: 'pau_a' })]);
        const entries = (await store.listAudit({ limit: 100 })).data;
        expect(entries.slice(0, 2)).toEqual(written);
        expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
        let prev = GENESIS_HASH;
        for (const { hash, ...body } of entries) {
          expect(body.prevHash).toBe(prev);
          expect(hashEntry(body)).toBe(hash);
          prev = hash;
        }
        expect(await store.auditHead()).toEqual({ seq: 4, hash: prev });
      });

      it('reads entries page by page with keyset cursors, filtered, and streams them all', async () => {
        for (let i = 0; i < 25; i++) await store.appendAudit([auditDraft('auth.failed', { pauseId: i % 2 ? 'pau_odd' : 'pau_even' }, at(i))]);
        const pages: AuditEntry[][] = [];
        let cursor: string | undefined;
        do {
          const page = await store.listAudit({ pauseId: 'pau_odd', limit: 5, ...(cursor && { cursor }) });
          pages.push(page.data);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(pages.map((p) => p.length)).toEqual([5, 5, 2]);
        expect(pages.flat().every((e) => e.pauseId === 'pau_odd')).toBe(true);
        expect((await store.listAudit({ since: at(20), limit: 100 })).data.map((e) => e.seq)).toEqual([21, 22, 23, 24, 25]);
        const streamed: number[] = [];
        for await (const entry of store.streamAudit({ pauseId: 'pau_even' })) streamed.push(entry.seq);
        expect(streamed).toEqual([1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25]);
        await expect(store.listAudit({ limit: 1, cursor: 'garbage' })).rejects.toMatchObject({ code: 'invalid_request' });
      });

      it('tells listeners of entries once they are durable, whichever verb wrote them', async () => {
        const heard: string[] = [];
        const stop = store.onAudit((entries) => heard.push(...entries.map((e) => e.action)));
        await store.openPause(pauseFixture('pau_a'), { audit: [auditDraft('pause.requested', { pauseId: 'pau_a' })] });
        await store.claimItems('pau_a', [itemFixture('itm_1', 'pau_a')], () => [auditDraft('items.claimed', { pauseId: 'pau_a' })]);
        stop();
        await store.appendAudit([auditDraft('auth.failed')]);
        expect(heard).toEqual(['pause.requested', 'items.claimed']);
      });
    });

    describe('notifications', () => {
      it('queues deliveries with the mark that produced them, in one write, durable, and refuses a stale mark', async () => {
        expect(await store.notifierMark()).toBeNull();
        const queued = await store.queueDeliveries([deliveryFixture('ntf_1'), deliveryFixture('ntf_2', { target: 'webhook:ops' })], { auditSeq: 7, reminders: { pau_a: 1 }, failures: {} }, null);
        expect(queued.map((d) => [d.id, d.seq])).toEqual([['ntf_1', 1], ['ntf_2', 2]]);
        // Another notifier that read the mark before this write finds it moved: nothing written.
        await expect(store.queueDeliveries([deliveryFixture('ntf_3')], { auditSeq: 9, reminders: {}, failures: {} }, null)).rejects.toMatchObject({ code: 'conflict' });
        await store.queueDeliveries([], { auditSeq: 8, reminders: {}, failures: { pau_a: TALLY } }, 7);
        await reopen();
        expect(await store.notifierMark()).toEqual({ auditSeq: 8, reminders: {}, failures: { pau_a: TALLY } });
        expect(await store.getDelivery('ntf_2')).toEqual({ ...deliveryFixture('ntf_2', { target: 'webhook:ops' }), seq: 2 });
        expect(await store.getDelivery('ntf_3')).toBeUndefined();
        expect((await store.queueDeliveries([deliveryFixture('ntf_4')], { auditSeq: 9, reminders: {}, failures: {} }, 8))[0]!.seq).toBe(3);
      });

      it('changes a delivery with its audit in one write; answers the due ones, oldest first', async () => {
        await store.queueDeliveries(
          [deliveryFixture('ntf_1'), deliveryFixture('ntf_2', { nextAttemptAt: at(10) }), deliveryFixture('ntf_3'), deliveryFixture('ntf_4', { nextAttemptAt: at(-1) })],
          { auditSeq: 1, reminders: {}, failures: {} },
          null,
        );
        expect(ids(await store.dueDeliveries(at(0), 10))).toEqual(['ntf_1', 'ntf_3', 'ntf_4']);
        expect(ids(await store.dueDeliveries(at(0), 2))).toEqual(['ntf_1', 'ntf_3']);
        await store.changeDelivery('ntf_1', (d) => ({ delivery: { ...d, state: 'delivered', attempts: 1, deliveredAt: AT, nextAttemptAt: null }, audit: [] }));
        await store.changeDelivery('ntf_3', (d) => ({ delivery: { ...d, state: 'failed', attempts: 3, lastError: 'HTTP 500' }, audit: [auditDraft('notification.failed')] }));
        expect(await store.changeDelivery('ntf_4', () => null)).toMatchObject({ id: 'ntf_4', state: 'pending' });
        await expect(store.changeDelivery('ntf_nope', (d) => ({ delivery: d, audit: [] }))).rejects.toMatchObject({ code: 'not_found' });
        await reopen();
        expect(ids(await store.dueDeliveries(at(10), 10))).toEqual(['ntf_2', 'ntf_4']);
        expect(await store.getDelivery('ntf_3')).toMatchObject({ state: 'failed', attempts: 3, lastError: 'HTTP 500' });
        expect((await store.listAudit({ limit: 10 })).data.map((e) => e.action)).toEqual(['notification.failed']);
      });

      it('pages the delivery log newest first with keyset cursors, filtered by pause and state', async () => {
        const rows = Array.from({ length: 12 }, (_, i) => deliveryFixture(`ntf_${String(i).padStart(2, '0')}`, { pauseId: i % 3 === 0 ? 'pau_b' : 'pau_a', state: i % 2 ? 'failed' : 'pending' }));
        await store.queueDeliveries(rows, { auditSeq: 1, reminders: {}, failures: {} }, null);
        const first = await store.listDeliveries({ pauseId: 'pau_a', limit: 3 });
        expect(ids(first.data)).toEqual(['ntf_11', 'ntf_10', 'ntf_08']);
        const second = await store.listDeliveries({ pauseId: 'pau_a', limit: 3, cursor: first.nextCursor! });
        expect(ids(second.data)).toEqual(['ntf_07', 'ntf_05', 'ntf_04']);
        const last = await store.listDeliveries({ pauseId: 'pau_a', limit: 3, cursor: second.nextCursor! });
        expect([ids(last.data), last.nextCursor]).toEqual([['ntf_02', 'ntf_01'], null]);
        expect(ids((await store.listDeliveries({ state: 'failed', pauseId: 'pau_b', limit: 10 })).data)).toEqual(['ntf_09', 'ntf_03']);
        await expect(store.listDeliveries({ limit: 1, cursor: 'garbage' })).rejects.toMatchObject({ code: 'invalid_request' });
      });
    });

    it('resolves flush once everything written is durable', async () => {
      const writes = Array.from({ length: 50 }, (_, i) => store.appendAudit([auditDraft('auth.failed', {}, at(i))]));
      await store.flush();
      await Promise.all(writes);
      await reopen();
      expect((await store.auditHead()).seq).toBe(50);
    });
  });
}
