import { OpenAPIHono } from '@hono/zod-openapi';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { endpoint } from '../endpoint.js';
import type { AppEnv } from '../request-context.js';
import { REQUEST_ID_HEADER } from '../responses.js';

// The console is static files served by the service itself: no CDN, no external font, no build
// step, so it works on a machine cut off from the internet and `npm ci && npm start` serves it.
// The page holds no secret: it asks for an API key and keeps it in sessionStorage. The CSP lets
// the browser load and call nothing but this service; no inline script or style is allowed.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const HTML = 'text/html; charset=utf-8';
const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/** Every file the console is made of, by the name it is served under (/console/<name>). */
export const CONSOLE_ASSETS = {
  'console.css': { type: CSS, summary: "The console's style sheet" },
  'main.js': { type: JS, summary: 'The console: sign-in, screens, live progress' },
  'api.js': { type: JS, summary: 'The console: calls to this API with the bearer key' },
  'events.js': { type: JS, summary: 'The console: reads GET /v1/events with fetch' },
  'dom.js': { type: JS, summary: 'The console: building the page safely' },
  'format.js': { type: JS, summary: 'The console: words for states, counts and times' },
  'sign-in.js': { type: JS, summary: 'The console: the sign-in screen' },
  'now.js': { type: JS, summary: 'The console: the active pauses and their progress' },
  'ladder.js': { type: JS, summary: 'The console: the severity buttons, the dry run and the confirm' },
  'pause-detail.js': { type: JS, summary: "The console: one pause's summary and tabs" },
  'review.js': { type: JS, summary: "The console: a pause's items, release and keep" },
  'resume.js': { type: JS, summary: 'The console: resume, approve, withdraw' },
  'playbook.js': { type: JS, summary: "The console: a pause's playbook, tasks and statements" },
  'audit.js': { type: JS, summary: "The console: a pause's timeline and its export" },
} as const;

const ASSET_DIR = new URL('../../console/assets/', import.meta.url);

const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // Always checked with the service: an upgrade shows at once, and a lead never runs an old page.
  'Cache-Control': 'no-cache',
};

/** GET / (the console's page) and GET /console/<file>: no key, the page asks for one. */
export function consoleRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  const files = new Map<string, Promise<Buffer>>();
  const file = (name: string) => {
    if (!files.has(name)) files.set(name, readFile(new URL(name, ASSET_DIR)));
    return files.get(name)!;
  };
  const tags = ['console'];
  const text = (description: string, type: string) => ({ description, headers: REQUEST_ID_HEADER, content: { [type.split(';')[0]!]: { schema: z.string() } } });

  endpoint(
    app,
    { method: 'get', path: '/', summary: 'The crisis console', tags, auth: false, responses: { 200: text('the page', HTML) } },
    async (c) => c.body(new Uint8Array(await file('index.html')), 200, { 'Content-Type': HTML, ...SECURITY_HEADERS }),
  );
  for (const [name, { type, summary }] of Object.entries(CONSOLE_ASSETS))
    endpoint(
      app,
      { method: 'get', path: `/console/${name}`, summary, tags, auth: false, responses: { 200: text('a file of the console', type) } },
      async (c) => c.body(new Uint8Array(await file(name)), 200, { 'Content-Type': type, ...SECURITY_HEADERS }),
    );
  return app;
}
