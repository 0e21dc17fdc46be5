// Manual platforms (no usable API): a pause that covers one carries a task for a person — opened
// in the same write as the pause, listed, counted, ticked off through the API with who and when,
// audited — and the pause is not complete while a task is open. A whole resume opens the way back.
import { afterEach, describe, expect, it } from 'vitest';
import type { ManualConnection } from '../../src/config/schema.js';
import { useMsw } from '../support/msw.js';
import { startHarness, type Harness } from '../support/service.js';

const SPROUT: ManualConnection = {
  id: 'sprout-acme',
  platform: 'Sprout Social',
  brand: 'Acme',
  tags: ['brand:acme'],
  kinds: ['post'],
  owner: 'Dana (social lead)',
  steps: { suspend: ['Open Publishing → Calendar', 'Select every scheduled post', 'Pause them'], restore: ['Open Publishing → Paused', 'Resume every post paused for this crisis'] },
};
const NEWSLETTER: ManualConnection = {
  id: 'native-newsletter-acme',
  platform: 'the CMS newsletter scheduler',
  brand: 'Acme',
  tags: ['brand:acme'],
  kinds: ['email'],
  steps: { suspend: ['Unschedule the next issue'], restore: ['Schedule it again'] },
};
const LATER_GLOBEX: ManualConnection = { ...SPROUT, id: 'later-globex', platform: 'Later', brand: 'Globex', tags: ['brand:globex'], steps: { suspend: ['Pause the queue'], restore: ['Resume the queue'] } };

describe('tasks for people on manual platforms', () => {
  const server = useMsw();
  let h: Harness;
  afterEach(() => h?.close());

  const start = () => startHarness(server, { config: (c) => ({ ...c, manual: [SPROUT, NEWSLETTER, LATER_GLOBEX] }) });
  const tasks = async (pauseId: string) => (await h.call('GET', `/v1/pauses/${pauseId}/tasks`)).body.data as Array<Record<string, any>>;
  const audit = async (pauseId: string) => (await h.call('GET', `/v1/audit?pauseId=${pauseId}&limit=1000`)).body.data as Array<Record<string, any>>;

  it('opens a task with the pause, keeps it incomplete until a person ticks it off, and records who and when', async () => {
    h = await start();
    const answer = await h.call('POST', '/v1/pauses?wait=true', { severity: 1, reason: 'a post went wrong', scope: { tags: ['brand:acme'] } });
    // Our part is done; a person's is not: accepted, never a plain success.
    expect(answer.status).toBe(202);
    const pause = answer.body.pause;
    expect(pause).toMatchObject({ state: 'active', complete: false, manualIds: ['native-newsletter-acme', 'sprout-acme'], taskCounts: { open: 1, done: 0, skipped: 0 } });
    const [task] = await tasks(pause.id);
    expect(task).toMatchObject({ connectionId: 'sprout-acme', direction: 'suspend', kinds: ['post'], state: 'open', closed: null, title: 'Pause all publishing in Sprout Social for Acme (Dana (social lead))', steps: SPROUT.steps.suspend });
    expect((await audit(pause.id)).filter((e) => e.action === 'task.opened')).toHaveLength(1);

    const done = await h.call('POST', `/v1/pauses/${pause.id}/tasks/${task!.id}/done`, { note: 'paused 14 posts' });
    expect(done.status).toBe(200);
    expect(done.body.task).toMatchObject({ state: 'done', closed: { note: 'paused 14 posts', source: 'api', actor: { type: 'api-key' } } });
    expect(Date.parse(done.body.task.closed.at)).toBe(h.clock.now().getTime());
    const after = (await h.call('GET', `/v1/pauses/${pause.id}`)).body;
    expect(after).toMatchObject({ complete: true, taskCounts: { open: 0, done: 1, skipped: 0 } });
    const ticked = (await audit(pause.id)).find((e) => e.action === 'task.done');
    expect(ticked).toMatchObject({ actor: { type: 'api-key' }, source: 'api', data: { taskId: task!.id, connectionId: 'sprout-acme', note: 'paused 14 posts' } });
  });

  it('opens the way back on a whole resume for what a person paused, and closes as skipped what nobody did', async () => {
    h = await start();
    const pause = await h.pause(3, { scope: { tags: ['brand:acme'] } });
    const [posts, emails] = (await tasks(pause.id)).sort((a, b) => a.connectionId.localeCompare(b.connectionId)).reverse();
    expect(posts).toMatchObject({ connectionId: 'sprout-acme' });
    expect(emails).toMatchObject({ connectionId: 'native-newsletter-acme', title: 'Pause all publishing in the CMS newsletter scheduler for Acme' });
    await h.call('POST', `/v1/pauses/${pause.id}/tasks/${posts!.id}/done`, {});

    const resumed = await h.call('POST', `/v1/pauses/${pause.id}/resume?wait=true`, {});
    expect(resumed.status).toBe(202);
    expect(resumed.body.pause).toMatchObject({ state: 'resumed', complete: false, taskCounts: { open: 1, done: 1, skipped: 1 } });
    const all = await tasks(pause.id);
    expect(all.find((t) => t.id === emails!.id)).toMatchObject({ state: 'skipped', closed: { note: 'the pause was resumed before this was done: there is nothing to put back' } });
    const back = all.find((t) => t.direction === 'restore')!;
    expect(back).toMatchObject({ connectionId: 'sprout-acme', state: 'open', title: 'Resume all publishing in Sprout Social for Acme (Dana (social lead))', steps: SPROUT.steps.restore });
    expect(all.filter((t) => t.direction === 'restore')).toHaveLength(1);

    await h.call('POST', `/v1/pauses/${pause.id}/tasks/${back.id}/done`, {});
    expect((await h.call('GET', `/v1/pauses/${pause.id}`)).body).toMatchObject({ state: 'resumed', complete: true });
  });

  it('opens a task on escalation only for what the new severity reaches', async () => {
    h = await start();
    const pause = await h.pause(1, { scope: { tags: ['brand:acme'] } });
    expect((await tasks(pause.id)).map((t) => t.connectionId)).toEqual(['sprout-acme']);
    const escalated = await h.call('POST', '/v1/pauses?wait=true', { severity: 3, reason: 'it got worse', scope: { tags: ['brand:acme'] } });
    expect(escalated.body.outcome).toBe('escalated');
    expect((await tasks(pause.id)).map((t) => t.connectionId)).toEqual(['sprout-acme', 'native-newsletter-acme']);
    expect((await h.call('POST', '/v1/pauses?wait=true', { severity: 3, reason: 'again', scope: { tags: ['brand:acme'] } })).body.outcome).toBe('joined');
    expect(await tasks(pause.id)).toHaveLength(2);
  });

  it("shows the tasks in the dry run, and a brand's pause never opens another brand's", async () => {
    h = await start();
    const plan = (await h.call('POST', '/v1/pauses', { severity: 3, reason: 'check', dryRun: true, scope: { tags: ['brand:globex'] } })).body.plan;
    expect(plan.manualIds).toEqual(['later-globex']);
    expect(plan.tasks.map((t: { title: string }) => t.title)).toEqual(['Pause all publishing in Later for Globex (Dana (social lead))']);
    const pause = await h.pause(3, { scope: { tags: ['brand:globex'] } });
    expect((await tasks(pause.id)).map((t) => t.connectionId)).toEqual(['later-globex']);
    // A scope may name a manual connection like any other.
    const named = (await h.call('POST', '/v1/pauses', { severity: 1, reason: 'x', dryRun: true, scope: { connections: ['sprout-acme'] } })).body.plan;
    expect(named).toMatchObject({ connectionIds: [], manualIds: ['sprout-acme'] });
  });

  it('refuses bad ticks with a clear error and changes nothing', async () => {
    h = await start();
    const pause = await h.pause(1, { scope: { tags: ['brand:acme'] } });
    const [task] = await tasks(pause.id);
    const before = (await audit(pause.id)).length;
    const noReason = await h.call('POST', `/v1/pauses/${pause.id}/tasks/${task!.id}/skip`, {});
    expect(noReason.status).toBe(400);
    expect((await h.call('POST', `/v1/pauses/${pause.id}/tasks/${task!.id}/done`, { note: 'x', extra: true })).status).toBe(400);
    const unknown = await h.call('POST', `/v1/pauses/${pause.id}/tasks/tsk_nope/done`, {});
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
    expect((await h.call('POST', `/v1/pauses/pau_nope/tasks/${task!.id}/done`, {})).status).toBe(404);
    expect((await audit(pause.id)).length).toBe(before);
    expect((await tasks(pause.id))[0]).toMatchObject({ state: 'open' });

    const skipped = await h.call('POST', `/v1/pauses/${pause.id}/tasks/${task!.id}/skip`, { reason: 'nothing queued there this week' });
    expect(skipped.body.task).toMatchObject({ state: 'skipped', closed: { note: 'nothing queued there this week' } });
    const twice = await h.call('POST', `/v1/pauses/${pause.id}/tasks/${task!.id}/done`, {});
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toMatch(/already skipped/);
  });

  it('lists the manual connections beside the others', async () => {
    h = await start();
    const answer = (await h.call('GET', '/v1/connections')).body;
    expect(answer.manual.map((m: ManualConnection) => m.id)).toEqual(['sprout-acme', 'native-newsletter-acme', 'later-globex']);
  });
});
