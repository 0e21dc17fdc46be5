// A Slack incoming-webhook message in Block Kit (api.slack.com/reference/block-kit/blocks), with
// a plain `text` fallback for notifications and clients that show no blocks.
import type { JsonObject } from '../../adapters/types.js';
import { headline } from './headline.js';
import type { Notice } from './notices.js';
import type { PauseSummary } from './pause-summary.js';

/** Slack's mrkdwn takes &, < and > as markup: text from people is escaped (api.slack.com/reference/surfaces/formatting#escaping). */
const esc = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
/** Block Kit limits: 150 characters in a header, 3000 in a section. */
const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

const KIND_LABELS: Record<string, string> = { post: 'Posts', ad: 'Ads', email: 'Emails' };

const mrkdwn = (text: string) => ({ type: 'mrkdwn', text: clip(text, 3000) });
const section = (text: string) => ({ type: 'section', text: mrkdwn(text) });

export function slackMessage(notice: Notice, pause: PauseSummary | null, inForce: readonly PauseSummary[] = []): JsonObject {
  const title = headline(notice, pause);
  const blocks: JsonObject[] = [{ type: 'header', text: { type: 'plain_text', text: clip(title, 150) } }];
  if (pause) blocks.push(section(`*Reason:* ${esc(pause.reason)}\n*By:* ${esc(notice.actor)} (${notice.source})`));
  blocks.push(...detailBlocks(notice, inForce));
  if (pause) {
    const kinds = Object.entries(pause.counts.byKind).map(([kind, n]) => mrkdwn(`*${KIND_LABELS[kind] ?? kind}*\n${n}`));
    const states = Object.entries(pause.counts.byState).map(([state, n]) => `${state} ${n}`).join(' · ');
    blocks.push({ type: 'section', fields: [...kinds, mrkdwn(`*Items by state*\n${states || 'none yet'}`)].slice(0, 10) });
    if (pause.openTasks > 0) blocks.push(section(`:clipboard: ${pause.openTasks} task(s) for people still open`));
    blocks.push({ type: 'context', elements: [mrkdwn(`Pause \`${pause.id}\` · ${pause.state} · ${notice.at}`)] });
    if (pause.url) blocks.push({ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open in the console' }, url: pause.url, action_id: 'open-console' }] });
  }
  const fallback = pause ? `${title}: ${pause.reason} (${pause.counts.total} items)${pause.url ? ` ${pause.url}` : ''}` : title;
  return { text: clip(fallback, 3000), blocks };
}

function detailBlocks(notice: Notice, inForce: readonly PauseSummary[]): JsonObject[] {
  const d = notice.detail;
  switch (notice.event) {
    case 'items.failed': {
      const errors = Array.isArray(d.errors) ? d.errors.map((e) => `> ${esc(String(e))}`).join('\n') : '';
      const where = Array.isArray(d.connections) && d.connections.length > 0 ? ` on ${d.connections.join(', ')}` : '';
      return [section(`:warning: *${String(d.items)} item(s) and ${String(d.listings)} listing(s) failed*${where}. Retry them from the console or \`POST /v1/pauses/<id>/retry\`.\n${errors}`)];
    }
    case 'incident.resolved': {
      const lines = inForce.map((p) => `• ${p.url ? `<${p.url}|${p.id}>` : `\`${p.id}\``} ${p.severityName}: ${esc(p.reason)}`);
      return [section(`${esc(String(d.note ?? 'The incident is resolved.'))}\n${lines.length > 0 ? `*Pauses in force:*\n${lines.join('\n')}` : 'No pause is in force.'}`)];
    }
    case 'pause.reminder':
      return [section('The playbook: *do not lower your guard*. Resume only once the crisis is over; until then everything stays suspended.')];
    default:
      return [];
  }
}
