// LowdbStore reads and updates: holders, item filters and cursors, atomic pause changes, paging.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import { ITEM_STATES, type ItemState } from '../../src/domain/item.js';
import { LowdbStore } from '../../src/store/lowdb-store.js';
import { encodeCursor, pageAfter } from '../../src/store/paging.js';
import { AT, itemFixture, pauseFixture } from './fixtures.js';

const HELD: ItemState[] = ['planned', 'suspended', 'failed', 'missed', 'kept'];

describe('LowdbStore queries', () => {
  it('findHolder returns only an item in a held state, whichever pause it belongs to', async () => {
    const store = LowdbStore.inMemory();
    await store.insertPause(pauseFixture('pau_old'));
    await store.insertPause(pauseFixture('pau_new'));
    for (const state of ITEM_STATES) {
      // An older pause let go of the object (restored, handed over…); a newer one may hold it.
      await store.insertItems([itemFixture(`itm_old_${state}`, 'pau_old', { externalId: `obj-${state}`, state: 'restored' })]);
      await store.insertItems([itemFixture(`itm_new_${state}`, 'pau_new', { externalId: `obj-${state}`, state })]);
      const holder = await store.findHolder('hootsuite-acme', `obj-${state}`);
      if (HELD.includes(state)) expect(holder?.id, state).toBe(`itm_new_${state}`);
      else expect(holder, state).toBeUndefined();
    }
    // Same external id on another connection is another object.
    expect(await store.findHolder('meta-ads-acme', 'obj-suspended')).toBeUndefined();
    expect(await store.findHolder('hootsuite-acme', 'obj-nobody')).toBeUndefined();
  });

  it('findHolder follows updates: an item leaving a held state frees the object', async () => {
    const store = LowdbStore.inMemory();
    await store.insertPause(pauseFixture('pau_a'));
    await store.insertItems([itemFixture('itm_1', 'pau_a', { state: 'suspended' })]);
    expect((await store.findHolder('hootsuite-acme', 'ext-itm_1'))?.id).toBe('itm_1');
    await store.updateItems([itemFixture('itm_1', 'pau_a', { state: 'handed-over' })]);
    expect(await store.findHolder('hootsuite-acme', 'ext-itm_1')).toBeUndefined();
  });

  it('listItems filters by state, kind and connection, in planned order, and pages with a cursor', async () => {
    const store = LowdbStore.inMemory();
    await store.insertPause(pauseFixture('pau_a'));
    await store.insertPause(pauseFixture('pau_b'));
    const items = Array.from({ length: 30 }, (_, i) =>
      itemFixture(`itm_${String(i).padStart(2, '0')}`, 'pau_a', {
        state: i % 3 === 0 ? 'failed' : 'suspended',
        kind: i % 2 === 0 ? 'post' : 'ad',
        connectionId: i < 15 ? 'hootsuite-acme' : 'meta-ads-acme',
      }),
    );
    await store.insertItems(items);
    await store.insertItems([itemFixture('itm_other', 'pau_b')]);
    const ids = (list: { id: string }[]) => list.map((i) => i.id);

    expect(ids((await store.listItems('pau_a', {}, { limit: 100 })).data)).toEqual(ids(items));
    const failedPosts = items.filter((i) => i.state === 'failed' && i.kind === 'post');
    expect(ids((await store.listItems('pau_a', { state: 'failed', kind: 'post' }, { limit: 100 })).data)).toEqual(ids(failedPosts));
    const metaAds = items.filter((i) => i.connectionId === 'meta-ads-acme' && i.kind === 'ad');
    expect(ids((await store.listItems('pau_a', { connectionId: 'meta-ads-acme', kind: 'ad' }, { limit: 100 })).data)).toEqual(ids(metaAds));
    expect((await store.listItems('pau_none', {}, { limit: 100 })).data).toEqual([]);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.listItems('pau_a', { state: 'suspended' }, { limit: 4, ...(cursor && { cursor }) });
      expect(page.data.length).toBeLessThanOrEqual(4);
      seen.push(...ids(page.data));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(ids(items.filter((i) => i.state === 'suspended')));
  });

  it('listPauses is newest first, filters by state and pages', async () => {
    const store = LowdbStore.inMemory();
    for (const [id, state] of [['pau_1', 'resumed'], ['pau_2', 'active'], ['pau_3', 'active'], ['pau_4', 'resuming']] as const)
      await store.insertPause(pauseFixture(id, { state }));
    expect((await store.listPauses({ limit: 10 })).data.map((p) => p.id)).toEqual(['pau_4', 'pau_3', 'pau_2', 'pau_1']);
    const active = await store.listPauses({ state: 'active', limit: 1 });
    expect(active.data.map((p) => p.id)).toEqual(['pau_3']);
    const rest = await store.listPauses({ state: 'active', limit: 1, cursor: active.nextCursor! });
    expect(rest).toEqual({ data: [expect.objectContaining({ id: 'pau_2' })], nextCursor: null });
    expect((await store.pausesInStates(new Set(['active', 'resuming']))).map((p) => p.id).sort()).toEqual(['pau_2', 'pau_3', 'pau_4']);
  });

  it('updatePause applies each change to the latest pause: concurrent changes all land', async () => {
    const store = LowdbStore.inMemory();
    await store.insertPause(pauseFixture('pau_a'));
    await Promise.all([
      store.updatePause('pau_a', (p) => ({ ...p, reason: 'changed' })),
      store.updatePause('pau_a', (p) => ({ ...p, escalations: [...p.escalations, { from: 1, to: 2, at: AT, actor: p.actor, source: 'api', requestId: 'r1' }] })),
      store.updatePause('pau_a', (p) => ({ ...p, escalations: [...p.escalations, { from: 2, to: 3, at: AT, actor: p.actor, source: 'api', requestId: 'r2' }] })),
      store.updatePause('pau_a', (p) => ({ ...p, state: 'resuming' })),
    ]);
    const pause = await store.getPause('pau_a');
    expect(pause).toMatchObject({ reason: 'changed', state: 'resuming' });
    expect(pause!.escalations.map((e) => e.to)).toEqual([2, 3]);
    await expect(store.updatePause('pau_none', (p) => p)).rejects.toThrow('no pause pau_none');
  });

  it('refuses to insert an item twice or update one that does not exist', async () => {
    const store = LowdbStore.inMemory();
    await store.insertItems([itemFixture('itm_1', 'pau_a')]);
    await expect(store.insertItems([itemFixture('itm_1', 'pau_a')])).rejects.toThrow('item itm_1 exists');
    await expect(store.updateItems([itemFixture('itm_2', 'pau_a')])).rejects.toThrow('no item itm_2');
  });

  it('keeps one idempotency record per key, and forgets those older than 24 hours', async () => {
    const store = LowdbStore.inMemory();
    const record = (key: string, createdAt: string, pauseId = 'pau_a') => ({ key, requestHash: 'h', pauseId, status: 202, createdAt });
    await store.putIdempotency(record('k1', '2026-11-20T08:00:00.000Z'));
    await store.putIdempotency(record('k2', '2026-11-21T08:00:00.000Z'));
    await store.putIdempotency(record('k2', '2026-11-21T08:30:00.000Z', 'pau_b'));
    await store.putIdempotency(record('k3', '2026-11-21T09:00:00.000Z'));
    expect(await store.getIdempotency('k1')).toBeUndefined();
    expect(await store.getIdempotency('k2')).toMatchObject({ pauseId: 'pau_b' });
    expect(await store.getIdempotency('k3')).toBeDefined();
  });
});

describe('pageAfter', () => {
  const rows = ['pau_a', 'pau_b', 'pau_c'].map((id) => ({ id }));
  const idOf = (r: { id: string }) => r.id;

  it('pages from a cursor it made', () => {
    const first = pageAfter(rows, 2, undefined, idOf);
    expect(first).toEqual({ data: [{ id: 'pau_a' }, { id: 'pau_b' }], nextCursor: encodeCursor('pau_b') });
    expect(pageAfter(rows, 2, first.nextCursor!, idOf)).toEqual({ data: [{ id: 'pau_c' }], nextCursor: null });
    expect(pageAfter([], 2, undefined, idOf)).toEqual({ data: [], nextCursor: null });
  });

  it.each([
    ['not base64url of an id', '!!!'],
    ['an id of the wrong shape', Buffer.from('../../etc/passwd').toString('base64url')],
    ['an id with a bad prefix', Buffer.from('PAU_a').toString('base64url')],
    ['an id not in the list', encodeCursor('pau_z')],
    ['empty', ''],
  ])('refuses a forged cursor (%s) with a 400 AppError', (_name, cursor) => {
    let caught: unknown;
    try {
      pageAfter(rows, 2, cursor, idOf);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect(caught).toMatchObject({ status: 400, code: 'invalid_request', message: expect.stringMatching(/cursor/) });
  });
});
