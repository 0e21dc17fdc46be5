// facebook-pages drift and partial failures: a post edited or published by someone shows in
// inspect; a retried suspend after a delete went through is not a failure; one failing element
// of a batch fails alone, with the right retry verdict.
import { describe, expect, it } from 'vitest';
import { useMsw } from '../support/msw.js';
import { seedScheduled, setup } from './facebook-pages-fixture.js';
import { listAll, toRef } from './live-items.js';

describe('facebook-pages drift', () => {
  const server = useMsw();

  it('sees an edit, a new time and an early publication in inspect; a deleted post as not found', async () => {
    const { client, sim, clock } = setup(server);
    const ids = seedScheduled(sim, clock, 4);
    const listed = await listAll(client, 'post');
    sim.world.editPost(ids[0]!, { message: 'Edited by the social team' });
    sim.world.editPost(ids[1]!, { scheduled_publish_time: sim.world.post(ids[1]!)!.scheduled_publish_time! + 3600 });
    sim.world.publishByHand(ids[2]!);
    sim.world.deleteByHand(ids[3]!);

    const seen = await client.inspect(listed.map(toRef));
    expect(seen[0]).toMatchObject({ found: true, live: true, status: 'SCHEDULED' });
    expect(seen[0]!.fingerprint).not.toBe(listed[0]!.fingerprint);
    expect(seen[1]).toMatchObject({ found: true, live: true, fingerprint: listed[1]!.fingerprint });
    expect(seen[1]!.scheduledAt).not.toBe(listed[1]!.scheduledAt);
    expect(seen[2]).toMatchObject({ found: true, live: false, status: 'PUBLISHED', fingerprint: listed[2]!.fingerprint });
    expect(seen[3]).toMatchObject({ found: false, live: false, status: null });
  });

  it('sees someone edit a re-created post after the restore', async () => {
    const { client, sim, clock } = setup(server);
    seedScheduled(sim, clock, 1);
    const [item] = await listAll(client, 'post');
    await client.suspend([toRef(item!)]);
    const [restored] = await client.restore([{ ...toRef(item!), scheduledAt: item!.scheduledAt, mayExist: false }]);
    const newId = restored!.kind === 'ok' ? restored!.newExternalId! : '';
    const ref = { ...toRef(item!), externalId: newId };
    expect((await client.inspect([ref]))[0]).toMatchObject({ found: true, live: true, fingerprint: item!.fingerprint });
    sim.world.editPost(newId, { link: 'https://acme.example/changed' });
    expect((await client.inspect([ref]))[0]!.fingerprint).not.toBe(item!.fingerprint);
  });
});

describe('facebook-pages partial failures', () => {
  const server = useMsw();

  it('fails one element with a server error (possibly applied) and deletes the others', async () => {
    const { client, sim, clock } = setup(server);
    const ids = seedScheduled(sim, clock, 3);
    const listed = await listAll(client, 'post');
    sim.world.injectBatchItemFault(ids[1]!, { kind: 'server-error' });
    const outcomes = await client.suspend(listed.map(toRef));
    expect(outcomes.map((o) => o.kind)).toEqual(['ok', 'error', 'ok']);
    expect(outcomes[1]).toMatchObject({ error: { code: 'server_error', retryable: true, ambiguous: true } });
    expect(sim.state().map((r) => r.id)).toEqual([ids[1]]);
  });

  it('counts a retried delete that had gone through as suspended', async () => {
    const { client, sim, clock } = setup(server);
    const ids = seedScheduled(sim, clock, 2);
    const listed = await listAll(client, 'post');
    sim.world.injectBatchItemFault(ids[0]!, { kind: 'incomplete', applied: true });
    const first = await client.suspend(listed.map(toRef));
    expect(first[0]).toMatchObject({ kind: 'error', error: { ambiguous: true } });
    expect(sim.state()).toEqual([]);
    const again = await client.suspend([toRef(listed[0]!)]);
    expect(again[0]).toMatchObject({ kind: 'ok', status: 'DELETED', note: 'already deleted' });
  });

  it('fails a whole batch the server refuses item by item, and writes nothing', async () => {
    const { client, sim, clock } = setup(server);
    seedScheduled(sim, clock, 3);
    const listed = await listAll(client, 'post');
    const before = sim.state();
    sim.faults.inject({ kind: 'server-error', method: 'POST' });
    const outcomes = await client.suspend(listed.map(toRef));
    for (const o of outcomes) expect(o).toMatchObject({ kind: 'error', error: { code: 'server_error', ambiguous: true } });
    expect(sim.state()).toEqual(before);
  });
});
