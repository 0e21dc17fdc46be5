import { open, rename } from 'node:fs/promises';
import path from 'node:path';
import { TextFile } from 'lowdb/node';
import { z } from 'zod';
import { ApiKeySchema } from '../../auth/api-key.js';
import { DeliverySchema, NotifierMarkSchema } from '../../domain/delivery.js';
import { ItemSchema } from '../../domain/item.js';
import { PauseSchema } from '../../domain/pause.js';
import { IdempotencySchema } from './ops.js';
import type { StoreState } from './state.js';

export const SNAPSHOT_VERSION = 2;

/** The compacted state: everything the journal said up to `generation`, which replay goes on from. */
export const SnapshotSchema = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  /** journal files from this generation on are replayed over this snapshot */
  generation: z.number().int().min(1),
  auditHead: z.object({ seq: z.number().int().min(0), hash: z.string() }),
  itemSeq: z.number().int().min(0),
  pauses: z.array(PauseSchema),
  apiKeys: z.array(ApiKeySchema),
  idempotency: z.array(IdempotencySchema),
  // Added after format 2 came out: files written before hold none (defaults, no new format).
  deliveries: z.array(DeliverySchema).default([]),
  notifierMark: NotifierMarkSchema.nullable().default(null),
  items: z.array(ItemSchema),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

/** Items serialized per turn of the event loop: a 10 MB file built at once would stall it. */
const ITEMS_PER_CHUNK = 200;

/**
 * The snapshot file. lowdb's TextFile reads it; it is written as steno (lowdb's writer) writes —
 * a temporary file renamed over the old one, so a crash leaves either the old or the new file
 * whole — but chunk by chunk: a 10 MB string built and written at once stalls the event loop
 * for over 100 ms, and every request the service serves meanwhile waits.
 */
export class SnapshotFile {
  readonly #text: TextFile;

  constructor(readonly file: string) {
    this.#text = new TextFile(file);
  }

  async read(): Promise<Snapshot | null> {
    const text = await this.#text.read();
    if (text === null) return null;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw new Error(`${this.file} is not valid JSON: ${(error as Error).message}`);
    }
    const version = (raw as { version?: unknown } | null)?.version;
    if (version !== SNAPSHOT_VERSION)
      throw new Error(`${this.file} was written by another version of crisis-pause (format ${String(version)}, this one reads ${SNAPSHOT_VERSION}); move it away to start empty`);
    const parsed = SnapshotSchema.safeParse(raw);
    if (!parsed.success) throw new Error(`${this.file} does not hold crisis-pause data: ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  }

  /** Writes the state as it is now, yielding to the event loop between chunks; returns its size. */
  async write(state: StoreState, generation: number): Promise<number> {
    const head = JSON.stringify({
      version: SNAPSHOT_VERSION,
      generation,
      auditHead: state.auditHead,
      itemSeq: state.itemSeq,
      pauses: [...state.pauses.values()],
      apiKeys: [...state.apiKeys.values()],
      idempotency: [...state.idempotency.values()],
      deliveries: [...state.deliveries.values()],
      notifierMark: state.notifierMark,
    });
    const temp = path.join(path.dirname(this.file), `.${path.basename(this.file)}.tmp`);
    const handle = await open(temp, 'w');
    let size = 0;
    const put = async (text: string) => {
      const bytes = Buffer.from(text, 'utf8');
      size += bytes.length;
      await handle.write(bytes);
    };
    try {
      await put(head.slice(0, -1) + ',"items":[');
      const items = [...state.items.values()];
      for (let i = 0; i < items.length; i += ITEMS_PER_CHUNK) {
        await put((i > 0 ? ',' : '') + items.slice(i, i + ITEMS_PER_CHUNK).map((item) => JSON.stringify(item)).join(','));
      }
      await put(']}');
      // Synced before the rename, so the journal it replaces is never dropped for a file not yet on disk.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, this.file);
    return size;
  }
}
