import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { AdapterRegistry } from '../../adapters/registry.js';
import type { PlatformAdapter } from '../../adapters/types.js';
import { ConfigError, describeIssues, formatPath } from './config-error.js';
import { EnvSchema, type Env } from './env.js';
import { ConfigSchema, type Config, type ConnectionConfig } from './schema.js';

/** A configured connection and its adapter; `problems` say why it cannot be used, if it cannot. */
export interface ConnectionSpec {
  config: ConnectionConfig;
  adapter: PlatformAdapter;
  /** the adapter's parsed settings (the raw ones when they are not valid) */
  settings: unknown;
  /** what is wrong with this connection's settings, account ids or credential names */
  problems: string[];
}

export function loadEnv(source: NodeJS.ProcessEnv): Env {
  // A variable set to nothing (`PORT=` in a compose file or .env) counts as unset, as shells and
  // most tools treat it: coerced, an empty PORT would become 0 and bind a random port silently.
  const set = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ''));
  const parsed = EnvSchema.safeParse(set);
  if (!parsed.success) throw new ConfigError('environment', describeIssues(parsed.error.issues));
  return parsed.data;
}

/** The folder holding package.json, found from this file so it works from src/ and dist/. */
export function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

export const defaultConfigFile = (): string => path.join(projectRoot(), 'config', 'default.json');

export function loadConfigFile(file: string): Config {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(file, [`cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(file, [`is not valid JSON: ${(error as Error).message}`]);
  }
  return parseConfig(raw, file);
}

export function parseConfig(raw: unknown, source = 'config'): Config {
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(source, describeIssues(parsed.error.issues));
  return parsed.data;
}

/**
 * Checks each connection against its adapter. An unknown platform stops the start (there is
 * nothing to describe it by); anything else wrong with one connection — settings, account ids,
 * credential names — makes that connection unusable, said at start and in /v1/connections,
 * while the others work: a typo in one platform's settings must not stop a crisis pause.
 */
export function checkConnections(config: Config, registry: AdapterRegistry, source = 'config'): ConnectionSpec[] {
  const unknown: string[] = [];
  const specs: ConnectionSpec[] = [];
  config.connections.forEach((connection, i) => {
    const at = (...rest: PropertyKey[]) => formatPath(['connections', i, ...rest]);
    const adapter = registry.get(connection.platform);
    if (!adapter) {
      unknown.push(`${at('platform')}: unknown platform "${connection.platform}" (known: ${registry.platforms().join(', ')})`);
      return;
    }
    const problems: string[] = [];
    for (const key of adapter.credentialKeys) {
      if (!connection.credentials[key])
        problems.push(`${at('credentials', key)}: ${adapter.platform} needs "${key}", named by an environment variable`);
    }
    const takes = [...adapter.credentialKeys, ...(adapter.optionalCredentialKeys ?? [])];
    for (const key of Object.keys(connection.credentials)) {
      if (!takes.includes(key)) problems.push(`${at('credentials', key)}: ${adapter.platform} takes no credential "${key}" (it takes ${takes.join(', ')})`);
    }
    if (adapter.accountIds.required && connection.accountIds.length === 0)
      problems.push(`${at('accountIds')}: ${adapter.platform} needs at least one ${adapter.accountIds.label.replace(/s$/, '')}`);
    // Strict like the rest of the config: adapters declare plain objects, which would drop a
    // misspelt setting (`lookAheadWeeks`) without a word and run on the default instead.
    const schema = adapter.settingsSchema instanceof z.ZodObject ? adapter.settingsSchema.strict() : adapter.settingsSchema;
    const settings = schema.safeParse(connection.settings);
    if (!settings.success) for (const issue of settings.error.issues) problems.push(`${at('settings', ...issue.path)}: ${issue.message}`);
    specs.push({ config: connection, adapter, settings: settings.success ? settings.data : connection.settings, problems });
  });
  if (unknown.length > 0) throw new ConfigError(source, unknown);
  return specs;
}
