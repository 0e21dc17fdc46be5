// Live progress from GET /v1/events. EventSource cannot send an Authorization header, so the
// stream is read with fetch and a stream reader. A dropped stream reconnects with the last event
// id it saw: the service replays every audit entry after it, so nothing is lost.
import { authHeaders } from './api.js';

const RETRY_MS = 2_000;

/**
 * Connects and keeps connected until closed. `handlers`: pause(view), audit(entry),
 * status('live' | 'reconnecting'), refused() when the key is no longer accepted.
 */
export function connectEvents(handlers) {
  let lastId = null;
  let closed = false;
  let controller = null;

  const dispatch = (block) => {
    let event = 'message';
    const data = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue; // a heartbeat
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'id') lastId = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length === 0) return;
    const payload = JSON.parse(data.join('\n'));
    if (event === 'pause') handlers.pause?.(payload);
    else if (event === 'audit') handlers.audit?.(payload);
  };

  const run = async () => {
    while (!closed) {
      try {
        controller = new AbortController();
        const headers = { ...authHeaders(), Accept: 'text/event-stream' };
        if (lastId !== null) headers['Last-Event-ID'] = lastId;
        const response = await fetch('/v1/events', { headers, signal: controller.signal });
        if (response.status === 401) return handlers.refused?.();
        if (!response.ok || !response.body) throw new Error(`events: ${response.status}`);
        handlers.status?.('live');
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value.replaceAll('\r\n', '\n');
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            dispatch(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
        }
      } catch {
        // a dropped connection or a close(): the loop decides
      }
      if (closed) return;
      handlers.status?.('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  };
  void run();
  return {
    close() {
      closed = true;
      controller?.abort();
    },
  };
}
