// Members whose posts need approval, and video lead times: what a check against Hootsuite's own
// help found (platforms.md §0). A re-created message of such a member awaits approval, reported
// ok with a note; a video needs 15 minutes, which the adapter declares and the simulator enforces.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hootsuite } from '../../adapters/hootsuite/adapter.js';
import { createHootsuiteSimulator, type HootsuiteSimulator } from '../../adapters/hootsuite/simulator.js';
import type { AdapterClient, LiveItem, RestoreRequest } from '../../adapters/types.js';
import { HOUR, ManualClock, MINUTE } from '../support/clock.js';
import { routeToSimulator, useMsw } from '../support/msw.js';
import { startHarness, type Harness } from '../support/service.js';
import { listAll, toRef } from './live-items.js';

const BASE_URL = 'https://platform.hootsuite.com';
const TOKEN = 'hs-approval-token-5512';
const FACEBOOK = '115185509';
const X = '115185510';
const VIDEO_ID = Buffer.from('https://hootsuite-video.s3.amazonaws.com/production/12255244_launch.mp4').toString('base64');
const IMAGE_ID = Buffer.from('https://media.acme.example/ig/launch.jpg').toString('base64');

describe('hootsuite: approval and video', () => {
  const server = useMsw();
  let clock: ManualClock;
  let sim: HootsuiteSimulator;
  let client: AdapterClient;
  const at = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();

  beforeEach(() => {
    clock = new ManualClock();
    sim = createHootsuiteSimulator({ clock, credentials: { accessToken: TOKEN }, accountIds: [FACEBOOK, X], seed: 'empty' });
    routeToSimulator(server, BASE_URL, sim);
    client = hootsuite.connect({ connectionId: 'hs', accountIds: [], settings: { lookaheadWeeks: 4, pageSize: 100 }, credentials: { accessToken: TOKEN }, timeoutMs: 2_000, clock });
  });

  async function suspendOne(profileId: string, extra: Partial<Parameters<HootsuiteSimulator['world']['addMessage']>[0]> = {}): Promise<LiveItem> {
    const added = sim.world.addMessage({ profileId, state: 'SCHEDULED', text: 'Launch day!', scheduledSendTime: at(3 * HOUR), ...extra });
    const item = (await listAll(client, 'post')).find((i) => i.externalId === added.id);
    expect((await client.suspend([toRef(item!)]))[0]).toMatchObject({ kind: 'ok' });
    return item!;
  }
  const restoreOf = (item: LiveItem, mayExist = false): RestoreRequest => ({ ...toRef(item), scheduledAt: item.scheduledAt, mayExist });

  it('re-creates into PENDING_APPROVAL for a Limited member, ok with a note that a person must approve it in time', async () => {
    const item = await suspendOne(FACEBOOK);
    sim.world.setPermission('LIMITED', FACEBOOK);
    const [outcome] = await client.restore([restoreOf(item)]);
    expect(outcome).toMatchObject({ kind: 'ok', status: 'PENDING_APPROVAL' });
    const note = outcome!.kind === 'ok' ? outcome!.note! : '';
    expect(note).toContain('awaits approval in Hootsuite');
    expect(note).toContain('at least 5 minutes before its send time');
    const recreated = sim.world.message(outcome!.kind === 'ok' ? outcome!.newExternalId! : '')!;
    expect(recreated).toMatchObject({ state: 'PENDING_APPROVAL', sequenceNumber: 1 });
    expect(recreated.reviewers?.length).toBeGreaterThan(0);
    // not live, so never listed again by a pause
    expect(await listAll(client, 'post')).toEqual([]);
  });

  it('says 15 minutes for a video, and keeps the note when an earlier re-creation is adopted', async () => {
    const item = await suspendOne(FACEBOOK, { media: [{ id: VIDEO_ID }] });
    sim.world.setPermission('RESPONDER');
    const [first] = await client.restore([restoreOf(item)]);
    expect(first!.kind === 'ok' && first!.note).toContain('at least 15 minutes');
    const [adopted] = await client.restore([restoreOf(item, true)]);
    expect(adopted).toMatchObject({ kind: 'ok', status: 'PENDING_APPROVAL', newExternalId: (first as { newExternalId: string }).newExternalId });
    expect(adopted!.kind === 'ok' && adopted!.note).toMatch(/^adopted message \d+, already re-created on Hootsuite; awaits approval/);
  });

  it('asks approval only where the member needs it: per profile, custom permissions with approval included', async () => {
    sim.world.setPermission('CUSTOM_WITH_APPROVAL', X);
    const onFacebook = await suspendOne(FACEBOOK);
    const [plain] = await client.restore([restoreOf(onFacebook)]);
    expect(plain).toMatchObject({ kind: 'ok', status: 'SCHEDULED' });
    expect(plain!.kind === 'ok' && plain!.note).toBeUndefined();
    sim.world.setPermission('CUSTOM_WITHOUT_APPROVAL', X);
    const onX = await suspendOne(X, { text: 'Other network' });
    expect((await client.restore([restoreOf(onX)]))[0]).toMatchObject({ kind: 'ok', status: 'SCHEDULED' });
  });

  it('declares 15 minutes of lead time for a video, 5 otherwise, and 15 for media it cannot tell', async () => {
    const ref = (media?: Array<{ id: string; videoOptions?: Record<string, string> }>) => ({
      externalId: '1',
      objectType: 'message',
      method: 'delete' as const,
      fingerprint: 'f',
      snapshot: { messageId: '1', body: { text: 'x', socialProfileIds: [X], ...(media && { media }) } },
    });
    expect(hootsuite.leadTimeMs!(ref())).toBe(5 * MINUTE);
    expect(hootsuite.leadTimeMs!(ref([{ id: IMAGE_ID }]))).toBe(5 * MINUTE);
    expect(hootsuite.leadTimeMs!(ref([{ id: VIDEO_ID }]))).toBe(15 * MINUTE);
    expect(hootsuite.leadTimeMs!(ref([{ id: IMAGE_ID, videoOptions: { title: 'clip' } }]))).toBe(15 * MINUTE);
    expect(hootsuite.leadTimeMs!(ref([{ id: 'opaque-media-id' }]))).toBe(15 * MINUTE);
    expect(hootsuite.minLeadMs).toBe(5 * MINUTE);
  });

  it('is refused by Hootsuite for a video less than 15 minutes ahead, and creates nothing', async () => {
    const video = await suspendOne(FACEBOOK, { media: [{ id: VIDEO_ID }] });
    const count = sim.world.messages().length;
    const [tooSoon] = await client.restore([{ ...restoreOf(video), scheduledAt: at(10 * MINUTE) }]);
    expect(tooSoon).toMatchObject({ kind: 'error', error: { code: 'invalid_request', retryable: false, httpStatus: 400, vendorCode: '4000' } });
    expect(tooSoon!.kind === 'error' && tooSoon!.error.message).toContain('15 minutes');
    expect(sim.world.messages()).toHaveLength(count);
    expect((await client.restore([{ ...restoreOf(video), scheduledAt: at(16 * MINUTE) }]))[0]).toMatchObject({ kind: 'ok', status: 'SCHEDULED' });
    // an image ten minutes ahead is fine
    const image = await suspendOne(X, { media: [{ id: IMAGE_ID }], text: 'Photo' });
    expect((await client.restore([{ ...restoreOf(image), scheduledAt: at(10 * MINUTE) }]))[0]).toMatchObject({ kind: 'ok', status: 'SCHEDULED' });
  });
});

describe('hootsuite lead times and approval through the service', () => {
  const server = useMsw();
  let h: Harness;
  afterEach(() => h?.close());

  it('holds a video whose time came within 15 minutes, restores an image, and carries the approval note', async () => {
    h = await startHarness(server, { seed: 'empty' });
    const sim = h.sandbox.simulators.get('hootsuite-acme') as HootsuiteSimulator;
    sim.world.addProfile({ id: FACEBOOK, type: 'FACEBOOKPAGE', socialNetworkId: '177463958820', socialNetworkUsername: 'Acme', externalURL: 'https://www.facebook.com/177463958820' });
    const in20 = new Date(h.clock.now().getTime() + 20 * MINUTE).toISOString();
    const video = sim.world.addMessage({ profileId: FACEBOOK, state: 'SCHEDULED', text: 'Trailer', media: [{ id: VIDEO_ID }], scheduledSendTime: in20 });
    const image = sim.world.addMessage({ profileId: FACEBOOK, state: 'SCHEDULED', text: 'Poster', media: [{ id: IMAGE_ID }], scheduledSendTime: in20 });
    const pause = await h.pause(1);
    expect(pause.counts.byState.suspended).toBe(2);

    h.clock.advance(10 * MINUTE); // 10 minutes left: enough for the image (5), not for the video (15)
    sim.world.setPermission('LIMITED');
    const resumed = await h.resume(pause.id);
    expect(resumed.counts.byState).toMatchObject({ missed: 1, restored: 1 });
    const items = await h.items(pause.id);
    expect(items.find((i) => i.externalId === video.id)!.state).toBe('missed');
    const restored = items.find((i) => i.externalId === image.id)!;
    expect(restored.state).toBe('restored');
    expect(restored.note).toContain('awaits approval in Hootsuite');
    expect(sim.world.message(restored.newExternalId)!.state).toBe('PENDING_APPROVAL');
  });
});
