// Invariant 9: no adapter ever uses an operation that cannot be undone; `delete` only where the
// platform offers nothing else (Hootsuite), and only on items whose snapshot is stored.
import { afterEach, describe, expect, it } from 'vitest';
import { DAY } from '../support/clock.js';
import { useMsw } from '../support/msw.js';
import { setMetaCampaign } from '../support/platform.js';
import { startHarness, type Harness } from '../support/service.js';

describe('invariant 9: never irreversible', () => {
  const server = useMsw();
  let h: Harness;
  afterEach(() => h?.close());

  it('sends nothing destructive through a whole crisis: escalate, drift, missed items, resume, release', async () => {
    h = await startHarness(server);
    const pause = await h.pause(1);
    await h.pause(3);
    const ad = (await h.items(pause.id, '&kind=ad'))[0]!;
    await setMetaCampaign(h.sandbox, ad.externalId, { status: 'ARCHIVED' });
    const metaRequestsSoFar = h.sandbox.simulators.get('meta-ads-acme')!.requests.length;
    h.clock.advance(2 * DAY);
    await h.resume(pause.id);
    for (const item of await h.items(pause.id, '&state=missed')) await h.call('POST', `/v1/pauses/${pause.id}/items/${item.id}/release`);

    const requests = (connection: string) => h.sandbox.simulators.get(connection)!.requests;
    const meta = requests('meta-ads-acme').slice(metaRequestsSoFar);
    expect(meta.filter((r) => r.method === 'DELETE')).toEqual([]);
    for (const r of meta) expect(decodeURIComponent(r.body + r.query)).not.toMatch(/DELETED|ARCHIVED/);

    const mailchimp = requests('mailchimp-acme');
    expect(mailchimp.filter((r) => r.method === 'DELETE')).toEqual([]);
    for (const r of mailchimp) expect(r.path).not.toMatch(/cancel-send|archive|\/actions\/send$/);

    const stored = new Set((await h.items(pause.id, '&kind=post')).map((i) => i.externalId));
    const deletes = requests('hootsuite-acme').filter((r) => r.method === 'DELETE');
    expect(deletes.length).toBe(stored.size);
    for (const r of deletes) expect(stored.has(r.path.split('/').pop()!)).toBe(true);
  });
});
