// `POST /v25/customers/{customerId}/campaigns:mutate`: update (status, name) and remove operations,
// checked as Google checks them; with `partialFailure` the valid ones are carried out and each
// failed one is reported in `partialFailureError` at its operation's index. Every operation counts
// one of the daily quota. `create` is not simulated (a campaign needs a budget, bidding, …).
// https://developers.google.com/google-ads/api/rest/reference/rest/v25/customers.campaigns/mutate
import { adsError, adsFailure, badPayload, failureDetail, quotaExhausted, type AdsErrorSpec } from './simulator-errors.js';
import type { CustomerIndex } from './simulator-world-index.js';
import { CAMPAIGN_STATUSES, type CampaignStatus, type SimCampaign } from './simulator-world-data.js';
import type { GoogleAdsWorld } from './simulator-world.js';

export const MAX_OPERATIONS = 10_000;
/** MutateCampaignsRequest's JSON names; CampaignOperation's; the Campaign fields an update may name. */
const REQUEST_FIELDS = new Set(['operations', 'partialFailure', 'validateOnly', 'responseContentType']);
const OPERATION_FIELDS = new Set(['updateMask', 'create', 'update', 'remove']);
const UPDATABLE = new Set(['status', 'name']);

type Planned = { index: number; campaign: SimCampaign; status?: CampaignStatus; name?: string };

export function mutate(world: GoogleAdsWorld, customerId: string, customer: CustomerIndex, body: Record<string, unknown>): Response {
  for (const name of Object.keys(body)) if (!REQUEST_FIELDS.has(name)) return badPayload(`Unknown name "${name}": Cannot find field.`);
  const operations = body['operations'];
  if (!Array.isArray(operations) || operations.length === 0) return adsFailure('INVALID_ARGUMENT', [{ errorCode: { fieldError: 'REQUIRED' }, message: 'The required field was not present.', location: [{ fieldName: 'operations' }] }]);
  if (operations.length > MAX_OPERATIONS) return adsFailure('INVALID_ARGUMENT', [{ errorCode: { requestError: 'TOO_MANY_MUTATE_OPERATIONS' }, message: 'Too many mutate operations in the request.' }]);
  // JSON the request message cannot hold is refused whole, before any operation is looked at.
  for (const [i, op] of operations.entries()) {
    const shape = payloadProblem(op, i);
    if (shape) return badPayload(shape);
  }
  const wait = world.spend(operations.length);
  if (wait > 0) return quotaExhausted('RESOURCE_EXHAUSTED', 'DEVELOPER', `Number of operations for ${world.accessLevel} access`, wait);

  const planned: Planned[] = [];
  const errors: AdsErrorSpec[] = [];
  operations.forEach((op: Record<string, unknown>, index) => {
    const result = check(op, index, customerId, customer);
    if ('errorCode' in result) errors.push(result);
    else planned.push(result);
  });
  const partial = body['partialFailure'] === true;
  if (errors.length > 0 && !partial) return adsFailure('INVALID_ARGUMENT', errors);
  const validateOnly = body['validateOnly'] === true;
  if (!validateOnly) {
    for (const p of planned) {
      if (p.status !== undefined && p.status !== p.campaign.status) world.writeStatus(p.campaign, p.status);
      if (p.name !== undefined) world.editCampaign(p.campaign.id, { name: p.name });
    }
  }
  const done = new Map(planned.map((p) => [p.index, p.campaign]));
  const mutable = body['responseContentType'] === 'MUTABLE_RESOURCE';
  return Response.json({
    ...(!validateOnly && {
      results: operations.map((_op, index) => {
        const c = done.get(index);
        if (!c) return {};
        const resourceName = `customers/${customerId}/campaigns/${c.id}`;
        return mutable ? { resourceName, campaign: { resourceName, id: c.id, name: c.name, status: c.status } } : { resourceName };
      }),
    }),
    ...(errors.length > 0 && {
      partialFailureError: {
        code: 3,
        message: errors.length === 1 ? `${errors[0]!.message}, at operations[${errors[0]!.location?.[0]?.index ?? 0}]` : `Multiple errors in 'details'. First error: ${errors[0]!.message}, at operations[${errors[0]!.location?.[0]?.index ?? 0}]`,
        details: [failureDetail(errors.map(adsError))],
      },
    }),
  });
}

/** What Google's JSON parsing refuses: unknown names, an enum value CampaignStatus does not have. */
function payloadProblem(op: unknown, i: number): string | null {
  if (typeof op !== 'object' || op === null || Array.isArray(op)) return `Invalid value at 'operations[${i}]': not an object.`;
  for (const name of Object.keys(op)) if (!OPERATION_FIELDS.has(name)) return `Unknown name "${name}" at 'operations[${i}]': Cannot find field.`;
  const update = (op as Record<string, unknown>)['update'];
  if (update && typeof update === 'object') {
    const status = (update as Record<string, unknown>)['status'];
    if (status !== undefined && !(CAMPAIGN_STATUSES as readonly unknown[]).includes(status)) {
      return `Invalid value at 'operations[${i}].update.status' (type.googleapis.com/google.ads.googleads.v25.enums.CampaignStatusEnum.CampaignStatus), ${JSON.stringify(status)}`;
    }
  }
  return null;
}

const at = (index: number, ...path: string[]) => [{ fieldName: 'operations', index }, ...path.map((fieldName) => ({ fieldName }))];

function check(op: Record<string, unknown>, index: number, customerId: string, customer: CustomerIndex): Planned | AdsErrorSpec {
  const kinds = ['create', 'update', 'remove'].filter((k) => op[k] !== undefined);
  if (kinds.length !== 1) return { errorCode: { mutateError: 'MUTATE_NOT_ALLOWED' }, message: 'Exactly one of create, update or remove must be set.', location: at(index) };
  if (kinds[0] === 'create') return { errorCode: { fieldError: 'REQUIRED' }, message: 'The required field was not present.', location: at(index, 'create', 'campaign_budget') };
  const resourceName = kinds[0] === 'remove' ? op['remove'] : (op['update'] as Record<string, unknown>)['resourceName'];
  const m = typeof resourceName === 'string' ? /^customers\/(\d+)\/campaigns\/(\d+)$/.exec(resourceName) : null;
  if (!m) return { errorCode: { requestError: 'RESOURCE_NAME_MALFORMED' }, message: 'The resource name is malformed.', location: at(index, kinds[0]!, 'resource_name') };
  const campaign = m[1] === customerId ? customer.byId.get(m[2]!) : undefined;
  if (!campaign) return { errorCode: { mutateError: 'RESOURCE_NOT_FOUND' }, message: 'Resource was not found.', location: at(index, kinds[0]!, 'resource_name'), trigger: { stringValue: String(resourceName) } };
  if (campaign.status === 'REMOVED') return { errorCode: { operationAccessDeniedError: 'OPERATION_NOT_PERMITTED_FOR_REMOVED_RESOURCE' }, message: 'Mutates are not allowed for removed resources.', location: at(index) };
  if (kinds[0] === 'remove') return { index, campaign, status: 'REMOVED' };

  const update = op['update'] as Record<string, unknown>;
  const mask = op['updateMask'];
  if (typeof mask !== 'string' || mask.trim() === '') return { errorCode: { fieldMaskError: 'FIELD_MASK_MISSING' }, message: 'The field mask must be provided for update operations.', location: at(index, 'update_mask') };
  const paths = mask.split(',').map((p) => p.trim());
  for (const path of paths) if (!UPDATABLE.has(path)) return { errorCode: { fieldMaskError: 'FIELD_NOT_FOUND' }, message: `The field mask names a field the simulator does not update: ${path}.`, location: at(index, 'update_mask') };
  const planned: Planned = { index, campaign };
  if (paths.includes('status')) {
    const status = update['status'] as CampaignStatus | undefined;
    // REMOVED only through a `remove` operation; UNSPECIFIED/UNKNOWN are never accepted.
    if (status === undefined || status === 'UNSPECIFIED' || status === 'UNKNOWN' || status === 'REMOVED') {
      return { errorCode: { requestError: 'INVALID_ENUM_VALUE' }, message: 'The value is not a valid enum value for this field.', location: at(index, 'update', 'status') };
    }
    planned.status = status;
  }
  if (paths.includes('name')) {
    if (typeof update['name'] !== 'string' || update['name'] === '') return { errorCode: { stringLengthError: 'EMPTY' }, message: 'The field is empty.', location: at(index, 'update', 'name') };
    planned.name = update['name'];
  }
  return planned;
}
