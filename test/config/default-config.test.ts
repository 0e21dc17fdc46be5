// config/default.json: valid as shipped, with the playbook's ladder and a sandbox connection per adapter.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_ADAPTERS, createRegistry } from '../../adapters/registry.js';
import { checkConnections, defaultConfigFile, loadConfigFile, parseConfig } from '../../src/config/load.js';

describe('config/default.json', () => {
  const file = defaultConfigFile();

  it('is the file under config/ of the project', () => {
    expect(file.replaceAll('\\', '/')).toMatch(/\/config\/default\.json$/);
  });

  it('parses, and every connection is accepted by its adapter', () => {
    const config = loadConfigFile(file);
    const specs = checkConnections(config, createRegistry(), file);
    expect(specs.map((s) => s.config.id)).toEqual(config.connections.map((c) => c.id));
    // Parsing is idempotent: what loadConfigFile returns is itself a valid config.
    expect(parseConfig(config)).toEqual(config);
  });

  it('has the ladder 1 watch = posts, 2 crisis = posts + ads, 3 red-alert = posts + ads + emails', () => {
    const { severities } = loadConfigFile(file);
    expect(severities.map((s) => ({ level: s.level, name: s.name, kinds: s.kinds }))).toEqual([
      { level: 1, name: 'watch', kinds: ['post'] },
      { level: 2, name: 'crisis', kinds: ['post', 'ad'] },
      { level: 3, name: 'red-alert', kinds: ['post', 'ad', 'email'] },
    ]);
    for (const s of severities) expect(s.label).toEqual(expect.any(String));
  });

  it('has a sandbox connection for every built-in adapter, each credential named by an environment variable', () => {
    const { connections } = loadConfigFile(file);
    for (const adapter of BUILT_IN_ADAPTERS) {
      const own = connections.filter((c) => c.platform === adapter.platform && c.sandbox);
      expect(own.length, adapter.platform).toBeGreaterThan(0);
      for (const c of own) expect(Object.keys(c.credentials).sort()).toEqual([...adapter.credentialKeys].sort());
    }
    for (const c of connections) for (const variable of Object.values(c.credentials)) expect(variable).toMatch(/^[A-Z_][A-Z0-9_]*$/);
  });

  it('holds no credential and no real endpoint: only sandbox connections, no base URL overrides', () => {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { connections: Array<Record<string, unknown>> };
    for (const c of raw.connections) {
      expect(c.sandbox).toBe(true);
      expect(c).not.toHaveProperty('baseUrl');
    }
  });

  it('carries the playbook: the scale, people, contacts, plans, statements, netiquette, monitoring and the steps per severity', () => {
    const config = loadConfigFile(file);
    const { playbook } = config;
    expect(playbook.scale.map((r) => r.severity)).toEqual(config.severities.map((s) => s.level));
    expect(new Set(playbook.contacts.map((c) => c.team))).toEqual(new Set(['legal', 'pr', 'marketing', 'executive', 'crisis-team']));
    for (const c of playbook.contacts) {
      expect(c.email, c.id).toMatch(/@example\.com$/);
      expect(c.phone, c.id).toMatch(/^\+1 202 555 01\d\d$/);
    }
    for (const list of [playbook.internalCommunication, playbook.approvalPath, playbook.statements, playbook.netiquette, playbook.monitoring]) expect(list.length).toBeGreaterThan(2);
    expect(playbook.netiquette.join(' ')).toMatch(/personally.*never an automatic.*never ignore, delete or hide criticism.*never confront.*phone number/is);
    expect(playbook.monitoring.join(' ')).toMatch(/brands.*products.*competitors.*influencers.*complaints.*CEO.*industry keywords/is);
    // The playbook's own order: judge first, the guard kept up to the end; each rung adds steps.
    expect(playbook.steps.map((s) => [s.id, s.fromSeverity])).toEqual([
      ['judge', 1],
      ['check-suspended', 1],
      ['answer-personally', 1],
      ['acknowledge', 2],
      ['brief-leaders', 2],
      ['inform-company', 2],
      ['keep-updating', 2],
      ['official-statement', 3],
      ['do-not-lower-guard', 1],
    ]);
    const briefing = playbook.steps.find((s) => s.id === 'brief-leaders')!;
    expect(briefing.contacts.map((id) => playbook.contacts.find((c) => c.id === id)!.team).sort()).toEqual(['executive', 'executive', 'legal', 'marketing', 'pr']);
    expect(config.resume.missed).toBe('hold');
    expect(config.execution.retries).toBeGreaterThan(0);
  });
});

describe('config/example.production.json', () => {
  it('is valid: real connections, credentials named by variable, no sandbox, the playbook as a template', () => {
    const file = defaultConfigFile().replace(/default\.json$/, 'example.production.json');
    const config = loadConfigFile(file);
    const specs = checkConnections(config, createRegistry(), file);
    expect(specs.length).toBeGreaterThan(2);
    for (const { config: c } of specs) {
      expect(c.sandbox).toBe(false);
      for (const variable of Object.values(c.credentials)) expect(variable).toMatch(/^[A-Z_][A-Z0-9_]*$/);
    }
    expect(config.playbook.steps.length).toBeGreaterThan(5);
    for (const contact of config.playbook.contacts) expect(contact.email).toMatch(/@your-company\.example$/);
  });
});
