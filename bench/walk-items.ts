// Reads a whole pause back through the API the way the console does (its counts, then every
// item page by page), to time the read paths over thousands of items: cursor paging that
// rescans the list per page would show here as a time growing with the square of the items.
import type { ApiAnswer } from './api-client.js';

export interface ReadFigures {
  pauseGetMs: number;
  pageLimit: number;
  pages: number;
  items: number;
  walkS: number;
}

export async function walkItems(api: (method: string, path: string) => Promise<ApiAnswer>, pauseId: string, pageLimit = 100): Promise<ReadFigures> {
  let t = performance.now();
  const pause = await api('GET', `/v1/pauses/${pauseId}`);
  if (pause.status !== 200) throw new Error(`GET /v1/pauses/${pauseId} answered ${pause.status}`);
  const pauseGetMs = Math.round(performance.now() - t);
  t = performance.now();
  let cursor: string | null = null;
  let pages = 0;
  let items = 0;
  do {
    const page: ApiAnswer = await api('GET', `/v1/pauses/${pauseId}/items?limit=${pageLimit}${cursor ? `&cursor=${cursor}` : ''}`);
    if (page.status !== 200) throw new Error(`items page ${pages + 1} answered ${page.status}`);
    pages++;
    items += page.body.data.length;
    cursor = page.body.nextCursor;
  } while (cursor);
  return { pauseGetMs, pageLimit, pages, items, walkS: Math.round((performance.now() - t) / 10) / 100 };
}
