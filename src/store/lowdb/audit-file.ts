import { createReadStream } from 'node:fs';
import { appendFile, stat, truncate } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { AuditEntrySchema, type AuditEntry } from '../../audit/audit-entry.js';
import type { AuditQuery } from '../store.js';

/** Every this many entries the file offset is remembered, so a page deep in the log is found fast. */
const INDEX_EVERY = 256;
const SEQ_PREFIX = /^\{"seq":(\d+),/;

/**
 * The audit log on disk: NDJSON, one entry per line, appended in chain order. It is never held
 * in memory: reads stream the file from the nearest remembered offset.
 */
export class AuditFile {
  /** [seq, byte offset of its line], every INDEX_EVERY entries */
  readonly #index: Array<[number, number]> = [];
  #size: number;
  #lastSeq: number;
  #tail: Promise<void> = Promise.resolve();

  private constructor(
    readonly file: string,
    size: number,
    lastSeq: number,
    private readonly onWrite: (bytes: number) => void,
  ) {
    this.#size = size;
    this.#lastSeq = lastSeq;
  }

  /** Reads the file once to index it; a line cut short by a crash at the end is dropped. */
  static async open(file: string, notices: string[], onWrite: (bytes: number) => void): Promise<AuditFile> {
    const size = await stat(file).then((s) => s.size, () => 0);
    const audit = new AuditFile(file, 0, 0, onWrite);
    if (size === 0) return audit;
    let offset = 0;
    let lineNo = 0;
    let last = null as { at: number; text: string; seq: number } | null;
    let torn: { at: number; text: string } | null = null;
    for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
      lineNo++;
      if (line.trim() === '') {
        offset += Buffer.byteLength(line, 'utf8') + 1;
        continue;
      }
      if (torn) throw new Error(`${file}: line ${lineNo - 1} is not an audit entry`);
      const seq = Number(SEQ_PREFIX.exec(line)?.[1]);
      if (!Number.isInteger(seq) || seq !== (last?.seq ?? 0) + 1) torn = { at: offset, text: line };
      else {
        last = { at: offset, text: line, seq };
        audit.#remember(seq, offset);
      }
      offset += Buffer.byteLength(line, 'utf8') + 1;
    }
    // Only the last line can be cut short, and only a full parse tells: its start may look right.
    if (!torn && last && parseEntry(last.text) === undefined) {
      torn = last;
      audit.#forget(last.seq);
    }
    if (torn) {
      await truncate(file, torn.at);
      notices.push(`${file}: dropped an incomplete last line left by a crash (${torn.text.length} bytes)`);
      offset = torn.at;
    }
    audit.#size = offset;
    return audit;
  }

  get lastSeq(): number {
    return this.#lastSeq;
  }

  /** Appends entries after the ones before them; resolves once written. */
  append(entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return this.#tail;
    const lines: string[] = [];
    let offset = this.#size;
    for (const entry of entries) {
      const line = JSON.stringify(entry) + '\n';
      this.#remember(entry.seq, offset);
      offset += Buffer.byteLength(line, 'utf8');
      lines.push(line);
    }
    this.#size = offset;
    const text = lines.join('');
    const written = this.#tail.then(async () => {
      await appendFile(this.file, text, 'utf8');
      this.onWrite(Buffer.byteLength(text, 'utf8'));
    });
    // A failed append fails its caller (the store then refuses every change); later ones still queue.
    this.#tail = written.catch(() => undefined);
    return written;
  }

  idle(): Promise<void> {
    return this.#tail;
  }

  /** Entries after `afterSeq` matching the query, oldest first, streamed from disk. */
  async *stream(query: AuditQuery & { afterSeq?: number }): AsyncGenerator<AuditEntry> {
    await this.#tail;
    const after = query.afterSeq ?? 0;
    const known = this.#size;
    if (known === 0 || after >= this.#lastSeq) return;
    const start = this.#index.findLast(([seq]) => seq <= after + 1)?.[1] ?? 0;
    const input = createReadStream(this.file, { encoding: 'utf8', start, end: known - 1 });
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      const seq = Number(SEQ_PREFIX.exec(line)?.[1]);
      if (!(seq > after)) continue;
      // Cheap text checks first: most lines of a big log belong to other pauses.
      if (query.pauseId && !line.includes(`"pauseId":${JSON.stringify(query.pauseId)}`)) continue;
      const entry = parseEntry(line);
      if (!entry) throw new Error(`${this.file}: entry ${seq} cannot be read`);
      if (query.since && entry.at < query.since) continue;
      yield entry;
    }
  }

  /** Un-remembers the last entry (its line turned out to be cut short). */
  #forget(seq: number): void {
    if (this.#index.at(-1)?.[0] === seq) this.#index.pop();
    this.#lastSeq = seq - 1;
  }

  #remember(seq: number, offset: number): void {
    if ((seq - 1) % INDEX_EVERY === 0) this.#index.push([seq, offset]);
    this.#lastSeq = seq;
  }
}

function parseEntry(line: string): AuditEntry | undefined {
  try {
    const parsed = AuditEntrySchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
