// Recomputes the audit chain from the log on disk: each entry's sequence follows the one before,
// its `prevHash` is that entry's hash, and its `hash` is the SHA-256 of its own canonical JSON
// with that `prevHash`. The last entry must be the store's recorded head, so a log cut short at
// the end is caught too. Streams entry by entry: never the whole log in memory.
import { hashEntry } from './audit-chain.js';
import { GENESIS, type AuditEntry, type AuditHead } from './audit-entry.js';

export type ChainVerdict =
  | { ok: true; entries: number; head: AuditHead }
  | { ok: false; entries: number; brokenAt: { seq: number; id: string | null }; reason: string };

export async function verifyChain(log: AsyncIterable<AuditEntry>, recordedHead: AuditHead): Promise<ChainVerdict> {
  let previous: AuditHead = GENESIS;
  let count = 0;
  for await (const entry of log) {
    const broken = (reason: string): ChainVerdict => ({ ok: false, entries: count, brokenAt: { seq: entry.seq, id: entry.id }, reason });
    if (entry.seq !== previous.seq + 1) return broken(`sequence ${entry.seq} follows ${previous.seq}: entries are missing or out of order`);
    if (entry.prevHash !== previous.hash) return broken("its prevHash is not the previous entry's hash");
    const { hash, ...body } = entry;
    if (hashEntry(body) !== hash) return broken('its content does not match its hash: it was changed');
    previous = { seq: entry.seq, hash };
    count++;
  }
  if (previous.seq !== recordedHead.seq || previous.hash !== recordedHead.hash)
    return { ok: false, entries: count, brokenAt: { seq: previous.seq + 1, id: null }, reason: `the log ends at ${previous.seq}, the store recorded ${recordedHead.seq}: entries were removed from the end` };
  return { ok: true, entries: count, head: previous };
}
