// Graph error answers, in Meta's own shape: {error:{message,type,code,error_subcode,fbtrace_id}}.
// https://developers.facebook.com/docs/graph-api/guides/error-handling
let trace = 0;

/** Minutes an injected BUC or ad-account throttle announces in estimated_time_to_regain_access. */
export const INJECTED_REGAIN_MINUTES = 7;

export interface GraphErrorSpec {
  status: number;
  message: string;
  code: number;
  subcode?: number;
  type?: string;
  transient?: boolean;
  userTitle?: string;
  userMessage?: string;
  headers?: Record<string, string>;
}

export function graphErrorResponse(spec: GraphErrorSpec): Response {
  const body = {
    error: {
      message: spec.message,
      type: spec.type ?? 'OAuthException',
      code: spec.code,
      ...(spec.subcode !== undefined && { error_subcode: spec.subcode }),
      ...(spec.transient !== undefined && { is_transient: spec.transient }),
      ...(spec.userTitle && { error_user_title: spec.userTitle }),
      ...(spec.userMessage && { error_user_msg: spec.userMessage }),
      fbtrace_id: `A${(++trace).toString(36).padStart(10, 'x')}`,
    },
  };
  return new Response(JSON.stringify(body), {
    status: spec.status,
    headers: { 'content-type': 'application/json; charset=UTF-8', ...spec.headers },
  });
}

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

export const unknownPath = (path: string): Response =>
  graphErrorResponse({ status: 400, code: 2500, message: `Unknown path components: ${path}` });

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

/**
 * An app with "Require App Secret" on: the texts Meta answers, as quoted in the issues of Graph
 * client libraries (e.g. scribejava/scribejava#758, facebookarchive/php-graph-sdk#1117). The
 * HTTP status is not quoted there: 400, like Meta's other code-100 answers (assumed).
 */
export const appSecretProofMissing = (): Response =>
  graphErrorResponse({ status: 400, code: 100, type: 'GraphMethodException', message: 'API calls from the server require an appsecret_proof argument' });

export const appSecretProofInvalid = (): Response =>
  graphErrorResponse({ status: 400, code: 100, type: 'GraphMethodException', message: 'Invalid appsecret_proof provided in the API argument' });

export const unknownError = (): Response =>
  graphErrorResponse({ status: 500, code: 1, subcode: 99, transient: true, message: 'An unknown error occurred' });

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
