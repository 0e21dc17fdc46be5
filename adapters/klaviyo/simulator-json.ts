// The fake Klaviyo's JSON:API resources, exactly the fields the 2026-07-15 description names
// (its objects are closed: the contract test refuses any other field).
import type { Campaign, CampaignMessage, Flow } from './schemas.js';
import { klaviyoTime } from './simulator-http.js';
import type { SimCampaign, SimFlow } from './simulator-world-data.js';

const API = 'https://a.klaviyo.com';

/** A campaign; with `withMessages` (an `include=campaign-messages`) its relationship names its message. */
export function campaignJson(c: SimCampaign, origin = API, withMessages = false): Campaign {
  const self = `${origin}/api/campaigns/${c.id}/`;
  return {
    type: 'campaign',
    id: c.id,
    attributes: {
      name: c.name,
      status: c.status,
      archived: c.archived,
      audiences: { included: [...c.included], excluded: [...c.excluded] },
      send_options: { use_smart_sending: c.useSmartSending },
      tracking_options: { ...c.tracking },
      send_strategy: structuredClone(c.sendStrategy) as Campaign['attributes']['send_strategy'],
      created_at: klaviyoTime(c.createdAt),
      scheduled_at: klaviyoTime(c.scheduledAt),
      updated_at: klaviyoTime(c.updatedAt),
      send_time: klaviyoTime(c.sendTime),
    },
    relationships: {
      'campaign-messages': {
        ...(withMessages && { data: [{ type: 'campaign-message', id: c.message.id }] }),
        links: { self: `${self}relationships/campaign-messages/`, related: `${self}campaign-messages/` },
      },
      tags: { links: { self: `${self}relationships/tags/`, related: `${self}tags/` } },
    },
    links: { self },
  };
}

/** A campaign's message as `included` shows it: the email definition's label and content. */
export function messageJson(c: SimCampaign, origin = API): CampaignMessage {
  const m = c.message;
  const self = `${origin}/api/campaign-messages/${m.id}/`;
  return {
    type: 'campaign-message',
    id: m.id,
    attributes: {
      definition: { channel: 'email', label: c.name, content: { subject: m.subject, preview_text: m.previewText, from_email: m.fromEmail, from_label: m.fromLabel } },
      created_at: klaviyoTime(c.createdAt),
      updated_at: klaviyoTime(c.updatedAt),
    },
    relationships: { campaign: { data: { type: 'campaign', id: c.id }, links: { self: `${self}relationships/campaign/`, related: `${self}campaign/` } } },
    links: { self },
  };
}

export function flowJson(f: SimFlow, origin = API): Flow {
  const self = `${origin}/api/flows/${f.id}/`;
  return {
    type: 'flow',
    id: f.id,
    attributes: { name: f.name, status: f.status, archived: f.archived, created: klaviyoTime(f.created), updated: klaviyoTime(f.updated), trigger_type: f.triggerType },
    relationships: {
      'flow-actions': { links: { self: `${self}relationships/flow-actions/`, related: `${self}flow-actions/` } },
      tags: { links: { self: `${self}relationships/tags/`, related: `${self}tags/` } },
    },
    links: { self },
  };
}
