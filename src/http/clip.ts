/** Longest text a log line or an audit entry takes from a request (a path, a header). */
export const CLIP_LENGTH = 200;

/**
 * The first `max` characters of `text`, marked when cut: request paths are chosen by whoever
 * sends the request, and an 8 KB path copied into every log line or audit entry makes the log a
 * sink anyone can fill.
 */
export function clip(text: string, max = CLIP_LENGTH): string {
  return text.length <= max ? text : `${text.slice(0, max)}…(${text.length} chars)`;
}
