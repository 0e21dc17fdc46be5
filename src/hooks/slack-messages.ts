// What the `/crisis` Slack command answers, in Block Kit (api.slack.com/block-kit): ephemeral
// answers only the person who typed the command sees, and the confirmation buttons a pause and a
// resume need before anything acts ("hasten slowly").
import type { Severity } from '../config/schema.js';
import type { PauseView } from '../pauses/pause-view.js';

export const ACTIONS = { confirmPause: 'crisis_pause_confirm', confirmResume: 'crisis_resume_confirm', cancel: 'crisis_cancel' } as const;

export interface SlackMessage {
  response_type: 'ephemeral' | 'in_channel';
  text: string;
  blocks?: unknown[];
  replace_original?: boolean;
}

export const ephemeral = (text: string): SlackMessage => ({ response_type: 'ephemeral', text });

export const HELP = ephemeral('Usage: `/crisis status`, `/crisis pause <severity> <reason>` (severity: a level or a name), `/crisis resume`.');

const line = (p: PauseView) =>
  `• *${p.severityName}* (${p.severity}) — ${p.reason} — ${p.state}${p.complete ? '' : ', *not complete*'}; ${p.counts.byState.suspended} suspended, ${p.counts.byState.failed} failed; since ${p.createdAt} by ${p.actor.name} (\`${p.id}\`)`;

const plannedLine = (p: PauseView) =>
  `• *${p.severityName}* (${p.severity}) — ${p.reason} — from ${p.schedule?.startsAt ?? '?'}${p.schedule?.endsAt ? ` to ${p.schedule.endsAt}` : ''}, planned by ${p.actor.name} (\`${p.id}\`)`;

export function status(pauses: readonly PauseView[], planned: readonly PauseView[] = []): SlackMessage {
  const now = pauses.length === 0 ? ['Nothing is paused.'] : [`${pauses.length} pause${pauses.length > 1 ? 's' : ''} in force:`, ...pauses.map(line)];
  const ahead = planned.length === 0 ? [] : [`${planned.length} planned:`, ...planned.map(plannedLine)];
  return ephemeral([...now, ...ahead].join('\n'));
}

function confirm(text: string, action: string, value: string): SlackMessage {
  return {
    response_type: 'ephemeral',
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text } },
      {
        type: 'actions',
        elements: [
          { type: 'button', text: { type: 'plain_text', text: 'Confirm' }, style: 'danger', action_id: action, value },
          { type: 'button', text: { type: 'plain_text', text: 'Cancel' }, action_id: ACTIONS.cancel, value: 'cancel' },
        ],
      },
    ],
  };
}

export const confirmPause = (severity: Severity, reason: string): SlackMessage =>
  confirm(
    `Pause at *${severity.label ?? severity.name}* (${severity.level}): suspends every ${severity.kinds.join(', ')} on every connection.\nReason: ${reason}\nConfirm?`,
    ACTIONS.confirmPause,
    JSON.stringify({ severity: severity.level, reason }),
  );

export const confirmResume = (pause: PauseView): SlackMessage =>
  confirm(`Resume *${pause.severityName}* (${pause.severity}) — ${pause.reason} — and put back its ${pause.counts.byState.suspended} suspended items?`, ACTIONS.confirmResume, pause.id);

export const done = (text: string): SlackMessage => ({ response_type: 'in_channel', replace_original: true, text });
