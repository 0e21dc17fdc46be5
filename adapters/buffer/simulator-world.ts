// The simulator's world: the account, its organizations, channels and posts, in Buffer's own
// shapes. Sorted indexes find a page without reading every post; time passes lazily (a scheduled
// post whose time has come is sent when the world is next read, unless its queue is paused).
import { fingerprint } from '../kit/fingerprint.js';
import type { SandboxItem } from '../kit/simulator/types.js';
import { SimWorld } from '../kit/simulator/world.js';
import type { Clock, JsonValue } from '../types.js';
import type { Plan } from './adapter-settings.js';
import { projectionOf } from './mappers.js';
import { postSchema, type CreateInput } from './schemas.js';
import { worldDataSchema, type SimChannel, type SimOrganization, type SimPost } from './simulator-world-data.js';
import { PostIndex } from './simulator-world-index.js';
import { assetsOf, metadataOf } from './simulator-world-input.js';

export type { SimChannel, SimOrganization, SimPost } from './simulator-world-data.js';

/** Seeding input: a post as someone made it in Buffer. */
export type PostInput = CreateInput & { id?: string; status: SimPost['status']; dueAt: string | null; via?: SimPost['via']; createdAt?: string };

export class BufferWorld extends SimWorld {
  account = { id: '5f1a0b2c3d4e5f6a7b8c9d0e', email: 'social@brand.example', name: 'Social team' };
  plan: Plan = 'essentials';
  readonly #orgs = new Map<string, SimOrganization>();
  readonly #channels = new Map<string, SimChannel>();
  readonly posts = new PostIndex();
  /** ids count up from a realistic ObjectId prefix */
  #nextId = 1;

  constructor(readonly clock: Clock) {
    super();
  }

  static load(data: unknown, clock: Clock): BufferWorld {
    const parsed = worldDataSchema.parse(data);
    const world = new BufferWorld(clock);
    world.account = parsed.account;
    world.plan = parsed.plan;
    for (const o of parsed.organizations) world.#orgs.set(o.id, o);
    for (const c of parsed.channels) world.#channels.set(c.id, c);
    for (const p of parsed.posts) world.posts.add(p);
    world.#nextId = parsed.nextId;
    return world;
  }

  exportData(): JsonValue {
    const data = { account: this.account, organizations: [...this.#orgs.values()], channels: [...this.#channels.values()], posts: [...this.posts.all()], plan: this.plan, nextId: this.#nextId };
    return JSON.parse(JSON.stringify(worldDataSchema.parse(data))) as JsonValue;
  }

  state(): SandboxItem[] {
    this.advance();
    return [...this.posts.all()].map((p) => ({
      id: p.id,
      kind: 'post' as const,
      status: p.status,
      live: this.isLive(p),
      scheduledAt: p.dueAt ? new Date(p.dueAt).toISOString() : null,
      fingerprint: fingerprint(projectionOf(postSchema.parse(p)).input),
    }));
  }

  /** Will Buffer publish it by itself: scheduled, on a channel whose queue nobody paused. */
  isLive(p: SimPost): boolean {
    return p.status === 'scheduled' && !this.#channels.get(p.channelId)?.isQueuePaused;
  }

  // ---- seeding and inspection: tests, the sandbox seed, the benchmark ----

  /** Starts this world's ids elsewhere (each sandbox connection's ids differ); a fresh world only. */
  startIdsAt(n: number): void {
    if (this.posts.all().next().done) this.#nextId = n;
  }

  newId(): string {
    return `692e${(this.#nextId++).toString(16).padStart(20, '0')}`;
  }

  addOrganization(org: Omit<SimOrganization, 'id'> & { id?: string }): SimOrganization {
    const o = { ...org, id: org.id ?? this.newId() };
    this.#orgs.set(o.id, o);
    this.changed();
    return o;
  }

  addChannel(channel: Partial<SimChannel> & Pick<SimChannel, 'organizationId' | 'service' | 'name'>): SimChannel {
    const c: SimChannel = { id: this.newId(), displayName: null, type: 'profile', timezone: 'America/New_York', isDisconnected: false, isLocked: false, isQueuePaused: false, ...channel };
    this.#channels.set(c.id, c);
    this.changed();
    return c;
  }

  /** A person pauses (or resumes) a channel's queue in Buffer. */
  setQueuePaused(channelId: string, paused: boolean): void {
    this.#channels.get(channelId)!.isQueuePaused = paused;
    this.changed();
  }

  /** Adds a post as if someone made it in Buffer; returns it as the API would. */
  addPost(input: PostInput): SimPost {
    const channel = this.#channels.get(input.channelId);
    if (!channel) throw new Error(`unknown channel ${input.channelId}`);
    const now = this.clock.now().toISOString();
    const post: SimPost = {
      id: input.id ?? this.newId(),
      organizationId: channel.organizationId,
      text: input.text,
      status: input.status,
      via: input.via ?? 'buffer',
      schedulingType: input.schedulingType,
      isCustomScheduled: input.dueAt !== null,
      shareMode: input.dueAt !== null ? 'customScheduled' : 'addToQueue',
      sharedNow: false,
      dueAt: input.dueAt === null ? null : new Date(input.dueAt).toISOString(),
      sentAt: null,
      createdAt: input.createdAt ?? now,
      updatedAt: input.createdAt ?? now,
      channelId: channel.id,
      channelService: channel.service,
      externalLink: null,
      assets: assetsOf(input.assets),
      tags: (input.tagIds ?? []).map((id) => ({ id, name: `tag ${id.slice(-4)}`, color: '#2C4BFF', isLocked: false })),
      metadata: metadataOf(channel.service, input.metadata),
      error: null,
    };
    if (post.status === 'sent') this.markSent(post, post.dueAt ?? now);
    this.posts.add(post);
    this.changed();
    return structuredClone(post);
  }

  /** Someone edits a post in Buffer (drift): its text. */
  editText(id: string, text: string): void {
    const post = this.posts.get(id)!;
    post.text = text;
    post.updatedAt = this.clock.now().toISOString();
    this.changed();
  }

  // ---- the platform's rules, for the resolvers ----

  organizations(): SimOrganization[] {
    return [...this.#orgs.values()];
  }
  organization(id: string): SimOrganization | undefined {
    return this.#orgs.get(id);
  }
  channel(id: string): SimChannel | undefined {
    return this.#channels.get(id);
  }
  channelsOf(organizationId: string): SimChannel[] {
    return [...this.#channels.values()].filter((c) => c.organizationId === organizationId);
  }

  get(id: string): SimPost | undefined {
    this.advance();
    return this.posts.get(id);
  }

  insert(post: SimPost): void {
    this.posts.add(post);
    this.changed();
  }

  remove(post: SimPost): void {
    this.posts.delete(post);
    this.changed();
  }

  /** Time passes: a scheduled post whose time has come is sent, unless its queue is paused. */
  advance(): void {
    const now = this.clock.now().getTime();
    const due: SimPost[] = [];
    for (let i = 0, p = this.posts.scheduled.at(0); p && Date.parse(p.dueAt!) <= now; p = this.posts.scheduled.at(++i)) {
      if (!this.#channels.get(p.channelId)?.isQueuePaused) due.push(p);
    }
    for (const p of due) this.posts.update(p, (post) => this.markSent(post, post.dueAt!));
    if (due.length > 0) this.changed();
  }

  private markSent(post: SimPost, at: string): void {
    post.status = 'sent';
    post.sentAt = at;
    post.externalLink = `https://social.example/${post.channelService}/${post.id}`;
  }
}
