// facebook-pages single-photo posts: the image's bytes are fetched while the post is listed, so
// the snapshot the core stores before the delete holds them; restore uploads them again through
// /photos, scheduled, with the same caption, audience and place. An image we cannot fetch or hold
// leaves the post scheduled and the item failed; video and album posts stay refused.
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { fetchImage, MAX_IMAGE_BYTES } from '../../adapters/facebook-pages/api-cdn.js';
import { fakeJpeg } from '../../adapters/facebook-pages/simulator-world-data.js';
import { createFacebookPagesSimulator, type FacebookPagesSimulator } from '../../adapters/facebook-pages/simulator.js';
import type { LiveItem, Outcome } from '../../adapters/types.js';
import { DAY, HOUR, MINUTE, type ManualClock } from '../support/clock.js';
import { useMsw } from '../support/msw.js';
import { BASE_URL, PAGE, setup, TOKEN } from './facebook-pages-fixture.js';
import { listAll, toRef } from './live-items.js';

const newIdOf = (o: Outcome | undefined): string => (o?.kind === 'ok' && o.newExternalId) || '';
const bytesOf = (sim: FacebookPagesSimulator, id: string): Buffer => Buffer.from(sim.world.post(id)!.photo!.data, 'base64');

function seedPhoto(sim: FacebookPagesSimulator, clock: ManualClock, bytes = fakeJpeg(7, 300 * 1024)): string {
  return sim.world.addPost({
    message: 'The new Trailblazer 2 colours',
    media: 'photo',
    image: { bytes, contentType: 'image/jpeg' },
    feed_targeting: { geo_locations: { countries: ['CA'] } },
    place_id: '110843418940484',
    scheduledAt: new Date(clock.now().getTime() + DAY),
  });
}

describe('facebook-pages photo posts', () => {
  const server = useMsw();

  it('stores the image in the snapshot, deletes, and uploads it again: same bytes, caption, audience, place and time', async () => {
    const { client, sim, clock } = setup(server);
    const bytes = fakeJpeg(7, 300 * 1024);
    const id = seedPhoto(sim, clock, bytes);
    const { id: _i, created_time: _c, updated_time: _u, photo, ...before } = sim.world.post(id)!;
    const [item] = await listAll(client, 'post');
    const image = (item!.snapshot as { image?: { base64: string; size: number } }).image!;
    expect(Buffer.from(image.base64, 'base64').equals(Buffer.from(bytes))).toBe(true);
    expect(item).toMatchObject({ externalId: id, fingerprint: sim.state()[0]!.fingerprint, snapshot: { recreatable: true } });

    expect(await client.suspend([toRef(item!)])).toMatchObject([{ kind: 'ok', status: 'DELETED' }]);
    expect(sim.world.post(id)).toBeUndefined();
    clock.advance(30 * MINUTE);
    const [outcome] = await client.restore([{ ...toRef(item!), scheduledAt: item!.scheduledAt, mayExist: false }]);
    expect(outcome).toMatchObject({ kind: 'ok', externalId: id, status: 'SCHEDULED' });
    const recreated = sim.world.post(newIdOf(outcome))!;
    const { id: newId, created_time: _c2, updated_time: _u2, photo: newPhoto, ...after } = recreated;
    expect(newId).not.toBe(id);
    expect(after).toEqual(before);
    expect(bytesOf(sim, newId).equals(Buffer.from(bytes))).toBe(true);
    expect(newPhoto!.content_type).toBe(photo!.content_type);
    expect(sim.state()).toMatchObject([{ id: newId, status: 'SCHEDULED', scheduledAt: item!.scheduledAt, fingerprint: item!.fingerprint }]);
  });

  it('fails the item and deletes nothing when the CDN cannot be reached', async () => {
    const { client, sim, clock } = setup(server);
    const id = seedPhoto(sim, clock);
    sim.faults.inject({ kind: 'server-error', path: /^\/__cdn\//, times: Infinity });
    const [item] = await listAll(client, 'post');
    expect(item!.snapshot).toMatchObject({ recreatable: false, refusal: expect.stringMatching(/answered 500 for the file/) });
    expect((item!.snapshot as { image?: unknown }).image).toBeUndefined();
    const deletes = () => sim.requests.filter((r) => r.method === 'DELETE' || r.body.includes('DELETE')).length;
    const [outcome] = await client.suspend([toRef(item!)]);
    expect(outcome).toMatchObject({ kind: 'error', error: { code: 'invalid_state', retryable: false, message: expect.stringMatching(/photo post .*answered 500 for the file.*not deleted/) } });
    expect(deletes()).toBe(0);
    expect(sim.world.post(id)).toBeDefined();
  });

  it('fails the item when the CDN host does not answer at all', async () => {
    const { client, sim, clock } = setup(server);
    seedPhoto(sim, clock);
    server.use(http.get(`${BASE_URL}/__cdn/*`, () => HttpResponse.error()));
    const [item] = await listAll(client, 'post');
    expect(item!.snapshot).toMatchObject({ recreatable: false, refusal: expect.stringMatching(/could not be fetched .*unreachable/) });
    expect(await client.suspend([toRef(item!)])).toMatchObject([{ kind: 'error', error: { code: 'invalid_state' } }]);
    expect(sim.state()).toHaveLength(1);
  });

  it(`fails the item when the image is larger than ${MAX_IMAGE_BYTES / 2 ** 20} MB, said or not by Content-Length`, async () => {
    const { client, sim, clock } = setup(server);
    const id = seedPhoto(sim, clock, fakeJpeg(3, MAX_IMAGE_BYTES + 1));
    const [item] = await listAll(client, 'post');
    expect(item!.snapshot).toMatchObject({ recreatable: false, refusal: expect.stringMatching(/larger than 8 MB/) });
    // a CDN that streams without a length is cut off at the cap too
    server.use(http.get(`${BASE_URL}/__cdn/*`, () => new HttpResponse(new Blob([fakeJpeg(3, MAX_IMAGE_BYTES + 1)]).stream(), { headers: { 'content-type': 'image/jpeg' } })));
    const [streamed] = await listAll(client, 'post');
    expect(streamed!.snapshot).toMatchObject({ recreatable: false, refusal: expect.stringMatching(/larger than 8 MB/) });
    expect(await client.suspend([toRef(item!)])).toMatchObject([{ kind: 'error', error: { code: 'invalid_state' } }]);
    expect(sim.world.post(id)).toBeDefined();
  });

  it('refuses a snapshot whose stored bytes do not match its fingerprint, before any request', async () => {
    const { client, sim, clock } = setup(server);
    seedPhoto(sim, clock);
    const [item] = await listAll(client, 'post');
    const snapshot = structuredClone(item!.snapshot) as { image: { base64: string } };
    snapshot.image.base64 = Buffer.from('not the photo').toString('base64');
    const before = sim.requests.length;
    expect(await client.suspend([{ ...toRef(item!), snapshot } as ReturnType<typeof toRef>])).toMatchObject([{ kind: 'error', error: { code: 'invalid_request' } }]);
    expect(sim.requests.length).toBe(before);
  });

  it('sees a new caption or a swapped photo as drift, and the re-created post as the same content', async () => {
    const { client, sim, clock } = setup(server);
    const [a, b, c] = [seedPhoto(sim, clock), seedPhoto(sim, clock), seedPhoto(sim, clock)];
    const listed = await listAll(client, 'post');
    const byId = new Map(listed.map((i) => [i.externalId, i]));
    sim.world.editPost(a, { message: 'Edited caption' });
    sim.world.replacePhoto(b, fakeJpeg(99));
    const seen = await client.inspect([a, b, c].map((id) => toRef(byId.get(id)!)));
    expect(seen.map((o) => o.fingerprint === byId.get(o.externalId)!.fingerprint)).toEqual([false, false, true]);
    expect(seen.every((o) => o.found && o.live && o.fingerprint !== null)).toBe(true);

    const item = byId.get(c)!;
    await client.suspend([toRef(item)]);
    const [restored] = await client.restore([{ ...toRef(item), scheduledAt: item.scheduledAt, mayExist: false }]);
    const ref = { ...toRef(item), externalId: newIdOf(restored) };
    expect((await client.inspect([ref]))[0]).toMatchObject({ found: true, live: true, fingerprint: item.fingerprint });
    sim.world.replacePhoto(ref.externalId, fakeJpeg(100));
    expect((await client.inspect([ref]))[0]!.fingerprint).not.toBe(item.fingerprint);
  });

  it('adopts the photo post an unclear upload made instead of uploading twice', async () => {
    const { client, sim, clock } = setup(server);
    seedPhoto(sim, clock);
    const [item] = await listAll(client, 'post');
    await client.suspend([toRef(item!)]);
    sim.faults.inject({ kind: 'server-error', method: 'POST', path: /\/photos$/, applied: true });
    const request = { ...toRef(item!), scheduledAt: item!.scheduledAt, mayExist: false };
    expect(await client.restore([request])).toMatchObject([{ kind: 'error', error: { ambiguous: true } }]);
    expect(sim.state()).toHaveLength(1);
    const [adopted] = await client.restore([{ ...request, mayExist: true }]);
    expect(adopted).toMatchObject({ kind: 'ok', note: expect.stringMatching(/adopted/), newExternalId: sim.state()[0]!.id });
    expect(sim.state()).toHaveLength(1);
  });

  it('still refuses video and album posts, visibly, and deletes them not', async () => {
    const { client, sim, clock } = setup(server);
    const ids = (['video_inline', 'album'] as const).map((media) => sim.world.addPost({ message: media, media, scheduledAt: new Date(clock.now().getTime() + DAY) }));
    const listed: LiveItem[] = await listAll(client, 'post');
    const outcomes = await client.suspend(listed.map(toRef));
    for (const o of outcomes) expect(o).toMatchObject({ kind: 'error', error: { code: 'invalid_state', message: expect.stringMatching(/pause it by hand/) } });
    for (const id of ids) expect(sim.world.post(id)).toBeDefined();
  });
});

describe('facebook-pages CDN fetch', () => {
  const server = useMsw();
  const cdn = { graphBase: BASE_URL, timeoutMs: 200, maxBytes: 1024 };

  it('fetches only from Meta\'s CDN or under the Graph base in use, never follows a redirect, and gives up in time', async () => {
    await expect(fetchImage(cdn, 'https://images.example.com/x.jpg')).rejects.toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/not on Meta's CDN/) });
    await expect(fetchImage(cdn, 'http://scontent.xx.fbcdn.net/x.jpg')).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(fetchImage(cdn, 'https://graph.facebook.com.evil.example/x.jpg')).rejects.toMatchObject({ code: 'invalid_request' });
    server.use(
      http.get('https://scontent.xx.fbcdn.net/ok.jpg', ({ request }) => (request.headers.get('authorization') ? HttpResponse.error() : new HttpResponse(new Uint8Array([1, 2, 3]), { headers: { 'content-type': 'image/jpeg' } }))),
      http.get('https://scontent.xx.fbcdn.net/moved.jpg', () => new HttpResponse(null, { status: 302, headers: { location: 'https://scontent.xx.fbcdn.net/ok.jpg' } })),
      http.get('https://scontent.xx.fbcdn.net/slow.jpg', async () => new Promise<Response>(() => undefined)),
      http.get('https://scontent.xx.fbcdn.net/page.html', () => HttpResponse.text('<html>')),
    );
    expect([...(await fetchImage(cdn, 'https://scontent.xx.fbcdn.net/ok.jpg')).bytes]).toEqual([1, 2, 3]);
    await expect(fetchImage(cdn, 'https://scontent.xx.fbcdn.net/moved.jpg')).rejects.toMatchObject({ code: 'network', isRetryable: false });
    await expect(fetchImage(cdn, 'https://scontent.xx.fbcdn.net/slow.jpg')).rejects.toMatchObject({ code: 'timeout' });
    await expect(fetchImage(cdn, 'https://scontent.xx.fbcdn.net/page.html')).rejects.toMatchObject({ code: 'unexpected_response', message: expect.stringMatching(/not an image/) });
  });
});

describe('facebook-pages simulator: /photos and its CDN', () => {
  const server = useMsw();

  async function upload(sim: FacebookPagesSimulator, fields: Record<string, string>, file?: Blob) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    if (file) form.append('source', file, 'photo.jpg');
    const response = await sim.fetch(new Request(`${BASE_URL}/v25.0/${PAGE}/photos`, { method: 'POST', body: form, headers: { authorization: `Bearer ${TOKEN}` } }));
    return (await response.json()) as { id?: string; post_id?: string; error?: { code: number; message: string } };
  }

  const jpeg = new Blob([fakeJpeg(1)], { type: 'image/jpeg' });
  it.each([
    ['no file', 'false', HOUR, undefined, /#324\) Requires upload file/],
    ['a file that is no image', 'false', HOUR, new Blob(['hello'], { type: 'text/plain' }), /must be an image/],
    ['a file over the limit', 'false', HOUR, new Blob([new Uint8Array(10 * 1024 * 1024 + 1)], { type: 'image/jpeg' }), /File size too large/],
    ['a schedule on a published photo', 'true', HOUR, jpeg, /published post/],
    ['a time 5 minutes ahead', 'false', 5 * MINUTE, jpeg, /at least 10 minutes/],
    ['a time 7 months ahead', 'false', 212 * DAY, jpeg, /scheduled publish time is invalid/],
  ])('refuses an upload with %s, and creates nothing', async (_name, published, ahead, file, message) => {
    const { sim, clock } = setup(server);
    const when = String(Math.floor((clock.now().getTime() + ahead) / 1000));
    const body = await upload(sim, { caption: 'x', published, scheduled_publish_time: when }, file);
    expect(body.error?.message).toMatch(message);
    expect(sim.state()).toEqual([]);
  });

  it('gives a photo post of a world saved before images were kept a stand-in image, so it can be suspended', async () => {
    const { sim, clock } = setup(server);
    const id = seedPhoto(sim, clock);
    const saved = sim.exportWorld();
    for (const post of (saved as { posts: Array<Record<string, unknown>> }).posts) delete post['photo'];
    const loaded = createFacebookPagesSimulator({ clock, credentials: { accessToken: TOKEN }, accountIds: [PAGE], seed: 'empty', world: saved });
    expect(loaded.world.post(id)!.photo!.data.length).toBeGreaterThan(1000);
    expect(loaded.state()).toMatchObject([{ id, status: 'SCHEDULED' }]);
  });

  it('serves the uploaded bytes at the CDN URL the Photo read gives, without a token, under the sandbox prefix', async () => {
    const { sim, clock } = setup(server);
    const bytes = fakeJpeg(5);
    const when = String(Math.floor((clock.now().getTime() + HOUR) / 1000));
    const created = await upload(sim, { caption: 'x', published: 'false', scheduled_publish_time: when }, new Blob([bytes], { type: 'image/jpeg' }));
    expect(created.post_id).toMatch(new RegExp(`^${PAGE}_\\d+$`));
    const read = await sim.fetch(new Request(`http://127.0.0.1:9/v25.0/${created.id}?fields=images,page_story_id`, { headers: { authorization: `Bearer ${TOKEN}`, 'x-forwarded-prefix': '/facebook-pages-acme' } }));
    const photo = (await read.json()) as { images: Array<{ source: string }>; page_story_id: string };
    expect(photo.page_story_id).toBe(created.post_id);
    const url = new URL(photo.images[0]!.source);
    expect(url.href).toMatch(/^http:\/\/127\.0\.0\.1:9\/facebook-pages-acme\/__cdn\/v\/t39\.30808-6\/\d+_[0-9a-f]+_n\.jpg\?.*oe=/);
    const image = await sim.fetch(new Request(`http://127.0.0.1:9${url.pathname.replace('/facebook-pages-acme', '')}${url.search}`));
    expect([image.status, image.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
    expect(Buffer.from(await image.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
  });
});
