// The embedded lowdb store meets the store contract.
import { rm } from 'node:fs/promises';
import { LowdbStore } from '../../src/store/lowdb/lowdb-store.js';
import { runStoreContract } from './contract.js';
import { tempDir } from './fixtures.js';

runStoreContract({
  name: 'lowdb',
  create: tempDir,
  open: (dir) => LowdbStore.open(dir),
  destroy: (dir) => rm(dir, { recursive: true, force: true }),
});
