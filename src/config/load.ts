import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { AdapterRegistry } from '../../adapters/registry.js';
import type { PlatformAdapter } from '../../adapters/types.js';
import { ConfigError, describeIssues, formatPath } from './config-error.js';
import { EnvSchema, type Env } from './env.js';
import { ConfigSchema, type Config, type ConnectionConfig } from './schema.js';

/** A configured connection whose platform and settings the adapter accepted. */
export interface ConnectionSpec {
  config: ConnectionConfig;
  adapter: PlatformAdapter;
  settings: unknown;
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

/** Checks each connection against its adapter: known platform, credentials named, settings valid. */
export function checkConnections(config: Config, registry: AdapterRegistry, source = 'config'): ConnectionSpec[] {
  const problems: string[] = [];
  const specs: ConnectionSpec[] = [];
  config.connections.forEach((connection, i) => {
    const at = (...rest: PropertyKey[]) => formatPath(['connections', i, ...rest]);
    const adapter = registry.get(connection.platform);
    if (!adapter) {
      problems.push(`${at('platform')}: unknown platform "${connection.platform}" (known: ${registry.platforms().join(', ')})`);
      return;
    }
    for (const key of adapter.credentialKeys) {
      if (!connection.credentials[key])
        problems.push(`${at('credentials', key)}: ${adapter.platform} needs "${key}", named by an environment variable`);
    }
    for (const key of Object.keys(connection.credentials)) {
      if (!adapter.credentialKeys.includes(key))
        problems.push(`${at('credentials', key)}: ${adapter.platform} takes no credential "${key}" (it takes ${adapter.credentialKeys.join(', ')})`);
    }
    if (adapter.accountIds.required && connection.accountIds.length === 0)
      problems.push(`${at('accountIds')}: ${adapter.platform} needs at least one ${adapter.accountIds.label.replace(/s$/, '')}`);
    // Strict like the rest of the config: adapters declare plain objects, which would drop a
    // misspelt setting (`lookAheadWeeks`) without a word and run on the default instead.
    const schema = adapter.settingsSchema instanceof z.ZodObject ? adapter.settingsSchema.strict() : adapter.settingsSchema;
    const settings = schema.safeParse(connection.settings);
    if (!settings.success) {
      for (const issue of settings.error.issues) problems.push(`${at('settings', ...issue.path)}: ${issue.message}`);
      return;
    }
    specs.push({ config: connection, adapter, settings: settings.data });
  });
  if (problems.length > 0) throw new ConfigError(source, problems);
  return specs;
}
