import { OpenAPIHono } from '@hono/zod-openapi';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { z } from 'zod';
import { endpoint } from '../endpoint.js';
import type { AppEnv } from '../request-context.js';
import { jsonResponse, REQUEST_ID_HEADER } from '../responses.js';

// The viewer is Swagger UI from the swagger-ui-dist package, served by us: no CDN, no external
// font, so the documentation works on a machine cut off from the internet. The CSP makes the
// browser refuse anything from elsewhere; the validator badge (a call to swagger.io) is off.
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'", // Swagger UI sets inline styles
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>crisis-pause API</title>
    <link rel="stylesheet" href="/docs/swagger-ui.css">
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/docs/swagger-ui-bundle.js"></script>
    <script src="/docs/swagger-initializer.js"></script>
  </body>
</html>
`;

const INITIALIZER = `window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
});
`;

const ASSETS = {
  'swagger-ui.css': { type: 'text/css; charset=utf-8', summary: "Swagger UI's style sheet" },
  'swagger-ui-bundle.js': { type: 'text/javascript; charset=utf-8', summary: 'Swagger UI' },
} as const;

type OpenApiDocument = ReturnType<OpenAPIHono['getOpenAPI31Document']>;

/** GET /openapi.json (built once, on first call) and GET /docs, the viewer. */
export function documentationRoutes(document: () => OpenApiDocument) {
  const app = new OpenAPIHono<AppEnv>();
  const require = createRequire(import.meta.url);
  const files = new Map<string, Promise<Buffer>>();
  const asset = (name: string) => {
    if (!files.has(name)) files.set(name, readFile(require.resolve(`swagger-ui-dist/${name}`)));
    return files.get(name)!;
  };
  let built: OpenApiDocument | undefined;
  const tags = ['documentation'];
  const text = (description: string, type: string) => ({
    description,
    headers: REQUEST_ID_HEADER,
    content: { [type.split(';')[0]!]: { schema: z.string() } },
  });

  endpoint(
    app,
    {
      method: 'get',
      path: '/openapi.json',
      summary: 'This document',
      tags,
      auth: false,
      responses: { 200: jsonResponse('the OpenAPI 3.1 document of every route', z.record(z.string(), z.unknown())) },
    },
    (c) => c.json((built ??= document())),
  );
  endpoint(
    app,
    { method: 'get', path: '/docs', summary: 'The API documentation, in a browser', tags, auth: false, responses: { 200: text('the viewer', 'text/html') } },
    (c) => {
      c.header('Content-Security-Policy', CSP);
      return c.html(PAGE);
    },
  );
  endpoint(
    app,
    { method: 'get', path: '/docs/swagger-initializer.js', summary: 'Starts the viewer on /openapi.json', tags, auth: false, responses: { 200: text('a script', 'text/javascript') } },
    (c) => c.body(INITIALIZER, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }),
  );
  for (const [name, { type, summary }] of Object.entries(ASSETS))
    endpoint(
      app,
      { method: 'get', path: `/docs/${name}`, summary, tags, auth: false, responses: { 200: text(`from the swagger-ui-dist package`, type) } },
      async (c) => c.body(new Uint8Array(await asset(name)), 200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=86400' }),
    );
  return app;
}
