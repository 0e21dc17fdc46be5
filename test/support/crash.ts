// A crash, as the disk sees it: the data directory copied at one instant (synchronously, so no
// code of the running service moves in between), for a new service to start on.
import { copyFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AUDIT_FILE } from '../../src/store/lowdb/lowdb-store.js';
import { storeFiles } from '../../src/store/lowdb/on-disk.js';

export function dataDirAtCrash(dataDir: string): string {
  const copy = mkdtempSync(path.join(os.tmpdir(), 'crisis-pause-crashed-'));
  // The audit log first: it may lag the journal (the journal puts it right), never lead it.
  const files = storeFiles(dataDir).sort((a, b) => Number(b === AUDIT_FILE) - Number(a === AUDIT_FILE));
  for (const file of files) copyFileSync(path.join(dataDir, file), path.join(copy, file));
  return copy;
}
