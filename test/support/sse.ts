// A server-sent events reader for tests: fetch and a stream reader, as the console reads them.

export interface SseEvent {
  event: string;
  id: string | undefined;
  data: string;
}

export interface SseStream {
  status: number;
  events: SseEvent[];
  /** comment lines (`: heartbeat`) seen so far */
  comments: number;
  close(): void;
}

/** Opens `url` and collects its events as they arrive, until closed. */
export async function openSse(url: string, headers: Record<string, string>): Promise<SseStream> {
  const abort = new AbortController();
  const response = await fetch(url, { headers, signal: abort.signal });
  const stream: SseStream = { status: response.status, events: [], comments: 0, close: () => abort.abort() };
  if (!response.ok || !response.body) return stream;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.startsWith(':')) stream.comments++;
          else stream.events.push(parseBlock(block));
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return stream;
}

function parseBlock(block: string): SseEvent {
  const event: SseEvent = { event: 'message', id: undefined, data: '' };
  const data: string[] = [];
  for (const line of block.split('\n')) {
    const colon = line.indexOf(':');
    const field = line.slice(0, colon);
    const value = line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event.event = value;
    else if (field === 'id') event.id = value;
    else if (field === 'data') data.push(value);
  }
  event.data = data.join('\n');
  return event;
}
