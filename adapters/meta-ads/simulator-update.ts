// `POST /{v}/{campaign_id}`: the campaign update, with the #update params of
// specs/meta/Campaign.json the simulator models. People use it too (drift in tests).
// https://developers.facebook.com/docs/marketing-api/reference/ad-campaign-group/#Updating
import { invalidParam } from './simulator-errors.js';
import { CAMPAIGN_STATUSES, graphTime, type SimCampaign } from './simulator-world-data.js';

/** Campaign_bid_strategy / adcampaigngroup_special_ad_categories / adcampaigngroup_objective */
export const BID_STRATEGIES = ['COST_CAP', 'LOWEST_COST_WITHOUT_CAP', 'LOWEST_COST_WITH_BID_CAP', 'LOWEST_COST_WITH_MIN_ROAS'];
export const SPECIAL_AD_CATEGORIES = ['CREDIT', 'EMPLOYMENT', 'FINANCIAL_PRODUCTS_SERVICES', 'HOUSING', 'ISSUES_ELECTIONS_POLITICS', 'NONE', 'ONLINE_GAMBLING_AND_GAMING'];
export const OBJECTIVES = [
  'APP_INSTALLS', 'BRAND_AWARENESS', 'CONVERSIONS', 'EVENT_RESPONSES', 'LEAD_GENERATION', 'LINK_CLICKS', 'LOCAL_AWARENESS',
  'MESSAGES', 'OFFER_CLAIMS', 'OUTCOME_APP_PROMOTION', 'OUTCOME_AWARENESS', 'OUTCOME_ENGAGEMENT', 'OUTCOME_LEADS',
  'OUTCOME_SALES', 'OUTCOME_TRAFFIC', 'PAGE_LIKES', 'POST_ENGAGEMENT', 'PRODUCT_CATALOG_SALES', 'REACH', 'STORE_VISITS', 'VIDEO_VIEWS',
];
export const SIM_UPDATE_PARAMS = ['status', 'name', 'objective', 'daily_budget', 'lifetime_budget', 'spend_cap', 'bid_strategy', 'start_time', 'stop_time', 'special_ad_categories'] as const;

type Patch = Partial<Pick<SimCampaign, 'status' | 'name' | 'objective' | 'daily_budget' | 'lifetime_budget' | 'spend_cap' | 'bid_strategy' | 'start_time' | 'stop_time' | 'special_ad_categories'>>;

/** The validated change, or Graph's error answer. Unknown parameters are ignored, as Graph does. */
export function parseCampaignUpdate(campaign: SimCampaign, params: Record<string, string>): Patch | Response {
  const given = SIM_UPDATE_PARAMS.filter((p) => params[p] !== undefined);
  if (given.length === 0) return invalidParam('No fields to update');
  const patch: Patch = {};
  for (const param of given) {
    const value = params[param]!;
    switch (param) {
      case 'status':
        if (!(CAMPAIGN_STATUSES as readonly string[]).includes(value)) return invalidParam(`Param status must be one of {${CAMPAIGN_STATUSES.join(', ')}}`);
        patch.status = value as SimCampaign['status'];
        break;
      case 'name':
        patch.name = value;
        break;
      case 'objective':
        if (!OBJECTIVES.includes(value)) return invalidParam(`Param objective must be one of {${OBJECTIVES.join(', ')}}`);
        patch.objective = value;
        break;
      case 'daily_budget':
      case 'lifetime_budget':
      case 'spend_cap':
        if (!/^\d+$/.test(value)) return invalidParam(`Param ${param} must be a non-negative integer`);
        patch[param] = String(Number(value));
        break;
      case 'bid_strategy':
        if (!BID_STRATEGIES.includes(value)) return invalidParam(`Param bid_strategy must be one of {${BID_STRATEGIES.join(', ')}}`);
        patch.bid_strategy = value;
        break;
      case 'start_time':
      case 'stop_time': {
        const at = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
        if (Number.isNaN(at)) return invalidParam(`Param ${param} must be a valid datetime`);
        patch[param] = graphTime(new Date(at));
        break;
      }
      case 'special_ad_categories': {
        let list: unknown;
        try {
          list = JSON.parse(value);
        } catch {
          list = null;
        }
        if (!Array.isArray(list) || list.some((v) => !SPECIAL_AD_CATEGORIES.includes(v as string))) {
          return invalidParam(`Param special_ad_categories must be an array of {${SPECIAL_AD_CATEGORIES.join(', ')}}`);
        }
        patch.special_ad_categories = list as string[];
        break;
      }
    }
  }
  // DELETED is final; an ARCHIVED object keeps only its name editable and can only move on to
  // DELETED.
  if (campaign.status === 'DELETED') return invalidParam('Cannot update a deleted object', 1815001);
  const archivedOk = given.every((p) => p === 'name' || (p === 'status' && (patch.status === 'ARCHIVED' || patch.status === 'DELETED')));
  if (campaign.status === 'ARCHIVED' && !archivedOk) return invalidParam('An archived campaign can only be renamed or deleted', 1815002);
  return patch;
}
