// Simulators stay out of the production import graph: starting from src/main.ts and following
// every import that survives compilation (not `import type`, not a dynamic `import()`), no
// simulator, seed or sandbox module is loaded. A process that runs no sandbox never loads them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

// `import x from`, `import { a, type b } from` (kept, as verbatimModuleSyntax keeps it),
// `export … from`, `import './side-effect'`; not `import type` nor `export type`.
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolve(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null; // a package
  const file = path.resolve(path.dirname(from), specifier).replace(/\.js$/, '.ts');
  if (!existsSync(file)) throw new Error(`${path.relative(ROOT, from)} imports ${specifier}, which does not exist`);
  return file;
}

/** Every module loaded when `entry` is, as paths relative to the repository. */
function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [path.join(ROOT, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    const relative = path.relative(ROOT, file);
    if (seen.has(relative)) continue;
    seen.add(relative);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      const target = resolve(file, specifier!);
      if (target) queue.push(target);
    }
  }
  return seen;
}

const SIMULATOR_CODE = [/^src\/sandbox\//, /^adapters\/[^/]+\/simulator[^/]*\.ts$/, /^adapters\/[^/]+\/seed\.ts$/, /^adapters\/kit\/simulator\//];

describe('the production import graph', () => {
  it('loads no simulator, seed or sandbox module from src/main.ts', () => {
    const graph = staticGraph('src/main.ts');
    expect(graph.size).toBeGreaterThan(40);
    expect(graph).toContain('adapters/registry.ts');
    expect(graph).toContain('adapters/hootsuite/adapter.ts');
    expect([...graph].filter((file) => SIMULATOR_CODE.some((pattern) => pattern.test(file)))).toEqual([]);
  });

  it('reaches the sandbox and each simulator only through a dynamic import', () => {
    const dynamic = (file: string) => [...readFileSync(path.join(ROOT, file), 'utf8').matchAll(DYNAMIC_IMPORT)].map((m) => m[1]);
    expect(dynamic('src/main.ts')).toEqual(['./sandbox/sandbox.js']);
    const platforms = readdirSync(path.join(ROOT, 'adapters'), { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== 'kit');
    expect(platforms.length).toBeGreaterThanOrEqual(3);
    for (const { name } of platforms) expect(dynamic(`adapters/${name}/adapter.ts`), name).toEqual(['./simulator.js']);
    // and the sandbox, once loaded, does load them (the walk does follow what it should)
    expect([...staticGraph('adapters/hootsuite/simulator.ts')]).toContain('adapters/kit/simulator/build-simulator.ts');
  });
});
