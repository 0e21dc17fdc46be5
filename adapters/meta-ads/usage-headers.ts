// Meta's usage headers: how long until a throttled app/account may call again.
// https://developers.facebook.com/docs/graph-api/overview/rate-limiting#headers
//
// X-Business-Use-Case-Usage: {"<business or ad account id>": [{"type":"ads_management",
//   "call_count":100,"total_cputime":20,"total_time":20,"estimated_time_to_regain_access":19}]}
//   (estimated_time_to_regain_access is in MINUTES)
// X-Ad-Account-Usage: {"acc_id_util_pct":9.67,"reset_time_duration":100} (SECONDS)

/** The longest wait any usage header announces, in ms; undefined when none announces one. */
export function throttleRetryAfterMs(headers: Record<string, string>): number | undefined {
  const waits = [...bucWaitsMs(headers['x-business-use-case-usage']), ...adAccountWaitMs(headers['x-ad-account-usage'])];
  const longest = Math.max(0, ...waits);
  return longest > 0 ? longest : undefined;
}

function bucWaitsMs(header: string | undefined): number[] {
  const parsed = parseJson(header);
  if (!parsed || typeof parsed !== 'object') return [];
  const waits: number[] = [];
  for (const entries of Object.values(parsed as Record<string, unknown>)) {
    if (!Array.isArray(entries)) continue;
    for (const entry of entries) {
      const minutes = Number((entry as { estimated_time_to_regain_access?: unknown } | null)?.estimated_time_to_regain_access);
      if (Number.isFinite(minutes) && minutes > 0) waits.push(minutes * 60_000);
    }
  }
  return waits;
}

function adAccountWaitMs(header: string | undefined): number[] {
  const seconds = Number((parseJson(header) as { reset_time_duration?: unknown } | null)?.reset_time_duration);
  return Number.isFinite(seconds) && seconds > 0 ? [seconds * 1000] : [];
}

function parseJson(text: string | undefined): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Batch elements carry headers as `[{name, value}]`; lower-case them like the HTTP client does. */
export function headerMap(headers: ReadonlyArray<{ name: string; value: string }> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { name, value } of headers ?? []) out[name.toLowerCase()] = value;
  return out;
}
