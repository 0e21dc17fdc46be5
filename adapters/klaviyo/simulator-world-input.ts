// Typed seeding helpers' inputs (tests, the sandbox seed, the benchmark): a campaign or flow as a
// person would have set it up in Klaviyo, with defaults for what a test does not care about.
import type { KlaviyoWorld } from './simulator-world.js';
import type { SimCampaign, SimFlow } from './simulator-world-data.js';

export interface CampaignInput {
  name?: string;
  status?: SimCampaign['status'];
  /** when it goes out (static at this time); null for a draft without a time */
  sendAt?: Date | null;
  strategy?: { method: 'static'; isLocal?: boolean; sendPastRecipientsImmediately?: boolean } | { method: 'throttled'; throttlePercentage: number } | { method: 'smart_send_time' };
  included?: string[];
  excluded?: string[];
  channel?: SimCampaign['channel'];
  archived?: boolean;
  subject?: string;
  previewText?: string;
  fromLabel?: string;
}

export interface FlowInput {
  name?: string;
  status?: SimFlow['status'];
  triggerType?: SimFlow['triggerType'];
  archived?: boolean;
}

export function campaignFrom(world: KlaviyoWorld, input: CampaignInput): SimCampaign {
  const now = world.clock.now().toISOString();
  const status = input.status ?? 'Scheduled';
  const at = input.sendAt === undefined ? new Date(world.clock.now().getTime() + 24 * 3_600_000) : input.sendAt;
  const datetime = at?.toISOString() ?? now;
  const s = input.strategy ?? { method: 'static' };
  const sendStrategy =
    s.method === 'static'
      ? { method: 'static', datetime, options: s.isLocal ? { is_local: true, send_past_recipients_immediately: s.sendPastRecipientsImmediately ?? false } : { is_local: false } }
      : s.method === 'throttled'
        ? { method: 'throttled', datetime, throttle_percentage: s.throttlePercentage }
        : { method: 'smart_send_time', date: datetime.slice(0, 10) };
  const scheduled = status !== 'Draft' && at !== null;
  return {
    id: world.nextCampaignId(),
    name: input.name ?? 'Campaign',
    status,
    archived: input.archived ?? false,
    channel: input.channel ?? 'email',
    included: input.included ?? ['Y6nRLr'],
    excluded: input.excluded ?? [],
    useSmartSending: true,
    tracking: { is_tracking_opens: true, is_tracking_clicks: true, add_tracking_params: false },
    sendStrategy,
    scheduledAt: scheduled ? now : null,
    sendTime: scheduled ? (s.method === 'smart_send_time' ? `${datetime.slice(0, 10)}T00:00:00.000Z` : datetime) : null,
    createdAt: now,
    updatedAt: now,
    message: {
      id: world.nextCampaignId(),
      subject: input.subject ?? input.name ?? 'News from us',
      previewText: input.previewText ?? '',
      fromEmail: 'news@example.com',
      fromLabel: input.fromLabel ?? 'Our store',
    },
  };
}

export function flowFrom(world: KlaviyoWorld, input: FlowInput): SimFlow {
  const now = world.clock.now().toISOString();
  return { id: world.nextFlowId(), name: input.name ?? 'Flow', status: input.status ?? 'live', archived: input.archived ?? false, triggerType: input.triggerType ?? 'Metric', created: now, updated: now };
}
