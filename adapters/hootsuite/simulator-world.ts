// The simulator's world: Hootsuite's social profiles, messages, uploaded media and the member the
// token belongs to, in Hootsuite's own JSON shapes (definitions SocialProfile and
// SocialProfileMessage). Sorted indexes find a page without reading every message; time passes
// lazily (a SCHEDULED message whose time has come is sent when the world is next read).
import { fingerprint } from '../kit/fingerprint.js';
import type { SortedIndex } from '../kit/simulator/sorted-index.js';
import type { SandboxItem } from '../kit/simulator/types.js';
import { SimWorld } from '../kit/simulator/world.js';
import type { Clock, JsonValue } from '../types.js';
import { contentOf } from './mappers.js';
import { MEMBER_ID, NEEDS_APPROVAL, worldDataSchema, type Permission, type SimMessage, type SimProfile } from './simulator-world-data.js';
import { MessageIndex } from './simulator-world-index.js';

export type { Permission, SimMessage, SimProfile } from './simulator-world-data.js';
export { MEMBER_ID } from './simulator-world-data.js';
export { compareIds, compareMessages } from './simulator-world-index.js';

/** Seeding input: a message as someone scheduled it in Hootsuite. */
export type MessageInput = Omit<SimMessage, 'id' | 'socialProfile'> & { id?: string; profileId: string };

export class HootsuiteWorld extends SimWorld {
  readonly #profiles = new Map<string, SimProfile>();
  readonly #messages = new MessageIndex();
  /** uploaded media: id → MIME type (video/mp4, image/jpeg…) */
  readonly #media = new Map<string, string>();
  #member: { permission: Permission; byProfile: Record<string, Permission> } = { permission: 'EDITOR', byProfile: {} };
  /** Hootsuite message ids are long numeric strings; ours count up from a realistic value. */
  #nextId = 4138476039;
  #nextPostId = 705207140236001282n;
  /** how many SCHEDULED messages the account may hold before 40025 */
  #scheduledLimit: number | null = null;

  constructor(private readonly clock: Clock) {
    super();
  }

  static load(data: unknown, clock: Clock): HootsuiteWorld {
    const parsed = worldDataSchema.parse(data);
    const world = new HootsuiteWorld(clock);
    for (const profile of parsed.profiles) world.#profiles.set(profile.id, profile);
    for (const media of parsed.media) world.#media.set(media.id, media.mimeType);
    for (const message of parsed.messages) world.#messages.add(message);
    world.#member = { permission: parsed.member.permission, byProfile: parsed.member.byProfile };
    world.#nextId = parsed.nextId;
    world.#nextPostId = BigInt(parsed.nextPostId);
    world.#scheduledLimit = parsed.scheduledLimit;
    return world;
  }

  exportData(): JsonValue {
    const data = {
      profiles: [...this.#profiles.values()],
      messages: [...this.#messages.all()],
      media: [...this.#media].map(([id, mimeType]) => ({ id, mimeType })),
      member: { id: MEMBER_ID, ...this.#member },
      nextId: this.#nextId,
      nextPostId: String(this.#nextPostId),
      scheduledLimit: this.#scheduledLimit,
    };
    return JSON.parse(JSON.stringify(worldDataSchema.parse(data))) as JsonValue;
  }

  state(): SandboxItem[] {
    this.advance();
    return [...this.#messages.all()].map((m) => ({
      id: m.id,
      kind: 'post' as const,
      status: m.state,
      live: m.state === 'SCHEDULED',
      scheduledAt: new Date(m.scheduledSendTime).toISOString(),
      fingerprint: fingerprint(contentOf(m)),
    }));
  }

  // ---- seeding and inspection: tests, the sandbox seed, the benchmark ----

  addProfile(profile: SimProfile): void {
    this.#profiles.set(profile.id, profile);
    this.changed();
  }

  profiles(): SimProfile[] {
    return [...this.#profiles.values()].map((p) => structuredClone(p));
  }

  /** Media as if uploaded through `POST /v1/media`; returns its id. */
  addMedia(media: { id?: string; mimeType: string }): string {
    const id = media.id ?? Buffer.from(`https://hootsuite-video.s3.amazonaws.com/production/${this.#nextId}_${this.#media.size}.${media.mimeType.split('/')[1]}`).toString('base64');
    this.#media.set(id, media.mimeType);
    this.changed();
    return id;
  }

  /** Adds a message as if someone scheduled it in Hootsuite; returns it as the API would. */
  addMessage(input: MessageInput): SimMessage {
    const profile = this.#profiles.get(input.profileId);
    if (!profile) throw new Error(`unknown social profile ${input.profileId}`);
    const { profileId: _profileId, id, ...fields } = input;
    const message: SimMessage = {
      id: id ?? this.newMessageId(),
      socialProfile: { id: profile.id, externalURL: profile.externalURL },
      createdByMember: { id: MEMBER_ID },
      lastUpdatedByMember: { id: MEMBER_ID },
      // "null if the message is not subject to approval"
      sequenceNumber: null,
      ...fields,
      scheduledSendTime: new Date(fields.scheduledSendTime).toISOString().replace(/\.000Z$/, 'Z'),
    };
    // Media referenced here was uploaded earlier: videos by their options or file, else images.
    for (const m of message.media ?? []) if (!this.#media.has(m.id)) this.#media.set(m.id, m.videoOptions || /\.mp4$/.test(decode(m.id)) ? 'video/mp4' : 'image/jpeg');
    if (message.state === 'SENT' && !message.postId) this.markPublished(message);
    this.insert(message);
    return structuredClone(message);
  }

  message(id: string): SimMessage | undefined {
    const found = this.get(id);
    return found && structuredClone(found);
  }

  messages(): SimMessage[] {
    this.advance();
    return [...this.#messages.all()].map((m) => structuredClone(m));
  }

  /** Caps the SCHEDULED messages the account may hold (error 40025 beyond it). */
  setScheduledLimit(limit: number): void {
    this.#scheduledLimit = limit;
    this.changed();
  }

  /**
   * The token's member's permission: on every profile, or on one. Limited, Responder and custom
   * permissions "with approval" put what the member schedules up for approval.
   */
  setPermission(permission: Permission, profileId?: string): void {
    if (profileId === undefined) this.#member = { permission, byProfile: {} };
    else this.#member.byProfile[profileId] = permission;
    this.changed();
  }

  // ---- the platform's rules, for the routes ----

  /** Time passes: a SCHEDULED message whose send time has come is sent. */
  advance(): void {
    const scheduled = this.index('SCHEDULED');
    const now = this.clock.now().getTime();
    let sent = false;
    for (let due = scheduled.at(0); due && Date.parse(due.scheduledSendTime) <= now; due = scheduled.at(0)) {
      this.#messages.setState(due, 'SENT');
      this.markPublished(due);
      sent = true;
    }
    if (sent) this.changed();
  }

  get(id: string): SimMessage | undefined {
    this.advance();
    return this.#messages.get(id);
  }

  profile(id: string): SimProfile | undefined {
    return this.#profiles.get(id);
  }

  mimeTypeOf(mediaId: string): string | undefined {
    return this.#media.get(mediaId);
  }

  needsApproval(profileId: string): boolean {
    return NEEDS_APPROVAL.has(this.#member.byProfile[profileId] ?? this.#member.permission);
  }

  scheduledRoom(): number {
    return (this.#scheduledLimit ?? Number.POSITIVE_INFINITY) - this.index('SCHEDULED').size;
  }

  newMessageId(): string {
    return String(this.#nextId++);
  }

  /** Messages in send-time order: all of them, or those in one state. */
  index(state?: string): SortedIndex<SimMessage> {
    return this.#messages.inOrder(state);
  }

  insert(message: SimMessage): void {
    this.#messages.add(message);
    this.changed();
  }

  remove(message: SimMessage): void {
    this.#messages.delete(message);
    this.changed();
  }

  /** postId/postUrl: "only set once the message has been published" (Facebook/LinkedIn URLs only). */
  markPublished(message: SimMessage): void {
    const postId = String(this.#nextPostId++);
    message.postId = postId;
    const profile = this.#profiles.get(message.socialProfile.id);
    if (profile?.type === 'FACEBOOKPAGE') message.postUrl = `https://www.facebook.com/${profile.socialNetworkId}/posts/${postId}`;
    if (profile?.type === 'LINKEDINCOMPANY') message.postUrl = `https://www.linkedin.com/feed/update/urn:li:activity:${postId}`;
  }
}

function decode(id: string): string {
  return Buffer.from(id, 'base64').toString('utf8');
}
