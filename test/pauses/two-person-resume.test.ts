// Fast off, slow on: any lead pauses; resuming a pause at or above `resume.approvalFrom` (default
// severity 3) needs a second lead. The resume only asks — the pause reads `awaiting-approval` and
// stays in force — until another lead approves it; the one who asked cannot; it can be withdrawn.
import { afterEach, describe, expect, it } from 'vitest';
import { useMsw } from '../support/msw.js';
import { comparableWorld, liveIds, startHarness, type Harness } from '../support/service.js';

describe('a resume that needs a second lead', () => {
  const server = useMsw();
  let h: Harness;
  afterEach(() => h?.close());

  const start = () => startHarness(server, { config: (c) => ({ ...c, resume: { ...c.resume, approvalFrom: 3 } }) });
  const lead = async (name: string) => {
    const secret = (await h.call('POST', '/v1/keys', { name, role: 'lead' })).body.secret as string;
    return (method: string, url: string, body?: unknown) => h.call(method, url, body, { authorization: `Bearer ${secret}` });
  };
  const actions = async (pauseId: string) => ((await h.call('GET', `/v1/audit?pauseId=${pauseId}&limit=1000`)).body.data as Array<{ action: string; actor: { name: string } }>).map((e) => [e.action, e.actor.name]);

  it('asks, waits in force, and is carried out by another lead — never by the one who asked', async () => {
    h = await start();
    const before = h.state();
    const dana = await lead('Dana');
    const sam = await lead('Sam');
    const pause = (await dana('POST', '/v1/pauses?wait=true', { severity: 3, reason: 'storm post' })).body.pause;
    const asked = await dana('POST', `/v1/pauses/${pause.id}/resume?wait=true`, { missed: 'now' });
    expect(asked.status).toBe(202);
    expect(asked.body).toMatchObject({ outcome: 'awaiting-approval', pause: { state: 'awaiting-approval', approval: { actor: { name: 'Dana' }, itemIds: null, missed: 'now' }, resume: null } });
    expect(liveIds(h.state())).toEqual([]); // nothing comes back yet
    // Still in force: a new trigger for the same scope joins it.
    expect((await sam('POST', '/v1/pauses', { severity: 3, reason: 'again' })).body).toMatchObject({ outcome: 'joined', pause: { id: pause.id } });
    expect((await dana('POST', `/v1/pauses/${pause.id}/resume`, {})).status).toBe(409); // already asked

    const self = await dana('POST', `/v1/pauses/${pause.id}/resume/approve`, {});
    expect(self.status).toBe(403);
    expect(self.body.error.message).toMatch(/Dana asked for this resume: another lead must approve it/);

    const approved = await sam('POST', `/v1/pauses/${pause.id}/resume/approve?wait=true`, {});
    expect(approved.status).toBe(200);
    expect(approved.body.pause).toMatchObject({ state: 'resumed', approval: null, resume: { missed: 'now', actor: { name: 'Sam' } } });
    expect(comparableWorld(h.state())).toEqual(comparableWorld(before));
    expect(await actions(pause.id)).toEqual(expect.arrayContaining([['pause.resume-approval-requested', 'Dana'], ['pause.resume-approved', 'Sam']]));
    expect((await sam('POST', `/v1/pauses/${pause.id}/resume/approve`, {})).status).toBe(409);
  });

  it('can be withdrawn: the pause is active again, nothing restored', async () => {
    h = await start();
    const dana = await lead('Dana');
    const pause = (await dana('POST', '/v1/pauses?wait=true', { severity: 3, reason: 'storm post' })).body.pause;
    await dana('POST', `/v1/pauses/${pause.id}/resume`, {});
    const withdrawn = await dana('POST', `/v1/pauses/${pause.id}/resume/withdraw`, {});
    expect(withdrawn.body.pause).toMatchObject({ state: 'active', approval: null, resume: null });
    expect(liveIds(h.state())).toEqual([]);
    expect((await dana('POST', `/v1/pauses/${pause.id}/resume/withdraw`, {})).status).toBe(409);
    expect((await actions(pause.id)).map(([a]) => a)).toContain('pause.resume-withdrawn');
  });

  it('lets a pause below the threshold resume at once, and a viewer neither ask nor approve', async () => {
    h = await start();
    const pause = await h.pause(2);
    expect((await h.call('POST', `/v1/pauses/${pause.id}/resume?wait=true`, {})).body.pause.state).toBe('resumed');
    const red = await h.pause(3, { reason: 'another' });
    const secret = (await h.call('POST', '/v1/keys', { name: 'Vic', role: 'viewer' })).body.secret as string;
    expect((await h.call('POST', `/v1/pauses/${red.id}/resume`, {}, { authorization: `Bearer ${secret}` })).status).toBe(403);
    await h.call('POST', `/v1/pauses/${red.id}/resume`, {});
    expect((await h.call('POST', `/v1/pauses/${red.id}/resume/approve`, {}, { authorization: `Bearer ${secret}` })).status).toBe(403);
  });
});
