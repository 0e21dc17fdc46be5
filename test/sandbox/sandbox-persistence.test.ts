// The sandbox remembers its platforms: each connection's world is written to one JSON file
// (atomically, soon after a change) and loaded at the next start instead of seeding afresh.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRegistry } from '../../adapters/registry.js';
import { checkConnections } from '../../src/config/load.js';
import { Sandbox } from '../../src/sandbox/sandbox.js';
import { ManualClock } from '../support/clock.js';
import { platformCall, setMetaCampaign } from '../support/platform.js';
import { testConfig } from '../support/service.js';
import { until } from '../support/until.js';

describe('sandbox worlds on disk', () => {
  let dir: string;
  const clock = new ManualClock();
  const specs = checkConnections(testConfig(), createRegistry());
  const open = () => Sandbox.create(specs, {}, { clock, seed: 'sandbox', latencyMs: 0, enforceLimits: false, worldsDir: dir, saveDebounceMs: 20 });

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'crisis-pause-worlds-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('keeps one file per connection, and seeds only when there is none', async () => {
    const first = await open();
    await first.flush();
    expect((await readdir(dir)).sort()).toEqual(['hootsuite-acme.json', 'mailchimp-acme.json', 'meta-ads-acme.json']);
    const saved = JSON.parse(await readFile(path.join(dir, 'hootsuite-acme.json'), 'utf8')) as { platform: string };
    expect(saved.platform).toBe('hootsuite');
    clock.advance(60_000); // a fresh seed is relative to the clock: a reseed would differ
    const second = await open();
    expect(second.state()).toEqual(first.state());
  });

  it('writes changes made through the platform APIs soon after, and brings them back at the next start', async () => {
    const first = await open();
    const before = first.state();
    const post = before['hootsuite-acme']!.find((r) => r.live)!;
    const campaign = before['meta-ads-acme']!.find((r) => r.live)!;
    const email = before['mailchimp-acme']!.find((r) => r.live && r.scheduledAt !== null)!;
    await platformCall(first, 'hootsuite-acme', 'DELETE', `/v1/messages/${post.id}`);
    await setMetaCampaign(first, campaign.id, { status: 'PAUSED' });
    await platformCall(first, 'mailchimp-acme', 'POST', `/3.0/campaigns/${email.id}/actions/unschedule`, undefined, {
      authorization: `Basic ${btoa('any:sandbox-credential-not-a-secret')}`,
    });
    // Debounced: on disk within moments, without a flush.
    const onDisk = () => readFile(path.join(dir, 'hootsuite-acme.json'), 'utf8').catch(() => '');
    await until(async () => {
      const text = await onDisk();
      return text !== '' && !text.includes(`"id":"${post.id}"`);
    }, 'the deletion on disk', 5_000, 10);

    await first.flush();
    const second = await open();
    const after = second.state();
    expect(after).toEqual(first.state());
    expect(after['hootsuite-acme']!.map((r) => r.id)).not.toContain(post.id);
    expect(after['meta-ads-acme']!.find((r) => r.id === campaign.id)).toMatchObject({ status: 'PAUSED', live: false });
    expect(after['mailchimp-acme']!.find((r) => r.id === email.id)).toMatchObject({ live: false });
  });

  it('sets an unreadable world aside, says so, and seeds afresh', async () => {
    await writeFile(path.join(dir, 'hootsuite-acme.json'), '{"platform":"hootsuite","savedAt":"x","world":{"messages":');
    await writeFile(path.join(dir, 'meta-ads-acme.json'), JSON.stringify({ platform: 'mailchimp', savedAt: 'x', world: {} }));
    const sandbox = await open();
    expect(sandbox.notices).toHaveLength(2);
    expect(sandbox.notices[0]).toMatch(/hootsuite-acme could not be read as a hootsuite world: moved to .*unreadable/);
    expect(sandbox.state()['hootsuite-acme']!.filter((r) => r.live).length).toBeGreaterThan(30);
    await sandbox.flush();
    expect((await readdir(dir)).filter((f) => f.includes('.unreadable-'))).toHaveLength(2);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
