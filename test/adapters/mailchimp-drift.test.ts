// Mailchimp drift as the core judges it, through the whole service: a campaign a person scheduled
// again, sent, edited or deleted while suspended is drift, left alone at resume; one Mailchimp
// shows `paused` rather than `save` is ours, put back. The resume's dry run inspects in bulk (list
// pages, and a read each only for what is not on them), and so does the resume itself before it
// schedules anything: both must judge alike.
import { afterEach, describe, expect, it } from 'vitest';
import type { MailchimpSimulator } from '../../adapters/mailchimp/simulator.js';
import { schedule } from '../../adapters/mailchimp/simulator-world-rules.js';
import { DAY } from '../support/clock.js';
import { useMsw } from '../support/msw.js';
import { startHarness, type Harness } from '../support/service.js';

const MAILCHIMP = 'mailchimp-acme';

describe('mailchimp drift, judged by the core', () => {
  const server = useMsw();
  let h: Harness;
  afterEach(() => h?.close());

  it('leaves alone what people scheduled again, sent, edited or deleted, and puts back what Mailchimp shows paused', async () => {
    h = await startHarness(server);
    const sim = h.sandbox.simulators.get(MAILCHIMP) as MailchimpSimulator;
    const pause = await h.pause(3, { scope: { connections: [MAILCHIMP] } });
    const campaigns = (await h.items(pause.id)).filter((i) => i.objectType === 'campaign');
    expect(campaigns.length).toBeGreaterThanOrEqual(6);
    expect(new Set(campaigns.map((i) => i.suspendedStatus))).toEqual(new Set(['save']));
    const [again, sent, edited, deleted, shownPaused] = campaigns.map((i) => i.externalId as string);

    // People, in the Mailchimp app, while the campaigns are suspended:
    const later = new Date(h.clock.now().getTime() + 30 * DAY);
    later.setUTCMinutes(0, 0, 0);
    schedule(sim.world, again!, { schedule_time: later.toISOString() });
    sim.world.changeCampaign(sim.world.findCampaign(sent!), (c) => Object.assign(c, { status: 'sent', sendTime: h.clock.now().toISOString() })); // "Send now"
    sim.world.changeCampaign(sim.world.findCampaign(edited!), (c) => (c.settings.subject_line = 'Something else entirely'));
    sim.world.removeCampaign(deleted!);
    // …and Mailchimp shows one of ours `paused` rather than `save` (nobody touched it).
    sim.world.changeCampaign(sim.world.findCampaign(shownPaused!), (c) => (c.status = 'paused'));
    const drifted = [again, sent, edited, deleted];

    // The dry run inspects in bulk: list pages, and a read each only for what is not on them.
    const from = sim.requests.length;
    const preview = await h.call('POST', `/v1/pauses/${pause.id}/resume`, { dryRun: true });
    expect(preview.status).toBe(200);
    const action = (id: string | undefined) => preview.body.steps.find((s: { externalId: string }) => s.externalId === id)?.action;
    for (const id of drifted) expect(action(id), id).toBe('leave');
    for (const item of campaigns.filter((i) => !drifted.includes(i.externalId))) expect(action(item.externalId), item.externalId).toBe('restore');
    const reads = sim.requests.slice(from).filter((r) => /^\/3\.0\/campaigns\/[^/]+$/.test(r.path)).map((r) => r.path.split('/').at(-1));
    expect(reads.sort()).toEqual([again, sent, deleted].sort());
    expect(sim.requests.slice(from).filter((r) => r.path === '/3.0/campaigns').length).toBeLessThanOrEqual(2);

    const before = sim.requests.length;
    const resumed = await h.resume(pause.id);
    // The resume reads back like the dry run: no read of a campaign that is on the pages.
    const resumeReads = sim.requests.slice(before).filter((r) => r.method === 'GET' && /^\/3\.0\/campaigns\/[^/]+$/.test(r.path)).map((r) => r.path.split('/').at(-1));
    expect(resumeReads.sort()).toEqual([again, sent, deleted].sort());
    const schedules = sim.requests.slice(before).filter((r) => /^\/3\.0\/campaigns\/[^/]+\/actions\/schedule$/.test(r.path));
    expect(schedules).toHaveLength(campaigns.length - drifted.length);
    expect(resumed.counts.byState.drifted).toBe(4);
    expect(resumed.counts.byState.restored).toBe(pause.counts.total - 4);
    const notes = new Map((await h.items(pause.id, '&state=drifted')).map((i) => [i.externalId, i.note as string]));
    expect([...notes.keys()].sort()).toEqual([...drifted].sort());
    expect(notes.get(sent!)).toMatch(/status was changed to sent/);
    expect(notes.get(edited!)).toMatch(/content was changed/);
    expect(notes.get(deleted!)).toMatch(/no longer exists/);
    // Left alone: still where the people put them.
    expect(sim.world.campaign(again!)).toMatchObject({ status: 'schedule', sendTime: later.toISOString() });
    expect(sim.world.campaign(edited!)).toMatchObject({ status: 'save', settings: { subject_line: 'Something else entirely' } });
    // The one Mailchimp showed paused goes out at its time again.
    const restored = campaigns.find((i) => i.externalId === shownPaused)!;
    expect(sim.world.campaign(shownPaused!)).toMatchObject({ status: 'schedule', sendTime: restored.scheduledAt });
  });
});
