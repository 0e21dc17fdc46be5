// The simulated Facebook Pages: Pages and their posts in Graph's own shapes, indexed so that no
// request reads every post. Typed seeding and inspection helpers for tests, the sandbox seed
// and the benchmark; `exportData`/`load` for the sandbox's saved worlds.
import type { SandboxItem } from '../kit/simulator/types.js';
import { SimWorld } from '../kit/simulator/world.js';
import type { Clock, JsonValue } from '../types.js';
import { imageDigest, postFingerprint, scheduledAtOf, statusOf } from './mappers.js';
import type { BatchItemFault } from './simulator-batch.js';
import { PostIndex, type Cursor } from './simulator-world-index.js';
import { fakeJpeg, graphTime, photoOf, postAsGraph, worldDataSchema, type AppSettings, type NewPost, type PostEdit, type PostInput, type SimPage, type SimPhoto, type SimPost } from './simulator-world-data.js';

export type { NewPost, PostEdit, PostInput, SimPage, SimPost } from './simulator-world-data.js';

export class FacebookPagesWorld extends SimWorld {
  readonly #pages = new Map<string, SimPage>();
  readonly #posts = new PostIndex();
  /** photo id → post id: the CDN and Photo reads find a photo without a scan */
  readonly #photos = new Map<string, string>();
  #app: AppSettings;
  #nextId = 1_000_000_000_000_001n;
  // test hooks, not part of the saved world
  readonly #expired = new Set<string>();
  readonly #batchFaults = new Map<string, BatchItemFault[]>();

  constructor(
    private readonly clock: Clock,
    app: Partial<AppSettings> = {},
  ) {
    super();
    this.#app = { requireAppSecret: false, ...app };
  }

  static load(data: unknown, clock: Clock): FacebookPagesWorld {
    const parsed = worldDataSchema.parse(data);
    const world = new FacebookPagesWorld(clock, parsed.app);
    for (const page of parsed.pages) world.#pages.set(page.id, page);
    world.#nextId = BigInt(parsed.nextId);
    // A world saved before photos held their image gets a stand-in one: its photo post can be suspended.
    for (const post of parsed.posts) world.#index(post.media === 'photo' && !post.photo ? { ...post, photo: { ...photoOf({ bytes: fakeJpeg(Number(world.#nextId % 1_000_000n)) }), id: (world.#nextId++).toString() } } : post);
    return world;
  }

  exportData(): JsonValue {
    const data = { pages: [...this.#pages.values()], posts: [...this.#posts.all()], nextId: String(this.#nextId), app: this.#app };
    return JSON.parse(JSON.stringify(worldDataSchema.parse(data))) as JsonValue;
  }

  state(): SandboxItem[] {
    const now = this.clock.now();
    return [...this.#posts.all()].map((p) => {
      const view = postAsGraph(p, now);
      const status = statusOf(view, now);
      const image = p.photo ? imageDigest(Buffer.from(p.photo.data, 'base64')) : null;
      return { id: p.id, kind: 'post' as const, status, live: status === 'SCHEDULED', scheduledAt: scheduledAtOf(view), fingerprint: postFingerprint(view, image) };
    });
  }

  // ---- seeding and inspection: tests, the sandbox seed, the benchmark ----

  /** A Page (numeric id); an existing one is kept, renamed if a name is given. */
  addPage(id: string, name?: string, category = 'Product/service'): string {
    if (!/^\d+$/.test(id)) throw new Error(`not a Page id: ${id}`);
    const existing = this.#pages.get(id);
    if (existing) existing.name = name ?? existing.name;
    else this.#pages.set(id, { id, name: name ?? `Page ${id}`, category });
    this.changed();
    return id;
  }

  /** A post as a person made it; returns its id. Times are whole seconds, as Graph keeps them. */
  addPost(input: PostInput = {}): string {
    const page = input.page ?? this.firstPage()?.id;
    if (!page || !this.#pages.has(page)) throw new Error(`unknown Page ${page ?? '(none)'}`);
    const { page: _page, scheduledAt, published, image, ...content } = input;
    const photo = content.media === 'photo' ? photoOf(image ?? { bytes: fakeJpeg(Number(this.#nextId % 1_000_000n)) }) : undefined;
    return this.create(page, { ...content, ...(photo && { photo }), published: published ?? false, ...(scheduledAt && { scheduled_publish_time: Math.floor(scheduledAt.getTime() / 1000) }) });
  }

  /** Someone swaps a photo post's image in Business Suite: drift. */
  replacePhoto(id: string, bytes: Uint8Array, contentType = 'image/jpeg'): void {
    const post = this.#mustGet(id);
    if (!post.photo) throw new Error(`post ${id} is not a photo post`);
    this.#posts.change(post, (p) => Object.assign(p, { photo: { ...p.photo!, data: Buffer.from(bytes).toString('base64'), content_type: contentType }, updated_time: graphTime(this.clock.now()) }));
    this.changed();
  }

  /** A photo by its id, with its post (the Photo read and the CDN). */
  photo(photoId: string): { post: SimPost; photo: SimPhoto } | undefined {
    const post = this.#posts.get(this.#photos.get(photoId) ?? '');
    return post?.photo ? { post, photo: post.photo } : undefined;
  }

  /** A copy of the post as stored. */
  post(id: string): SimPost | undefined {
    const p = this.#posts.get(id);
    return p ? structuredClone(p) : undefined;
  }

  /** Someone edits a post (text, link, time…) in Business Suite: drift. */
  editPost(id: string, patch: PostEdit): void {
    this.update(this.#mustGet(id), patch);
  }

  /** Someone publishes a scheduled post now, ahead of its time. */
  publishByHand(id: string): void {
    this.#posts.change(this.#mustGet(id), (p) => Object.assign(p, { published: true, updated_time: graphTime(this.clock.now()) }));
    this.changed();
  }

  /** Someone deletes a post by hand. */
  deleteByHand(id: string): void {
    this.remove(this.#mustGet(id));
  }

  /** The token now answers 190/463 "Session has expired". */
  expireToken(token: string): void {
    this.#expired.add(token);
  }

  /** "Require App Secret" in the app's advanced settings: every call needs appsecret_proof. */
  setRequireAppSecret(on: boolean): void {
    this.#app = { ...this.#app, requireAppSecret: on };
    this.changed();
  }

  /** Arms a fault for the next batch element addressed to this post or Page. */
  injectBatchItemFault(objectId: string, fault: BatchItemFault): void {
    this.#batchFaults.set(objectId, [...(this.#batchFaults.get(objectId) ?? []), fault]);
  }

  // ---- the platform's rules, for the routes ----

  get app(): Readonly<AppSettings> {
    return this.#app;
  }

  isExpired(token: string): boolean {
    return this.#expired.has(token);
  }

  takeBatchFault(objectId: string): BatchItemFault | undefined {
    return this.#batchFaults.get(objectId)?.shift();
  }

  get(id: string): SimPost | undefined {
    return this.#posts.get(id);
  }

  page(id: string): SimPage | undefined {
    return this.#pages.get(id);
  }

  firstPage(): SimPage | undefined {
    return this.#pages.values().next().value;
  }

  /** A Page's posts still to go out (after now), soonest first, after `cursor` when given. */
  upcoming(pageId: string, cursor: Cursor | null): Generator<SimPost> {
    return this.#posts.scheduledOf(pageId, Math.floor(this.clock.now().getTime() / 1000), cursor);
  }

  /** A new post on a Page's feed (its content already checked by the route); returns its id. */
  create(pageId: string, fields: NewPost): string {
    const now = graphTime(this.clock.now());
    const id = `${pageId}_${(this.#nextId++).toString()}`;
    const photo = fields.photo && { ...fields.photo, id: (this.#nextId++).toString() };
    const { photo: _photo, ...rest } = structuredClone(fields);
    this.#index({ ...rest, ...(photo && { photo }), id, page_id: pageId, created_time: now, updated_time: now });
    this.changed();
    return id;
  }

  update(post: SimPost, patch: PostEdit): void {
    this.#posts.change(post, (p) => Object.assign(p, structuredClone(patch), { updated_time: graphTime(this.clock.now()) }));
    this.changed();
  }

  remove(post: SimPost): void {
    this.#posts.remove(post);
    if (post.photo) this.#photos.delete(post.photo.id);
    this.changed();
  }

  #index(post: SimPost): void {
    this.#posts.add(post);
    if (post.photo) this.#photos.set(post.photo.id, post.id);
  }

  #mustGet(id: string): SimPost {
    const p = this.#posts.get(id);
    if (!p) throw new Error(`no post ${id}`);
    return p;
  }
}
