// Calls to the service's own API. The key lives in sessionStorage (gone when the tab closes),
// goes out only as `Authorization: Bearer`, never in a cookie or a URL.

const KEY = 'crisis-pause.api-key';

export const session = {
  key: () => sessionStorage.getItem(KEY),
  set: (key) => sessionStorage.setItem(KEY, key),
  clear: () => sessionStorage.removeItem(KEY),
};

/** An answer in the API's error shape, `{error: {code, message, details?}}`. */
export class ApiError extends Error {
  constructor(status, code, message, details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

let onSignedOut = () => undefined;
/** What to do when the service refuses the key mid-session (revoked): back to sign-in. */
export const whenSignedOut = (handler) => void (onSignedOut = handler);

export function authHeaders(key = session.key()) {
  // The source tells the audit a press in the console from a script's call.
  return { Authorization: `Bearer ${key}`, 'X-Crisis-Pause-Source': 'console' };
}

/** One call; answers the parsed body, throws ApiError for any answer that is not 2xx. */
export async function api(method, path, body, options = {}) {
  const headers = { ...authHeaders(options.key), Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'network', 'The service cannot be reached. Check the connection and try again.');
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (response.ok) return json;
  const error = json?.error ?? { code: 'http_' + response.status, message: `The service answered ${response.status}.` };
  if (response.status === 401 && !options.key) onSignedOut('The service no longer accepts this key. Sign in again.');
  throw new ApiError(response.status, error.code, error.message, error.details);
}

/** Fetches `path` as `accept` and saves it as `filename` (the key must stay out of any link). */
export async function download(path, accept, filename) {
  const response = await fetch(path, { headers: { ...authHeaders(), Accept: accept } });
  if (!response.ok) throw new ApiError(response.status, 'export_failed', `The export failed (${response.status}).`);
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
