// The sandbox's worlds on disk: one JSON file per connection (`<connection id>.json`), written
// atomically (a temporary file renamed over the old one), at most once per `debounceMs` while
// changes come, and on close. So a restart finds the platforms as they were: an active pause
// still shows its items suspended.
import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { JsonValue } from '../../adapters/types.js';

const fileSchema = z.object({ platform: z.string(), savedAt: z.string(), world: z.json() });

export class WorldFiles {
  /** problems met while reading (a file set aside), for the operator's log */
  readonly notices: string[] = [];
  readonly #pending = new Map<string, { platform: string; exportWorld: () => JsonValue }>();
  readonly #writing = new Map<string, Promise<void>>();
  #timer: NodeJS.Timeout | null = null;

  constructor(
    readonly dir: string,
    private readonly debounceMs = 200,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  fileOf(connectionId: string): string {
    return path.join(this.dir, `${connectionId}.json`);
  }

  /** The saved world of a connection, or undefined (none yet, or unreadable: set aside). */
  read(connectionId: string, platform: string): JsonValue | undefined {
    const file = this.fileOf(connectionId);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    let parsed: z.infer<typeof fileSchema> | null = null;
    try {
      parsed = fileSchema.parse(JSON.parse(text));
    } catch {
      parsed = null;
    }
    if (parsed && parsed.platform === platform) return parsed.world as JsonValue;
    const aside = `${file}.unreadable-${Date.now()}`;
    renameSync(file, aside);
    this.notices.push(`sandbox world of ${connectionId} could not be read as a ${platform} world: moved to ${aside}, seeding afresh`);
    return undefined;
  }

  /** Saves this connection's world soon; changes until then are saved with it. */
  schedule(connectionId: string, platform: string, exportWorld: () => JsonValue): void {
    this.#pending.set(connectionId, { platform, exportWorld });
    this.#timer ??= setTimeout(() => void this.flush(), this.debounceMs);
  }

  /** Writes every pending world now. */
  async flush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const due = [...this.#pending];
    this.#pending.clear();
    await Promise.all(due.map(([id, world]) => this.#write(id, world.platform, world.exportWorld())));
    await Promise.all(this.#writing.values());
  }

  // One write at a time per file, each a rename of a complete temporary file.
  #write(connectionId: string, platform: string, world: JsonValue): Promise<void> {
    const file = this.fileOf(connectionId);
    const text = JSON.stringify({ platform, savedAt: new Date().toISOString(), world });
    const previous = this.#writing.get(connectionId) ?? Promise.resolve();
    const next = previous.then(async () => {
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, text);
      await rename(temporary, file);
    });
    this.#writing.set(connectionId, next.catch(() => undefined));
    return next;
  }
}
