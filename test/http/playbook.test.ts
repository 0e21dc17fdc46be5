// The playbook in the API: the crisis plan from config as is; each pause's checklist — the steps
// its severity calls for (an escalation adds the higher ones), with owners and contacts, beside
// its tasks on manual platforms — ticked off by a lead with who, when and a note, stored on the
// pause and audited; a bad tick changes nothing.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ManualConnection } from '../../src/config/schema.js';
import { useMsw } from '../support/msw.js';
import { startHarness, type Harness } from '../support/service.js';
import { expectError, expectUnchanged, worldOf } from './assertions.js';

const BOOTSTRAP = 'bootstrap (BOOTSTRAP_API_KEY)';
const SPROUT: ManualConnection = {
  id: 'sprout-acme',
  platform: 'Sprout Social',
  brand: 'Acme',
  tags: ['brand:acme'],
  kinds: ['post'],
  steps: { suspend: ['Pause every scheduled post'], restore: ['Resume them'] },
};

describe('the playbook', () => {
  const server = useMsw();
  let h: Harness;
  let dataDir: string | undefined;
  afterEach(async () => {
    await h?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    dataDir = undefined;
  });

  const checklist = async (pauseId: string) => (await h.call('GET', `/v1/pauses/${pauseId}/playbook`)).body;
  const view = async (pauseId: string) => (await h.call('GET', `/v1/pauses/${pauseId}`)).body;
  const audit = async (pauseId: string) => (await h.call('GET', `/v1/audit?pauseId=${pauseId}&limit=1000`)).body.data as Array<Record<string, any>>;
  const tick = (pauseId: string, stepId: string, body?: unknown) => h.call('POST', `/v1/pauses/${pauseId}/playbook/${stepId}/done`, body);
  const idsUpTo = (severity: number) => h.config.playbook.steps.filter((s) => s.fromSeverity <= severity).map((s) => s.id);

  it('serves the plan from config as is', async () => {
    h = await startHarness(server);
    const answer = await h.call('GET', '/v1/runbook');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(JSON.parse(JSON.stringify(h.config.playbook)));
    expect(answer.body.scale.map((r: { severity: number }) => r.severity)).toEqual([1, 2, 3]);
  });

  it("lists a pause's steps for its severity in config order, with owners and contacts, none done, and counts them on the pause", async () => {
    h = await startHarness(server);
    const pause = await h.pause(2);
    expect(pause.playbook).toEqual({ open: idsUpTo(2).length, total: idsUpTo(2).length });
    const list = await checklist(pause.id);
    expect(list).toMatchObject({ pauseId: pause.id, severity: 2, tasks: [], statements: h.config.playbook.statements, open: idsUpTo(2).length });
    expect(list.steps.map((s: { id: string }) => s.id)).toEqual(idsUpTo(2));
    // A step of a higher severity is not this pause's.
    expect(list.steps.map((s: { id: string }) => s.id)).not.toContain('official-statement');
    const briefing = list.steps.find((s: { id: string }) => s.id === 'brief-leaders');
    expect(briefing).toMatchObject({
      title: 'Brief leaders and executives',
      fromSeverity: 2,
      owner: { id: 'crisis-lead', title: 'Crisis lead', people: [{ name: 'Dana Whitfield', contactId: 'dana-whitfield' }, { name: 'Omar Haddad', contactId: 'omar-haddad' }] },
      done: null,
    });
    expect(briefing.owner).not.toHaveProperty('responsibilities');
    expect(briefing.contacts.map((c: { team: string }) => c.team)).toEqual(['executive', 'executive', 'legal', 'pr', 'marketing']);
    expect(briefing.contacts[0]).toEqual(h.config.playbook.contacts.find((c) => c.id === 'robert-lindqvist'));
  });

  it('lets a lead tick a step off with a note: stored on the pause with who and when, audited, counted', async () => {
    h = await startHarness(server);
    const pause = await h.pause(2);
    h.clock.advance(60_000);
    const done = await tick(pause.id, 'acknowledge', { note: 'holding statement posted on X and Instagram' });
    expect(done.status).toBe(200);
    expect(done.body.step).toMatchObject({
      id: 'acknowledge',
      owner: { id: 'communications' },
      done: { by: BOOTSTRAP, at: h.clock.now().toISOString(), note: 'holding statement posted on X and Instagram' },
    });
    const list = await checklist(pause.id);
    expect(list.steps.find((s: { id: string }) => s.id === 'acknowledge')).toEqual(done.body.step);
    expect(list.open).toBe(idsUpTo(2).length - 1);
    expect((await view(pause.id)).playbook).toEqual({ open: idsUpTo(2).length - 1, total: idsUpTo(2).length });
    const entries = (await audit(pause.id)).filter((e) => e.action === 'playbook.step-done');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      at: h.clock.now().toISOString(),
      actor: { type: 'api-key', name: BOOTSTRAP },
      source: 'api',
      data: { stepId: 'acknowledge', title: 'Acknowledge publicly', note: 'holding statement posted on X and Instagram' },
    });
    // Without a note, the step is done all the same and the note is left out.
    const plain = await tick(pause.id, 'judge');
    expect(plain.status).toBe(200);
    expect(plain.body.step.done).toEqual({ by: BOOTSTRAP, at: h.clock.now().toISOString() });
    expect((await audit(pause.id)).find((e) => e.action === 'playbook.step-done' && e.data.stepId === 'judge')!.data).toEqual({ stepId: 'judge', title: 'Judge: a real crisis or a false note?' });
  });

  it('refuses a second tick (409), an unknown step or pause and a step above the severity (404), a bad note (400), changing nothing', async () => {
    h = await startHarness(server);
    const pause = await h.pause(2);
    await tick(pause.id, 'judge', { note: 'real: the video is ours' });
    const judgedAt = h.clock.now().toISOString();
    h.clock.advance(60_000);
    const before = await worldOf(h);

    const twice = expectError(await tick(pause.id, 'judge', { note: 'again' }), 409, 'conflict');
    expect(twice.message).toBe(`step judge was already done by ${BOOTSTRAP} at ${judgedAt}`);
    expect(expectError(await tick(pause.id, 'panic'), 404, 'not_found').message).toBe('playbook step panic not found');
    const above = expectError(await tick(pause.id, 'official-statement'), 404, 'not_found');
    expect(above.message).toBe(`playbook step official-statement applies from severity 3; pause ${pause.id} is at severity 2`);
    expectError(await tick('pau_nope', 'judge'), 404, 'not_found');
    for (const body of [{ note: 'x'.repeat(2001) }, { note: '  ' }, { note: 42 }, { note: 'ok', by: 'someone else' }, '[]', 'not json'])
      expectError(await tick(pause.id, 'acknowledge', body), 400, 'invalid_request');
    await expectUnchanged(h, before);
  });

  it('gains the higher steps when the pause is escalated, keeping those already done', async () => {
    h = await startHarness(server);
    const pause = await h.pause(1);
    await tick(pause.id, 'judge');
    expect((await checklist(pause.id)).steps.map((s: { id: string }) => s.id)).toEqual(idsUpTo(1));
    expect((await view(pause.id)).playbook).toEqual({ open: idsUpTo(1).length - 1, total: idsUpTo(1).length });

    const escalated = await h.call('POST', '/v1/pauses?wait=true', { severity: 3, reason: 'it got worse' });
    expect(escalated.body.outcome).toBe('escalated');
    const list = await checklist(pause.id);
    expect(list.severity).toBe(3);
    expect(list.steps.map((s: { id: string }) => s.id)).toEqual(idsUpTo(3));
    expect(idsUpTo(3).length).toBeGreaterThan(idsUpTo(1).length);
    expect(list.steps.filter((s: { done: unknown }) => s.done !== null).map((s: { id: string }) => s.id)).toEqual(['judge']);
    expect((await view(pause.id)).playbook).toEqual({ open: idsUpTo(3).length - 1, total: idsUpTo(3).length });
    expect((await tick(pause.id, 'official-statement')).status).toBe(200);
  });

  it("carries the pause's tasks on manual platforms and counts the open ones", async () => {
    h = await startHarness(server, { config: (c) => ({ ...c, manual: [SPROUT] }) });
    const pause = await h.pause(1, { scope: { tags: ['brand:acme'] } });
    const tasks = (await h.call('GET', `/v1/pauses/${pause.id}/tasks`)).body.data;
    expect(tasks).toHaveLength(1);
    const list = await checklist(pause.id);
    expect(list.tasks).toEqual(tasks);
    expect(list.open).toBe(idsUpTo(1).length + 1);
    await h.call('POST', `/v1/pauses/${pause.id}/tasks/${tasks[0].id}/done`, {});
    expect((await checklist(pause.id)).open).toBe(idsUpTo(1).length);
    // The pause view counts the steps alone: the tasks have their own counts.
    expect((await view(pause.id)).playbook).toEqual({ open: idsUpTo(1).length, total: idsUpTo(1).length });
  });

  it('keeps the ticks in the store: a restarted service shows them', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'crisis-pause-playbook-'));
    h = await startHarness(server, { dataDir });
    const pause = await h.pause(1);
    await tick(pause.id, 'judge', { note: 'a false note after all' });
    await h.close();
    h = await startHarness(server, { dataDir });
    const judged = (await checklist(pause.id)).steps.find((s: { id: string }) => s.id === 'judge');
    expect(judged.done).toMatchObject({ by: BOOTSTRAP, note: 'a false note after all' });
  });
});
