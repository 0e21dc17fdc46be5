// 404: unknown pauses, unknown items, items of another pause and unknown routes; nothing changes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useMsw } from '../support/msw.js';
import { startHarness, type Harness } from '../support/service.js';
import { expectError, expectUnchanged, worldOf } from './assertions.js';

describe('404 not found', () => {
  const server = useMsw();
  let h: Harness;
  let a: string;
  let b: string;
  let itemOfB: string;
  beforeEach(async () => {
    h = await startHarness(server);
    a = (await h.pause(1, { scope: { connections: ['hootsuite-acme'] } })).id;
    b = (await h.pause(2, { scope: { connections: ['meta-ads-acme'] } })).id;
    itemOfB = (await h.items(b))[0]!.id;
  });
  afterEach(() => h?.close());

  async function missing(method: string, url: string, body?: unknown) {
    const before = await worldOf(h);
    const error = expectError(await h.call(method, url, body), 404, 'not_found');
    await expectUnchanged(h, before);
    return error;
  }

  it.each([
    ['GET', '/v1/pauses/pau_doesNotExist', undefined],
    ['GET', '/v1/pauses/pau_doesNotExist/items', undefined],
    ['POST', '/v1/pauses/pau_doesNotExist/resume', undefined],
    ['POST', '/v1/pauses/pau_doesNotExist/resume', { dryRun: true }],
    ['POST', '/v1/pauses/pau_doesNotExist/retry', undefined],
    ['POST', '/v1/pauses/pau_doesNotExist/items/itm_x/release', undefined],
    ['POST', '/v1/pauses/pau_doesNotExist/items/itm_x/keep', undefined],
    ['GET', '/v1/pauses/pau_doesNotExist/playbook', undefined],
    ['POST', '/v1/pauses/pau_doesNotExist/playbook/judge/done', { note: 'done' }],
  ])('%s %s: the pause is unknown', async (method, url, body) => {
    const error = await missing(method, url, body);
    expect(error.message).toBe('pause pau_doesNotExist not found');
  });

  it.each(['release', 'keep'])('%s: an item id the pause does not have', async (verb) => {
    const error = await missing('POST', `/v1/pauses/${a}/items/itm_doesNotExist/${verb}`);
    expect(error.message).toBe('item itm_doesNotExist not found');
  });

  it.each(['release', 'keep'])('%s: an item of another pause is not found under this one', async (verb) => {
    const error = await missing('POST', `/v1/pauses/${a}/items/${itemOfB}/${verb}`);
    expect(error.message).toBe(`item ${itemOfB} not found`);
    // Under its own pause the same item is there.
    expect((await h.call('POST', `/v1/pauses/${b}/items/${itemOfB}/keep`)).status).toBe(200);
  });

  it.each([
    ['GET', '/v1/nothing-here'],
    ['GET', '/v1/pauses/x/y/z'],
    ['GET', '/v1/pauses/{a}/items/{item}'],
    ['DELETE', '/v1/pauses/{a}'],
    ['PUT', '/v1/pauses'],
    ['PATCH', '/v1/severities'],
    ['GET', '/v2/pauses'],
    ['GET', '/nothing-here'],
    ['POST', '/'],
  ])('%s %s: no such route', async (method, url) => {
    const error = await missing(method, url.replace('{a}', a).replace('{item}', itemOfB));
    expect(error.message).toMatch(/^no route /);
  });

  it('an unknown route outside /v1 needs no key and is not audited', async () => {
    const before = await worldOf(h);
    const reply = await h.call('GET', '/wp-admin/setup.php', undefined, { authorization: '' });
    expectError(reply, 404, 'not_found');
    expect(reply.body.error.message).toBe('no route GET /wp-admin/setup.php');
    await expectUnchanged(h, before);
  });
});
