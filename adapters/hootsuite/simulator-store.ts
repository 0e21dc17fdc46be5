// The simulator's world: social profiles and messages, in Hootsuite's own JSON shapes
// (definitions SocialProfile and SocialProfileMessage), with time passing lazily on read.
import type { Clock, JsonObject } from '../types.js';
import type { MessageState } from './schemas.js';

export type ProfileType = 'FACEBOOKPAGE' | 'TWITTER' | 'LINKEDINCOMPANY' | 'INSTAGRAMBUSINESS' | 'PINTEREST';

export type SimProfile = {
  id: string;
  type: ProfileType;
  socialNetworkId: string;
  socialNetworkUsername: string;
  externalURL: string;
};

/** A message exactly as the simulator answers it (a type alias, so it fits the loose schemas). */
export type SimMessage = {
  id: string;
  state: MessageState;
  text?: string;
  socialProfile: { id: string; externalURL: string };
  /** UTC ending in Z, e.g. 2026-11-21T10:30:00Z */
  scheduledSendTime: string;
  webhookUrls?: string[];
  tags?: string[];
  targeting?: JsonObject;
  privacy?: JsonObject;
  location?: { latitude: number; longitude: number };
  emailNotification?: boolean;
  mediaUrls?: Array<{ url: string; thumbnailUrl?: string }>;
  media?: Array<{ id: string; videoOptions?: JsonObject }>;
  extendedInfo?: Array<{ socialProfileType?: string; socialProfileId?: string; data?: JsonObject }>;
  postId?: string;
  postUrl?: string;
  createdByMember?: { id: string };
  lastUpdatedByMember?: { id: string };
  sequenceNumber?: number | null;
  reviewers?: Array<{ id: string; type: string }>;
};

/** States Hootsuite refuses to delete with 40003: the message is going out or went out. */
export const UNDELETABLE_STATES: ReadonlySet<MessageState> = new Set(['SUBMITTED', 'SENT', 'SEND_FAILED_PERMANENTLY']);

export const MEMBER_ID = '1389211223';

export class SimulatorStore {
  readonly profiles = new Map<string, SimProfile>();
  readonly messages = new Map<string, SimMessage>();
  /** Hootsuite message ids are long numeric strings; ours count up from a realistic value. */
  #nextId = 4138476039;
  #nextPostId = 705207140236001282n;
  /** how many SCHEDULED messages the account may hold before 40025 (a test hook) */
  scheduledLimit = Number.POSITIVE_INFINITY;

  constructor(private readonly clock: Clock) {}

  newMessageId(): string {
    return String(this.#nextId++);
  }

  addProfile(profile: SimProfile): void {
    this.profiles.set(profile.id, profile);
  }

  put(message: SimMessage): void {
    this.messages.set(message.id, message);
  }

  get(id: string): SimMessage | undefined {
    this.advance();
    return this.messages.get(id);
  }

  all(): SimMessage[] {
    this.advance();
    return [...this.messages.values()];
  }

  scheduledCount(): number {
    return this.all().filter((m) => m.state === 'SCHEDULED').length;
  }

  /** Time passes: a SCHEDULED message whose send time has come is sent (checked lazily). */
  advance(): void {
    const now = this.clock.now().getTime();
    for (const message of this.messages.values()) {
      if (message.state !== 'SCHEDULED' || Date.parse(message.scheduledSendTime) > now) continue;
      message.state = 'SENT';
      this.markPublished(message);
    }
  }

  /** postId/postUrl: "only set once the message has been published" (Facebook/LinkedIn URLs only). */
  markPublished(message: SimMessage): void {
    const postId = String(this.#nextPostId++);
    message.postId = postId;
    const profile = this.profiles.get(message.socialProfile.id);
    if (profile?.type === 'FACEBOOKPAGE') message.postUrl = `https://www.facebook.com/${profile.socialNetworkId}/posts/${postId}`;
    if (profile?.type === 'LINKEDINCOMPANY') message.postUrl = `https://www.linkedin.com/feed/update/urn:li:activity:${postId}`;
  }
}

/** The order `GET /v1/messages` returns: increasing scheduled send time, then id. */
export function compareMessages(a: SimMessage, b: SimMessage): number {
  return Date.parse(a.scheduledSendTime) - Date.parse(b.scheduledSendTime) || compareIds(a.id, b.id);
}

export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
