// The simulator's world: one SendGrid account's Single Sends in SendGrid's own JSON shape, and
// what its API key may do. Time passes lazily: a scheduled Single Send whose send_at has come is
// triggered (sent) when the world is next read.
import { createHash } from 'node:crypto';
import { fingerprint } from '../kit/fingerprint.js';
import type { SandboxItem } from '../kit/simulator/types.js';
import { SimWorld } from '../kit/simulator/world.js';
import type { Clock, JsonValue } from '../types.js';
import { contentOf, scheduledAtOf } from './mappers.js';
import type { SingleSendStatus } from './schemas.js';
import { worldDataSchema, type Access, type SimSingleSend } from './simulator-world-data.js';
import { SingleSendIndex } from './simulator-world-index.js';

export type { Access, SimSingleSend } from './simulator-world-data.js';

/** Seeding input: a Single Send as someone made it in SendGrid's Marketing Campaigns. */
export interface SingleSendInput {
  id?: string;
  name: string;
  status: SingleSendStatus;
  sendAt?: Date | null;
  categories?: string[];
  listIds?: string[];
  segmentIds?: string[];
  all?: boolean;
  subject: string;
  html?: string;
  senderId?: number | null;
  suppressionGroupId?: number | null;
  customUnsubscribeUrl?: string | null;
  designId?: string | null;
}

export class SendGridWorld extends SimWorld {
  readonly #singleSends = new SingleSendIndex();
  #access: Access = 'full';
  #nextId = 0;

  /** @param idSalt makes the ids of one account's world differ from another's (its contact lists) */
  constructor(
    private readonly clock: Clock,
    private readonly idSalt = '',
  ) {
    super();
  }

  static load(data: unknown, clock: Clock): SendGridWorld {
    const parsed = worldDataSchema.parse(data);
    const world = new SendGridWorld(clock, parsed.idSalt);
    for (const s of parsed.singleSends) world.#singleSends.add(s);
    world.#access = parsed.access;
    world.#nextId = parsed.nextId;
    return world;
  }

  exportData(): JsonValue {
    const data = { singleSends: [...this.#singleSends.all()], access: this.#access, nextId: this.#nextId, idSalt: this.idSalt };
    return JSON.parse(JSON.stringify(worldDataSchema.parse(data))) as JsonValue;
  }

  state(): SandboxItem[] {
    this.advance();
    return [...this.#singleSends.all()].map((s) => ({
      id: s.id,
      kind: 'email' as const,
      status: s.status,
      live: s.status === 'scheduled',
      scheduledAt: scheduledAtOf(s),
      fingerprint: fingerprint(contentOf(s)),
    }));
  }

  // ---- seeding and inspection: tests, the sandbox seed ----

  /** Adds a Single Send as if made in SendGrid; returns it as the API shows it. */
  addSingleSend(input: SingleSendInput): SimSingleSend {
    const at = this.clock.now().toISOString();
    const html = input.html ?? `<h1>${input.subject}</h1><p>…</p>`;
    const s: SimSingleSend = {
      id: input.id ?? this.newId(),
      name: input.name,
      status: input.status,
      categories: input.categories ?? [],
      send_at: input.sendAt ? input.sendAt.toISOString() : null,
      send_to: { list_ids: input.listIds ?? [], segment_ids: input.segmentIds ?? [], all: input.all ?? false },
      email_config: {
        subject: input.subject,
        html_content: html,
        plain_content: html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim(),
        generate_plain_content: true,
        design_id: input.designId ?? null,
        editor: input.designId ? 'design' : 'code',
        suppression_group_id: input.suppressionGroupId === undefined ? 16_734 : input.suppressionGroupId,
        custom_unsubscribe_url: input.customUnsubscribeUrl ?? null,
        sender_id: input.senderId === undefined ? 3_471_520 : input.senderId,
        ip_pool: null,
      },
      is_abtest: false,
      created_at: at,
      updated_at: at,
    };
    this.#singleSends.add(s);
    this.changed();
    return structuredClone(s);
  }

  singleSend(id: string): SimSingleSend | undefined {
    const found = this.get(id);
    return found && structuredClone(found);
  }

  /** A person edits a Single Send in the app (drift): name, subject or content. */
  edit(id: string, change: { name?: string; subject?: string; html?: string }): void {
    const s = this.#singleSends.get(id);
    if (!s) throw new Error(`unknown Single Send ${id}`);
    if (change.name !== undefined) s.name = change.name;
    if (change.subject !== undefined) s.email_config.subject = change.subject;
    if (change.html !== undefined) s.email_config.html_content = change.html;
    s.updated_at = this.clock.now().toISOString();
    this.changed();
  }

  setAccess(access: Access): void {
    this.#access = access;
    this.changed();
  }

  access(): Access {
    return this.#access;
  }

  // ---- the platform's rules, for the routes ----

  /** Time passes: a scheduled Single Send whose send_at has come is triggered. */
  advance(): void {
    const due = this.#singleSends.due();
    const now = this.clock.now().getTime();
    let sent = false;
    for (let next = due.at(0); next && Date.parse(next.send_at ?? '') <= now; next = due.at(0)) {
      this.#singleSends.update(next, { status: 'triggered', send_at: next.send_at, updated_at: next.send_at ?? this.clock.now().toISOString() });
      sent = true;
    }
    if (sent) this.changed();
  }

  get(id: string): SimSingleSend | undefined {
    this.advance();
    return this.#singleSends.get(id);
  }

  setSchedule(s: SimSingleSend, status: SingleSendStatus, sendAt: string | null): void {
    this.#singleSends.update(s, { status, send_at: sendAt, updated_at: this.clock.now().toISOString() });
    this.changed();
    this.advance();
  }

  index(): SingleSendIndex {
    this.advance();
    return this.#singleSends;
  }

  /** SendGrid's ids are UUIDs; ours are made from a counter so a world is deterministic. */
  newId(): string {
    const hex = createHash('sha256').update(`sendgrid-single-send:${this.idSalt}:${this.#nextId++}`).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[parseInt(hex[16]!, 16) % 4]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}
