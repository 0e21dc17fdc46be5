// Graph error answers, in Meta's own shape: {error:{message,type,code,error_subcode,fbtrace_id}}.
// https://developers.facebook.com/docs/graph-api/guides/error-handling
import { graphAnswers, graphError, type GraphErrorSpec } from '../kit/simulator/graph.js';

/** Minutes an injected BUC or ad-account throttle announces in estimated_time_to_regain_access. */
export const INJECTED_REGAIN_MINUTES = 7;

export const graphErrorResponse = (spec: GraphErrorSpec): Response => graphError(spec, 'A');

/** Graph's common answers (unknown error, unknown path, app limit…) with this platform's traces. */
export const common = graphAnswers(graphErrorResponse);
export const { unknownError, unknownPath } = common;

export const invalidParam = (message: string, subcode?: number): Response =>
  graphErrorResponse({ status: 400, code: 100, message: `(#100) ${message}`, ...(subcode !== undefined && { subcode }) });

export const unsupportedGet = (id: string): Response =>
  graphErrorResponse({
    status: 400,
    code: 100,
    subcode: 33,
    type: 'GraphMethodException',
    message: `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
  });

/** Business Use Case throttle for ads_management (80004), with the usage header. */
export function bucThrottled(usageHeader: string): Response {
  return graphErrorResponse({
    status: 400,
    code: 80004,
    transient: true,
    message:
      'There have been too many calls to this ad-account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting#ads-management.',
    headers: { 'x-business-use-case-usage': usageHeader },
  });
}

/**
 * The ad account's points maximum reached, or the account still blocked: 17 / 2446079 "User
 * request limit reached" (the code and subcode Meta lists for this limit), with X-Ad-Account-Usage
 * saying when access comes back. https://developers.facebook.com/docs/marketing-apis/rate-limiting
 */
export function pointsThrottled(adAccountUsage: string): Response {
  return graphErrorResponse({
    status: 400,
    code: 17,
    subcode: 2446079,
    transient: true,
    message: '(#17) User request limit reached',
    headers: { 'x-ad-account-usage': adAccountUsage },
  });
}

/** Ad-account level throttle (613 / 1487742). */
export function adAccountThrottled(usageHeader?: string): Response {
  return graphErrorResponse({
    status: 400,
    code: 613,
    subcode: 1487742,
    transient: true,
    message: '(#613) There have been too many calls from this ad-account. Please wait a bit and try again.',
    ...(usageHeader && { headers: { 'x-business-use-case-usage': usageHeader } }),
  });
}

/** The X-Business-Use-Case-Usage header value for one account. */
export function bucUsageHeader(accountDigits: string, usagePct: number, regainMinutes: number, tier: string): string {
  return JSON.stringify({
    [accountDigits]: [
      {
        type: 'ads_management',
        call_count: usagePct,
        total_cputime: Math.round(usagePct / 4),
        total_time: Math.round(usagePct / 4),
        estimated_time_to_regain_access: regainMinutes,
        ads_api_access_tier: tier,
      },
    ],
  });
}
