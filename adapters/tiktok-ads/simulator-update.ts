// `POST /open_api/v1.3/campaign/status/update/`: switch up to 20 campaigns ENABLE / DISABLE /
// DELETE. The body is checked as the vendor file describes it (required fields, ≤ 20 ids, enums,
// no other fields); each id is then checked against its campaign's state: a deleted campaign can
// never change again, and a campaign is only switched to a state it is not in (enabling what is
// not paused is refused). Ids refused come back in `error_list` with code 20001 ("partially
// successful"); when every id is refused, the whole call is a 40002.
// https://business-api.tiktok.com/portal/docs?id=1739320994354178
import type { Clock } from '../types.js';
import { envelope, noPermission, okAnswer, paramError } from './simulator-errors.js';
import { OPERATION_STATUSES, POSTBACK_WINDOW_MODES } from './simulator-world-data.js';
import type { TiktokAdsWorld } from './simulator-world.js';

const BODY_KEYS = ['advertiser_id', 'campaign_ids', 'operation_status', 'postback_window_mode'];
const MAX_IDS = 20;

export function statusUpdate(world: TiktokAdsWorld, clock: Clock, body: unknown): Response {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return paramError(clock, 'Invalid request body: must be a JSON object.');
  const b = body as Record<string, unknown>;
  const unknown = Object.keys(b).find((k) => !BODY_KEYS.includes(k));
  if (unknown) return paramError(clock, `${unknown}: Unknown field.`);
  if (typeof b.advertiser_id !== 'string' || !/^\d+$/.test(b.advertiser_id)) return paramError(clock, 'advertiser_id: Missing data for required field.');
  const ids = b.campaign_ids;
  if (!Array.isArray(ids) || ids.length < 1 || ids.length > MAX_IDS || ids.some((id) => typeof id !== 'string' || !/^\d+$/.test(id))) {
    return paramError(clock, `campaign_ids: Length must be between 1 and ${MAX_IDS}.`);
  }
  const status = b.operation_status;
  if (typeof status !== 'string' || !(OPERATION_STATUSES as readonly string[]).includes(status)) return paramError(clock, `operation_status: Must be one of: ${OPERATION_STATUSES.join(', ')}.`);
  if (b.postback_window_mode !== undefined && !(POSTBACK_WINDOW_MODES as readonly unknown[]).includes(b.postback_window_mode)) {
    return paramError(clock, `postback_window_mode: Must be one of: ${POSTBACK_WINDOW_MODES.join(', ')}.`);
  }
  const advertiserId = b.advertiser_id;
  if (!world.hasAdvertiser(advertiserId)) return noPermission(clock, advertiserId);

  const done: Array<{ campaign_id: string; status: string }> = [];
  const errors: Array<{ campaign_id: string; error_message: string }> = [];
  for (const id of [...new Set(ids as string[])]) {
    const campaign = world.get(id);
    const refusal =
      !campaign || campaign.advertiser_id !== advertiserId
        ? `The campaign ${id} does not exist.`
        : campaign.deleted
          ? `The campaign ${id} has been deleted; the status of deleted campaigns cannot be modified.`
          : status === 'ENABLE' && campaign.operation_status !== 'DISABLE'
            ? `The campaign ${id} is not paused; only paused campaigns can be enabled.`
            : status === 'DISABLE' && campaign.operation_status !== 'ENABLE'
              ? `The campaign ${id} is not enabled; only enabled campaigns can be paused.`
              : null;
    if (refusal) {
      errors.push({ campaign_id: id, error_message: refusal });
      continue;
    }
    world.update(campaign!, status === 'DELETE' ? { deleted: true } : { operation_status: status as 'ENABLE' | 'DISABLE' });
    done.push({ campaign_id: id, status });
  }
  if (done.length === 0) return paramError(clock, errors.map((e) => e.error_message).join(' '));
  if (errors.length > 0) return envelope(clock, 20001, 'Partially successful.', { campaign_list: done, error_list: errors });
  return okAnswer(clock, { campaign_list: done });
}
