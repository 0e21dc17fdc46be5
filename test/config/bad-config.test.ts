// A bad config is refused with a ConfigError whose message names the field (parseConfig, then
// checkConnections against the adapter registry), as main.ts does at boot. What is wrong with one
// connection alone (its settings, account ids, credential names) makes that connection unusable
// instead, named the same way: the other platforms must still be paused in a crisis.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRegistry } from '../../adapters/registry.js';
import { ConfigError } from '../../src/config/config-error.js';
import { checkConnections, loadConfigFile, parseConfig } from '../../src/config/load.js';
import { coreConfigRaw } from '../support/core-config.js';

type Raw = Record<string, any>;
/** The default config on Acme's three core connections, in this order: hootsuite, meta-ads, mailchimp. */
const base = (): Raw => coreConfigRaw();

/** The ConfigError a raw config is refused with. */
function refusal(raw: Raw): ConfigError {
  try {
    checkConnections(parseConfig(raw, 'test.json'), createRegistry(), 'test.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('the config was accepted');
}

/** `base()` changed by `edit`. */
const edited = (edit: (raw: Raw) => void): Raw => {
  const raw = base();
  edit(raw);
  return raw;
};

describe('a bad config is refused, naming the field', () => {
  it.each<[string, (raw: Raw) => void, string, RegExp]>([
    ['an unknown platform', (r) => (r.connections[0].platform = 'myspace'), 'connections[0].platform', /unknown platform "myspace" \(known: hootsuite, meta-ads, mailchimp, [a-z, -]+\)/],
    ['a credential written inline', (r) => (r.connections[1].credentials.accessToken = 'EAAB9xkZCZBsecret'), 'connections[1].credentials.accessToken', /must name an environment variable/],
    ['a lower-case variable name', (r) => (r.connections[0].credentials.accessToken = 'hootsuite_token'), 'connections[0].credentials.accessToken', /environment variable/],
    ['levels not ascending', (r) => (r.severities[2].level = 2), 'severities[2].level', /unique and ascending/],
    ['levels descending', (r) => r.severities.reverse(), 'severities[1].level', /unique and ascending/],
    ['a duplicate severity name', (r) => (r.severities[1].name = 'watch'), 'severities[1].name', /duplicate severity name "watch"/],
    ['a rung missing a kind of the rung below', (r) => (r.severities[2].kinds = ['ad', 'email']), 'severities[2].kinds', /must include every kind of "crisis"/],
    ['an unknown kind', (r) => (r.severities[0].kinds = ['tweet']), 'severities[0].kinds[0]', /./],
    ['a rung with no kinds', (r) => (r.severities[0].kinds = []), 'severities[0].kinds', /./],
    ['no severities', (r) => (r.severities = []), 'severities', /./],
    ['a duplicate connection id', (r) => (r.connections[2].id = 'hootsuite-acme'), 'connections[2].id', /duplicate connection id "hootsuite-acme"/],
    ['a connection id that is not a slug', (r) => (r.connections[0].id = 'Hootsuite Acme'), 'connections[0].id', /lower-case/],
    ['an unknown top-level field', (r) => (r.severitys = []), '(root)', /severitys/],
    ['an unknown connection field', (r) => (r.connections[0].token = 'x'), 'connections[0]', /token/],
    ['an unknown execution field', (r) => (r.execution.retry = 3), 'execution', /retry/],
    ['an invalid missed policy', (r) => (r.resume.missed = 'skip'), 'resume.missed', /./],
    ['a base URL that is not a URL', (r) => (r.connections[0].baseUrl = 'hootsuite'), 'connections[0].baseUrl', /./],
    ['too many retries', (r) => (r.execution.retries = 100), 'execution.retries', /./],
    ['a manual connection with the id of another', (r) => (r.manual = [{ id: 'hootsuite-acme', platform: 'Later', brand: 'Acme', kinds: ['post'], steps: { suspend: ['a'], restore: ['b'] } }]), 'manual[0].id', /duplicate connection id "hootsuite-acme"/],
    ['a playbook step owned by an unknown role', (r) => (r.playbook.steps[0].owner = 'intern'), 'playbook.steps[0].owner', /unknown role "intern" \(known: crisis-lead, communications, /],
    ['a playbook step naming an unknown contact', (r) => r.playbook.steps[1].contacts.push('nobody'), 'playbook.steps[1].contacts[1]', /unknown contact "nobody" \(known: dana-whitfield, /],
    ['a playbook step from a severity not on the ladder', (r) => (r.playbook.steps[2].fromSeverity = 4), 'playbook.steps[2].fromSeverity', /severity 4 is not on the ladder \(configured levels: 1, 2, 3\)/],
    ['a duplicate playbook step id', (r) => (r.playbook.steps[3].id = 'judge'), 'playbook.steps[3].id', /duplicate step id "judge"/],
    ['a playbook step id that is not a slug', (r) => (r.playbook.steps[0].id = 'Judge it'), 'playbook.steps[0].id', /lower-case/],
    ['a duplicate playbook role id', (r) => (r.playbook.roles[1].id = 'crisis-lead'), 'playbook.roles[1].id', /duplicate role id "crisis-lead"/],
    ['a duplicate playbook contact id', (r) => (r.playbook.contacts[1].id = 'dana-whitfield'), 'playbook.contacts[1].id', /duplicate contact id "dana-whitfield"/],
    ['a duplicate statement id', (r) => (r.playbook.statements[1].id = r.playbook.statements[0].id), 'playbook.statements[1].id', /duplicate statement id/],
    ["a role's person naming an unknown contact", (r) => (r.playbook.roles[0].people[0].contactId = 'dana'), 'playbook.roles[0].people[0].contactId', /unknown contact "dana"/],
    ['a scale rung of a severity not on the ladder', (r) => (r.playbook.scale[0].severity = 7), 'playbook.scale[0].severity', /severity 7 is not on the ladder/],
    ['a severity described twice', (r) => (r.playbook.scale[1].severity = 1), 'playbook.scale[1].severity', /severity 1 is described twice/],
    ['a contact e-mail that is not one', (r) => (r.playbook.contacts[0].email = 'dana at example'), 'playbook.contacts[0].email', /./],
    ['a role with nobody in it', (r) => (r.playbook.roles[0].people = []), 'playbook.roles[0].people', /./],
    ['an unknown playbook field', (r) => (r.playbook.runbook = []), 'playbook', /runbook/],
    ['the old runbook', (r) => (r.runbook = [{ step: 1, title: 'Judge it' }]), '(root)', /runbook/],
    ['a manual connection without steps back', (r) => (r.manual = [{ id: 'later-acme', platform: 'Later', brand: 'Acme', kinds: ['post'], steps: { suspend: ['a'], restore: [] } }]), 'manual[0].steps.restore', /./],
    ['a notification webhook URL both inline and in a variable', (r) => (r.notifications.webhooks = [{ name: 'ops', url: 'https://ops.example.com/h', urlEnv: 'OPS_URL', secretEnv: 'OPS_SECRET' }]), 'notifications.webhooks[0]', /one of url and urlEnv/],
    ['a notification webhook secret written inline', (r) => (r.notifications.webhooks = [{ name: 'ops', url: 'https://ops.example.com/h', secretEnv: 's3cr3t-value' }]), 'notifications.webhooks[0].secretEnv', /must name an environment variable/],
    ['two notification webhooks with one name', (r) => (r.notifications.webhooks = [1, 2].map(() => ({ name: 'ops', url: 'https://ops.example.com/h', secretEnv: 'OPS_SECRET' }))), 'notifications.webhooks[1].name', /duplicate webhook name "ops"/],
    ['a Slack webhook URL written inline', (r) => (r.notifications.slack = { webhookUrlEnv: 'https://hooks.slack.com/services/T/B/x' }), 'notifications.slack.webhookUrlEnv', /must name an environment variable/],
    ['an unknown notification event', (r) => (r.notifications.events = ['pause.deleted']), 'notifications.events[0]', /./],
    ['negative reminder hours', (r) => (r.notifications.reminderHours = -1), 'notifications.reminderHours', /./],
    ['a console URL that is not http(s)', (r) => (r.notifications.consoleUrl = 'ftp://console.example.com'), 'notifications.consoleUrl', /./],
  ])('%s', (_name, edit, field, message) => {
    const error = refusal(edited(edit));
    expect(error.source).toBe('test.json');
    const problem = error.problems.find((p) => p.startsWith(`${field}: `));
    expect(problem, error.message).toBeDefined();
    expect(problem).toMatch(message);
    expect(error.message).toContain(`test.json is invalid:\n`);
    expect(error.message).toContain(`  - ${problem}`);
  });

  it('never repeats an inline credential in the message', () => {
    const error = refusal(edited((r) => (r.connections[1].credentials.accessToken = 'EAAB9xkZCZBsecret')));
    expect(error.message).not.toContain('EAAB9xkZCZBsecret');
  });

  it('accepts connections and playbook left out, and fills the defaults', () => {
    const raw = base();
    const config = parseConfig({ severities: raw.severities });
    expect(config.connections).toEqual([]);
    expect(config.execution).toEqual({ retries: 5, backoffMs: 500, maxRetryWaitMs: 900_000, requestTimeoutMs: 30_000 });
    expect(config.resume).toEqual({ missed: 'hold', approvalFrom: 3 });
    expect(config.playbook).toEqual({ scale: [], roles: [], contacts: [], internalCommunication: [], approvalPath: [], statements: [], netiquette: [], monitoring: [], steps: [] });
    // Notifications: Slack from SLACK_WEBHOOK_URL when set, no webhooks, every event, a reminder every 4 hours.
    expect(config.notifications).toMatchObject({ slack: { webhookUrlEnv: 'SLACK_WEBHOOK_URL' }, webhooks: [], reminderHours: 4, retries: { attempts: 6, backoffMs: 30_000 } });
    expect(config.notifications.events).toHaveLength(13);
    expect(checkConnections(config, createRegistry())).toEqual([]);
  });
});

describe('a connection the adapter refuses is unusable, naming the field, and the others are not', () => {
  it.each<[string, (raw: Raw) => void, string, RegExp]>([
    ['a missing credential key', (r) => (r.connections[2].credentials = {}), 'connections[2].credentials.apiKey', /mailchimp needs "apiKey"/],
    ['an extra credential key', (r) => (r.connections[0].credentials.appSecret = 'HOOTSUITE_APP_SECRET'), 'connections[0].credentials.appSecret', /takes no credential "appSecret" \(it takes accessToken\)/],
    ['invalid adapter settings', (r) => (r.connections[1].settings = { apiVersion: '25' }), 'connections[1].settings.apiVersion', /Graph API version such as v25.0/],
    ['a misspelt adapter setting', (r) => (r.connections[0].settings = { lookAheadWeeks: 8 }), 'connections[0].settings', /Unrecognized key: "lookAheadWeeks"/],
    ['an invalid Mailchimp data center', (r) => (r.connections[2].settings.dc = 'US-14'), 'connections[2].settings.dc', /data center/],
    ['meta-ads without account ids', (r) => (r.connections[1].accountIds = []), 'connections[1].accountIds', /meta-ads needs at least one ad account id/],
  ])('%s', (_name, edit, field, message) => {
    const specs = checkConnections(parseConfig(edited(edit), 'test.json'), createRegistry(), 'test.json');
    const index = Number(/^connections\[(\d+)\]/.exec(field)![1]);
    const problem = specs[index]!.problems.find((p) => p.startsWith(`${field}: `));
    expect(problem, specs[index]!.problems.join('\n')).toBeDefined();
    expect(problem).toMatch(message);
    expect(specs.filter((_, i) => i !== index).every((spec) => spec.problems.length === 0)).toBe(true);
  });

  it('lists every problem of every connection, and only an unknown platform stops the start', () => {
    const specs = checkConnections(
      parseConfig(
        edited((r) => {
          r.connections[0].credentials = {};
          r.connections[1].accountIds = [];
          r.connections[1].settings = { apiVersion: '25' };
        }),
      ),
      createRegistry(),
    );
    expect(specs.map((spec) => spec.problems.map((p) => p.split(':')[0]))).toEqual([
      ['connections[0].credentials.accessToken'],
      ['connections[1].accountIds', 'connections[1].settings.apiVersion'],
      [],
    ]);
    const error = refusal(edited((r) => (r.connections[2].platform = 'myspace')));
    expect(error.problems.map((p) => p.split(':')[0])).toEqual(['connections[2].platform']);
  });
});

describe('loadConfigFile', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('refuses a missing file, naming it', () => {
    const file = path.join(os.tmpdir(), 'crisis-pause-no-such-config.json');
    expect(() => loadConfigFile(file)).toThrow(ConfigError);
    expect(() => loadConfigFile(file)).toThrow(`${file} is invalid:\n  - cannot be read: ENOENT`);
  });

  it('refuses a file that is not JSON, naming it', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'crisis-pause-config-'));
    const file = path.join(dir, 'broken.json');
    await writeFile(file, '{ "severities": [ ');
    expect(() => loadConfigFile(file)).toThrow(ConfigError);
    expect(() => loadConfigFile(file)).toThrow(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is invalid:\\n  - is not valid JSON: `));
  });

  it('names the file and the field of a bad config', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'crisis-pause-config-'));
    const file = path.join(dir, 'bad.json');
    await writeFile(file, JSON.stringify(edited((r) => (r.severities[0].level = 0))));
    expect(() => loadConfigFile(file)).toThrow(`${file} is invalid:\n  - severities[0].level: `);
  });
});
