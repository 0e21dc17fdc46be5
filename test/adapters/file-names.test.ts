// Every adapter folder ported onto the kit holds the same files (adapters/kit/README.md, "The
// files of a platform folder"): a reader finds the same thing in the same place on every platform.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ADAPTERS = path.resolve(import.meta.dirname, '../../adapters');
/** Every platform folder (all but the kit): each is on the kit. */
const PORTED = readdirSync(ADAPTERS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'kit')
  .map((entry) => entry.name);

const REQUIRED = ['README.md', 'adapter.ts', 'api.ts', 'schemas.ts', 'signals.ts', 'mappers.ts', 'operations.ts', 'simulator.ts', 'simulator-world.ts', 'seed.ts'];
/** A file beyond the set carries one of its stems and a topic: api-campaigns.ts, simulator-listing.ts. */
const STEMS = ['adapter', 'api', 'schemas', 'signals', 'mappers', 'operations', 'simulator', 'simulator-world', 'seed'];
const EXTRA = new RegExp(`^(${STEMS.join('|')})-[a-z0-9]+(-[a-z0-9]+)*\\.ts$`);

describe.each(PORTED)('adapters/%s', (platform) => {
  const dir = path.join(ADAPTERS, platform);
  const files = readdirSync(dir);

  it('holds the set of files, and nothing that does not extend one of them', () => {
    for (const file of REQUIRED) expect(files, file).toContain(file);
    const others = files.filter((f) => !REQUIRED.includes(f));
    for (const file of others) expect(file, `${platform}/${file} is not named after a file of the set`).toMatch(EXTRA);
  });

  it('has a vendor doc link above each endpoint function in its api files', () => {
    for (const file of files.filter((f) => /^api(-.+)?\.ts$/.test(f))) {
      const lines = readFileSync(path.join(dir, file), 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (!/^export (async )?function /.test(line)) return;
        const comments = lines.slice(Math.max(0, i - 6), i).filter((l) => l.startsWith('//') || l.startsWith(' *') || l.startsWith('/**'));
        expect(comments.join('\n'), `${file}:${i + 1} ${line}`).toMatch(/https:\/\//);
      });
    }
  });

  it('reaches the network only through the kit: no axios, fetch or own HTTP client', () => {
    for (const file of files.filter((f) => f.endsWith('.ts') && !f.startsWith('simulator') && f !== 'seed.ts')) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      expect(text, file).not.toMatch(/from '(axios|undici|node:https?)'|await fetch\(|createHttpClient|createTransport/);
    }
  });
});
