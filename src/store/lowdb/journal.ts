import { createReadStream } from 'node:fs';
import { open, readdir, rm, stat, truncate } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { TransactionSchema, type Op } from './ops.js';

const NAME = /^journal-(\d{6})\.ndjson$/;
export const journalFile = (dir: string, generation: number): string => path.join(dir, `journal-${String(generation).padStart(6, '0')}.ndjson`);

interface Waiter {
  line: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * The append-only journal: one line per committed transaction. A transaction is durable once its
 * line is written and synced; lines asked for in the same turn of the event loop share one write
 * and one sync. Compaction starts a new generation (a new file) so the old one can be dropped
 * once a snapshot covers it. The file is opened by its path for each write, so a data directory
 * removed or unmounted under the service fails the write instead of feeding a deleted file.
 */
export class Journal {
  #generation: number;
  #pending: Waiter[] = [];
  #flushing: Promise<void> | null = null;
  #scheduled = false;
  /** bytes in the current generation's file */
  size = 0;

  private constructor(
    generation: number,
    size: number,
    private readonly dir: string,
    private readonly onWrite: (bytes: number) => void,
  ) {
    this.#generation = generation;
    this.size = size;
  }

  static async open(dir: string, generation: number, onWrite: (bytes: number) => void): Promise<Journal> {
    const size = await stat(journalFile(dir, generation)).then((s) => s.size, () => 0);
    return new Journal(generation, size, dir, onWrite);
  }

  get generation(): number {
    return this.#generation;
  }

  /** Resolves once the line is on disk. */
  append(line: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ line, resolve, reject });
      if (!this.#scheduled) {
        this.#scheduled = true;
        setImmediate(() => void this.#flush());
      }
    });
  }

  async #flush(): Promise<void> {
    while (this.#flushing) await this.#flushing;
    this.#scheduled = false;
    const batch = this.#pending;
    this.#pending = [];
    if (batch.length === 0) return;
    const text = Buffer.from(batch.map((w) => w.line + '\n').join(''), 'utf8');
    this.#flushing = (async () => {
      const handle = await open(journalFile(this.dir, this.#generation), 'a');
      try {
        await handle.write(text);
        await handle.datasync();
      } finally {
        await handle.close();
      }
      this.size += text.length;
      this.onWrite(text.length);
    })();
    try {
      await this.#flushing;
      for (const w of batch) w.resolve();
    } catch (error) {
      for (const w of batch) w.reject(error);
    } finally {
      this.#flushing = null;
    }
  }

  /** Waits for lines asked for so far. */
  async idle(): Promise<void> {
    while (this.#pending.length > 0 || this.#flushing) {
      if (this.#flushing) await this.#flushing.catch(() => undefined);
      else await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Writes go to a new file from now on; returns the generation that was current. */
  async rotate(): Promise<number> {
    await this.idle();
    const old = this.#generation;
    this.#generation = old + 1;
    this.size = 0;
    return old;
  }

  /** Drops the files of generations before `generation` (a snapshot now covers them). */
  async dropBefore(generation: number): Promise<void> {
    for (const g of await generations(this.dir)) if (g < generation) await rm(journalFile(this.dir, g), { force: true });
  }

  async close(): Promise<void> {
    await this.idle();
  }
}

export async function generations(dir: string): Promise<number[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names
    .map((n) => NAME.exec(n)?.[1])
    .filter((g): g is string => g !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

/**
 * The transactions of every journal file from `generation` on, oldest first. The last line of the
 * last file may be cut short by a crash mid-write: that transaction never committed, so it is
 * dropped (and said). A bad line anywhere else means the file is damaged: stop, do not guess.
 */
export async function* replay(dir: string, generation: number, notices: string[]): AsyncGenerator<Op[]> {
  const files = (await generations(dir)).filter((g) => g >= generation);
  for (const [index, g] of files.entries()) {
    const file = journalFile(dir, g);
    const last = index === files.length - 1;
    let offset = 0;
    let lineNo = 0;
    let torn: { at: number; bytes: number } | null = null;
    for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
      lineNo++;
      const bytes = Buffer.byteLength(line, 'utf8') + 1;
      if (torn) throw new Error(`${file}: line ${lineNo - 1} is not a journal entry`);
      const parsed = line.trim() === '' ? null : TransactionSchema.safeParse(parseOrUndefined(line));
      if (parsed?.success) yield parsed.data.ops;
      else if (parsed) torn = { at: offset, bytes };
      offset += bytes;
    }
    if (torn) {
      if (!last) throw new Error(`${file}: its last line is not a journal entry`);
      await truncate(file, torn.at);
      notices.push(`${file}: dropped an incomplete last transaction left by a crash (${torn.bytes} bytes)`);
    }
  }
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
