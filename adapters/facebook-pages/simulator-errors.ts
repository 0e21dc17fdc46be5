// Graph error answers, in Meta's own shape: {error:{message,type,code,error_subcode,fbtrace_id}}.
// https://developers.facebook.com/docs/graph-api/guides/error-handling
import { graphAnswers, graphError, type GraphErrorSpec } from '../kit/simulator/graph.js';

/** Minutes an injected Pages throttle announces in estimated_time_to_regain_access. */
export const INJECTED_REGAIN_MINUTES = 5;

export const graphErrorResponse = (spec: GraphErrorSpec): Response => graphError(spec, 'B');

/** Graph's common answers (unknown error, unknown path, app limit…) with this platform's traces. */
export const common = graphAnswers(graphErrorResponse);
export const { unknownError, unknownPath } = common;

export const invalidParam = (message: string): Response => graphErrorResponse({ status: 400, code: 100, message: `(#100) ${message}` });

/** What Graph answers for an id that does not exist (or is gone): 100 / subcode 33. */
export const unsupported = (verb: 'get' | 'post' | 'delete', id: string): Response =>
  graphErrorResponse({
    status: 400,
    code: 100,
    subcode: 33,
    type: 'GraphMethodException',
    message: `Unsupported ${verb} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
  });

/** A Page token used on another Page, or a token without pages_manage_posts. */
export const permissionDenied = (what: string): Response =>
  graphErrorResponse({ status: 403, code: 200, message: `(#200) ${what}` });

/** Page-level throttle: 32 "Page request limit reached", with X-Page-Usage percentages. */
export const pageThrottled = (): Response =>
  graphErrorResponse({
    status: 400,
    code: 32,
    transient: true,
    message: '(#32) Page request limit reached',
    headers: { 'x-page-usage': JSON.stringify({ call_count: 100, total_cputime: 20, total_time: 25, estimated_time_to_regain_access: INJECTED_REGAIN_MINUTES }) },
  });

/** The Page's Business Use Case budget spent: 80001, the regain time in X-Business-Use-Case-Usage. */
export function pagesBucThrottled(pageId: string): Response {
  const usage = { [pageId]: [{ type: 'pages', call_count: 100, total_cputime: 30, total_time: 40, estimated_time_to_regain_access: INJECTED_REGAIN_MINUTES }] };
  return graphErrorResponse({
    status: 400,
    code: 80001,
    transient: true,
    message: 'There have been too many calls to this Page account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.',
    headers: { 'x-business-use-case-usage': JSON.stringify(usage) },
  });
}

