// SendGrid's suspends and restores through msw at the network edge: per-item outcomes, exact
// restores, retries that had applied, drift as inspect reports it, and what SendGrid refuses.
import { beforeEach, describe, expect, it } from 'vitest';
import { sendgrid, type SendGridSettings } from '../../adapters/sendgrid/adapter.js';
import { createSendGridSimulator, type SendGridSimulator } from '../../adapters/sendgrid/simulator.js';
import type { AdapterClient, LiveItem, Outcome, RestoreRequest } from '../../adapters/types.js';
import { DAY, HOUR, ManualClock, MINUTE } from '../support/clock.js';
import { routeToSimulator, useMsw } from '../support/msw.js';
import { listAll, toRef } from './live-items.js';
import { API_KEY, BASE_URL, MAIN_LIST, seedWorld, VIP_LIST } from './sendgrid-fixture.js';

describe('sendgrid suspend and restore', () => {
  const server = useMsw();
  let clock: ManualClock;
  let sim: SendGridSimulator;

  const connect = (o: { apiKey?: string; settings?: Partial<SendGridSettings> | Record<string, unknown>; accountIds?: string[] } = {}): AdapterClient =>
    sendgrid.connect({
      connectionId: 'sendgrid-acme',
      accountIds: o.accountIds ?? [MAIN_LIST, VIP_LIST],
      settings: { region: 'global', pageSize: 100, ...o.settings } as SendGridSettings,
      credentials: { apiKey: o.apiKey ?? API_KEY },
      timeoutMs: 2_000,
      clock,
      limits: { requestsPerSecond: 1_000 },
    });
  const restoreOf = (item: LiveItem, scheduledAt = item.scheduledAt): RestoreRequest => ({ ...toRef(item), scheduledAt, mayExist: false });
  const errorOf = (o: Outcome | undefined) => (o?.kind === 'error' ? o.error : null);

  beforeEach(() => {
    clock = new ManualClock();
    sim = createSendGridSimulator({ clock, credentials: { apiKey: API_KEY }, accountIds: [], seed: 'empty' });
    seedWorld(sim, clock);
    routeToSimulator(server, BASE_URL, sim);
  });

  describe('suspend and restore', () => {
    it('gives each item its own outcome: one sent, one gone, the others unscheduled', async () => {
      const client = connect();
      const listed = await listAll(client, 'email');
      const [first, second, third] = listed;
      clock.set(first!.scheduledAt!); // the first goes out now
      const gone = { ...toRef(third!), externalId: '00000000-0000-4000-8000-000000000000' };
      const outcomes = await client.suspend([toRef(first!), toRef(second!), gone]);
      expect(errorOf(outcomes[0])).toMatchObject({ code: 'invalid_state', retryable: false, message: expect.stringContaining('triggered: it has been sent') });
      expect(outcomes[1]).toEqual({ kind: 'ok', externalId: second!.externalId, status: 'draft' });
      expect(errorOf(outcomes[2])).toMatchObject({ code: 'not_found', retryable: false });
    });

    it('puts a Single Send back at exactly its send_at, to the millisecond, with the same id', async () => {
      const at = new Date(clock.now().getTime() + 5 * HOUR + 123);
      const precise = sim.world.addSingleSend({ name: 'Precise', status: 'scheduled', sendAt: at, listIds: [MAIN_LIST], subject: 'To the ms' });
      const client = connect();
      const item = (await listAll(client, 'email')).find((i) => i.externalId === precise.id)!;
      expect(item.scheduledAt).toBe(at.toISOString());
      await client.suspend([toRef(item)]);
      expect(sim.world.singleSend(precise.id)).toMatchObject({ status: 'draft', send_at: at.toISOString() });
      const [restored] = await client.restore([restoreOf(item)]);
      expect(restored).toEqual({ kind: 'ok', externalId: precise.id, status: 'scheduled' });
      expect(sim.world.singleSend(precise.id)).toMatchObject({ status: 'scheduled', send_at: at.toISOString() });
      expect(sendgrid.normalizeScheduleTime(at).toISOString()).toBe(at.toISOString());
    });

    it('succeeds with a note when a retried suspend or restore had already applied', async () => {
      const client = connect();
      const [item] = await listAll(client, 'email');
      await client.suspend([toRef(item!)]);
      expect(await client.suspend([toRef(item!)])).toEqual([{ kind: 'ok', externalId: item!.externalId, status: 'draft', note: 'already unscheduled' }]);
      await client.restore([restoreOf(item!)]);
      const [again] = await client.restore([restoreOf(item!)]);
      expect(again).toMatchObject({ kind: 'ok', status: 'scheduled' });
      expect(sim.world.singleSend(item!.externalId)).toMatchObject({ status: 'scheduled', send_at: item!.scheduledAt });
    });

    it('reports drift through inspect: edited, scheduled again by a person, sent, deleted', async () => {
      const client = connect();
      const listed = (await listAll(client, 'email')).slice(0, 4);
      await client.suspend(listed.slice(0, 4).map(toRef));
      const [edited, rescheduled, untouched] = listed;
      sim.world.edit(edited!.externalId, { subject: 'Edited while paused' });
      const later = new Date(clock.now().getTime() + 3 * DAY).toISOString();
      await sim.fetch(new Request(`${BASE_URL}/v3/marketing/singlesends/${rescheduled!.externalId}/schedule`, { method: 'PUT', headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' }, body: JSON.stringify({ send_at: later }) }));
      const seen = await client.inspect(listed.map(toRef));
      expect(seen[0]).toMatchObject({ found: true, live: false, status: 'draft' });
      expect(seen[0]!.fingerprint).not.toBe(edited!.fingerprint);
      expect(seen[1]).toMatchObject({ found: true, live: true, status: 'scheduled', scheduledAt: later, fingerprint: rescheduled!.fingerprint });
      expect(seen[2]).toMatchObject({ found: true, live: false, status: 'draft', scheduledAt: null, fingerprint: untouched!.fingerprint });
      const unknown = await client.inspect([{ ...toRef(listed[3]!), externalId: '00000000-0000-4000-8000-000000000000' }]);
      expect(unknown[0]).toEqual({ externalId: '00000000-0000-4000-8000-000000000000', found: false, live: false, status: null, fingerprint: null, scheduledAt: null });
    });
  });

  describe('what SendGrid refuses', () => {
    it('a send time in the past: invalid_request with SendGrid’s words, and the Single Send stays a draft', async () => {
      const client = connect();
      const [item] = await listAll(client, 'email');
      await client.suspend([toRef(item!)]);
      const [outcome] = await client.restore([restoreOf(item!, new Date(clock.now().getTime() - MINUTE).toISOString())]);
      expect(errorOf(outcome)).toMatchObject({ code: 'invalid_request', httpStatus: 400, message: expect.stringContaining('send_at: send_at must be in the future') });
      expect(sim.world.singleSend(item!.externalId)?.status).toBe('draft');
    });

    it('scheduling a Single Send that has since been sent: invalid_state, saying it was triggered', async () => {
      const client = connect();
      const [item] = await listAll(client, 'email');
      clock.set(item!.scheduledAt!);
      const [outcome] = await client.restore([restoreOf(item!, new Date(clock.now().getTime() + DAY).toISOString())]);
      expect(errorOf(outcome)).toMatchObject({ code: 'invalid_state', message: expect.stringMatching(/has been triggered.*SendGrid shows the Single Send "triggered"/) });
    });

    it('scheduling a draft a person left without a sender: invalid_request naming the field', async () => {
      const client = connect();
      const [item] = await listAll(client, 'email');
      await client.suspend([toRef(item!)]);
      sim.world.addSingleSend({ id: '33333333-4444-4555-8666-777777777777', name: 'No sender', status: 'draft', listIds: [MAIN_LIST], subject: 'Hi', senderId: null });
      const [outcome] = await client.restore([{ ...restoreOf(item!), externalId: '33333333-4444-4555-8666-777777777777' }]);
      expect(errorOf(outcome)).toMatchObject({ code: 'invalid_request', message: expect.stringContaining('email_config.sender_id') });
    });

    it('refuses a restore it cannot do before any request: no snapshot, no time', async () => {
      const client = connect();
      const [item] = await listAll(client, 'email');
      const before = sim.requests.length;
      const outcomes = await client.restore([{ ...restoreOf(item!), snapshot: { objectType: 'campaign' } }, restoreOf(item!, null)]);
      expect(outcomes.map((o) => errorOf(o)?.code)).toEqual(['invalid_request', 'invalid_request']);
      expect(sim.requests.length).toBe(before);
    });
  });
});
