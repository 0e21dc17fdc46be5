// Prints the item states of one pause as the store's files on disk hold them (not as the
// service's memory does). Run in a process of its own: reading 10,000 items would otherwise land
// in the service's heap and RSS, the very figures the benchmark measures.
import { onDisk } from '../src/store/lowdb/on-disk.js';

const [dataDir, pauseId] = process.argv.slice(2);
const counts: Record<string, number> = {};
for (const item of onDisk(dataDir!).items) if (item.pauseId === pauseId) counts[item.state] = (counts[item.state] ?? 0) + 1;
process.stdout.write(JSON.stringify(counts));
