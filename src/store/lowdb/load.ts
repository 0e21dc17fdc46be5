import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AuditEntry } from '../../audit/audit-entry.js';
import { AuditFile } from './audit-file.js';
import { generations, Journal, replay } from './journal.js';
import { SnapshotFile } from './snapshot-file.js';
import { StoreState } from './state.js';

export const DATA_FILE = 'crisis-pause.json';
export const AUDIT_FILE = 'audit.ndjson';

/**
 * Reads a data directory the way a restart must: the snapshot, then every journal line after it
 * (a line cut short by a crash dropped), then the audit log, completed from the journal when a
 * crash came between the two. Refuses, naming the file, whatever it cannot trust.
 */
export async function loadFiles(dataDir: string, notices: string[], wrote: (bytes: number) => void) {
  await mkdir(dataDir, { recursive: true });
  const snapshotFile = new SnapshotFile(path.join(dataDir, DATA_FILE));
  const snapshot = await snapshotFile.read();
  const state = snapshot ? StoreState.from(snapshot) : new StoreState();
  const audit = await AuditFile.open(path.join(dataDir, AUDIT_FILE), notices, wrote);
  const generation = snapshot?.generation ?? 1;
  // Entries the journal committed but the audit file never got (a crash in between).
  const unwritten: AuditEntry[] = [];
  for await (const ops of replay(dataDir, generation, notices)) {
    for (const op of ops) {
      state.apply(op);
      if (op.t === 'audit' && op.v.seq > audit.lastSeq) unwritten.push(op.v);
    }
  }
  await appendUnwritten(audit, unwritten, notices);
  if (state.auditHead.seq !== audit.lastSeq)
    throw new Error(`${audit.file} ends at entry ${audit.lastSeq} but the data says ${state.auditHead.seq}: the audit log was changed or lost`);
  const journal = await Journal.open(dataDir, Math.max(generation, ...(await generations(dataDir))), wrote);
  const snapshotSize = snapshot ? (await stat(snapshotFile.file)).size : 0;
  return { state, files: { audit, journal, snapshot: snapshotFile }, snapshotSize };
}

async function appendUnwritten(audit: AuditFile, entries: AuditEntry[], notices: string[]): Promise<void> {
  if (entries.length === 0) return;
  entries.sort((a, b) => a.seq - b.seq);
  if (entries[0]!.seq !== audit.lastSeq + 1) throw new Error(`${audit.file}: entries ${audit.lastSeq + 1}–${entries[0]!.seq - 1} are missing`);
  await audit.append(entries);
  notices.push(`${audit.file}: wrote ${entries.length} audit entries the journal held but a crash kept from the log`);
}
