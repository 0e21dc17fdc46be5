// The default config cut down to Acme's three core connections (test/support/service.ts,
// CORE_CONNECTIONS), as a file: for the end-to-end tests of the core (crash recovery, random
// kills, restarts) that start real processes. The whole default config has its own e2e test.
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultConfigFile } from '../../src/config/load.js';
import { CORE_CONNECTIONS } from './service.js';

type Raw = Record<string, any>;

/** The raw default config on the core connections, in the order of CORE_CONNECTIONS (hootsuite, meta-ads, mailchimp). */
export function coreConfigRaw(): Raw {
  const raw = JSON.parse(readFileSync(defaultConfigFile(), 'utf8')) as Raw;
  // One key drives these runs: no second lead to approve a resume.
  return { ...raw, manual: [], resume: { ...raw.resume, approvalFrom: null }, connections: CORE_CONNECTIONS.map((id) => raw.connections.find((c: Raw) => c.id === id)) };
}

/** Writes the core config (changed by `edit`) into `dir`; answers its path. */
export async function writeCoreConfig(dir: string, edit: (raw: Raw) => void = () => undefined, name = 'config.json'): Promise<string> {
  const raw = coreConfigRaw();
  edit(raw);
  const file = path.join(dir, name);
  await writeFile(file, JSON.stringify(raw, null, 2));
  return file;
}
