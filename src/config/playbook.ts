// The brand's crisis plan, from config: what each severity means, who does what, whom to call,
// how to speak, what to watch, and the steps a person must take per severity. The service
// automates the suspensions; this is the rest, carried as a checklist so nothing is forgotten
// under stress. It holds names, e-mail addresses and phone numbers, never a credential.
import { z } from 'zod';
import { slug } from './slug.js';

const text = z.string().trim().min(1);

/** The teams the playbook names; any other team name is allowed too. */
export const KNOWN_TEAMS = ['legal', 'pr', 'marketing', 'executive', 'crisis-team'] as const;

export const PlaybookContactSchema = z
  .object({
    id: slug,
    name: text,
    team: z.union([z.enum(KNOWN_TEAMS), text]).meta({ description: `one of ${KNOWN_TEAMS.join(', ')}, or another team's name` }),
    phone: text.optional(),
    email: z.email().optional(),
    note: text.optional(),
  })
  .strict()
  .meta({ id: 'PlaybookContact' });
export type PlaybookContact = z.infer<typeof PlaybookContactSchema>;

export const PlaybookRoleSchema = z
  .object({
    id: slug,
    title: text,
    responsibilities: text,
    /** `contactId`: where to reach the person, among `contacts` */
    people: z.array(z.object({ name: text, contactId: slug.optional() }).strict()).min(1),
  })
  .strict()
  .meta({ id: 'PlaybookRole' });
export type PlaybookRole = z.infer<typeof PlaybookRoleSchema>;

export const PlaybookStatementSchema = z
  .object({ id: slug, title: text, text, image: text.optional().meta({ description: 'a URL or a path to a pre-approved image' }) })
  .strict()
  .meta({ id: 'PlaybookStatement' });

export const PlaybookStepSchema = z
  .object({
    id: slug,
    title: text,
    detail: text.optional(),
    /** the step applies to pauses at this severity and above (an escalation adds steps) */
    fromSeverity: z.number().int().min(1),
    /** a role id */
    owner: slug,
    /** contact ids */
    contacts: z.array(slug).default([]),
  })
  .strict();
export type PlaybookStep = z.infer<typeof PlaybookStepSchema>;

export const PlaybookSchema = z
  .object({
    scale: z.array(z.object({ severity: z.number().int().min(1), means: text }).strict()).default([]),
    roles: z.array(PlaybookRoleSchema).default([]),
    contacts: z.array(PlaybookContactSchema).default([]),
    internalCommunication: z.array(text).default([]),
    approvalPath: z.array(text).default([]),
    statements: z.array(PlaybookStatementSchema).default([]),
    netiquette: z.array(text).default([]),
    monitoring: z.array(text).default([]),
    steps: z.array(PlaybookStepSchema).default([]),
  })
  .strict()
  .meta({ id: 'Playbook', description: "the brand's crisis plan, from config" });
export type Playbook = z.infer<typeof PlaybookSchema>;

export const EMPTY_PLAYBOOK: Playbook = PlaybookSchema.parse({});

type Issue = { path: (string | number)[]; message: string };

/** Each entry whose id another entry before it already has. */
function duplicates(list: readonly { id: string }[], field: string, what: string): Issue[] {
  return list.flatMap((entry, i) => (list.findIndex((o) => o.id === entry.id) === i ? [] : [{ path: [field, i, 'id'], message: `duplicate ${what} id "${entry.id}"` }]));
}

/**
 * What the schema alone cannot see: ids unique, every step owned by a known role and naming known
 * contacts, every severity one of the ladder's levels. Paths are relative to the playbook.
 */
export function playbookProblems(playbook: Playbook, levels: readonly number[]): Issue[] {
  const roles = new Set(playbook.roles.map((r) => r.id));
  const contacts = new Set(playbook.contacts.map((c) => c.id));
  const ladder = `configured levels: ${levels.join(', ')}`;
  const unknownContact = (id: string, path: Issue['path']): Issue[] =>
    contacts.has(id) ? [] : [{ path, message: `unknown contact "${id}" (known: ${[...contacts].join(', ') || 'none'})` }];
  return [
    ...duplicates(playbook.roles, 'roles', 'role'),
    ...duplicates(playbook.contacts, 'contacts', 'contact'),
    ...duplicates(playbook.statements, 'statements', 'statement'),
    ...duplicates(playbook.steps, 'steps', 'step'),
    ...playbook.scale.flatMap((rung, i): Issue[] => [
      ...(levels.includes(rung.severity) ? [] : [{ path: ['scale', i, 'severity'], message: `severity ${rung.severity} is not on the ladder (${ladder})` }]),
      ...(playbook.scale.findIndex((o) => o.severity === rung.severity) === i ? [] : [{ path: ['scale', i, 'severity'], message: `severity ${rung.severity} is described twice` }]),
    ]),
    ...playbook.roles.flatMap((role, i) => role.people.flatMap((person, j) => (person.contactId ? unknownContact(person.contactId, ['roles', i, 'people', j, 'contactId']) : []))),
    ...playbook.steps.flatMap((step, i): Issue[] => [
      ...(roles.has(step.owner) ? [] : [{ path: ['steps', i, 'owner'], message: `unknown role "${step.owner}" (known: ${[...roles].join(', ') || 'none'})` }]),
      ...(levels.includes(step.fromSeverity) ? [] : [{ path: ['steps', i, 'fromSeverity'], message: `severity ${step.fromSeverity} is not on the ladder (${ladder})` }]),
      ...step.contacts.flatMap((id, j) => unknownContact(id, ['steps', i, 'contacts', j])),
    ]),
  ];
}
