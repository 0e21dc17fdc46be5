import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './request-context.js';

/**
 * The OpenAPI 3.1 document of `app`, from the zod schemas its routes were registered with
 * (endpoint.ts): nothing in it is written by hand but the words.
 */
export function openApiDocument(app: OpenAPIHono<AppEnv>) {
  const registry = app.openAPIRegistry;
  registry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'an API key: `Authorization: Bearer <key>`. The first one is printed once by the first start, or set with BOOTSTRAP_API_KEY.',
  });
  return app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'crisis-pause',
      version: '1',
      description:
        'Suspends everything a brand has queued to go out — scheduled posts, sponsored ads, marketing emails — across every platform, by crisis severity, and later puts back exactly what it suspended. Errors are always `{"error": {"code", "message", "details?"}}`.',
    },
    tags: [
      { name: 'pauses', description: 'the pause-by-severity endpoint, resume, retry, release, keep' },
      { name: 'catalog', description: 'the severity ladder and the connections' },
      { name: 'audit', description: 'the append-only, hash-chained audit log' },
      { name: 'events', description: 'progress of pauses and resumes, as server-sent events' },
      { name: 'console', description: 'the crisis console: the page and its files (no key; the page asks for one)' },
      { name: 'health', description: 'probes' },
      { name: 'documentation', description: 'this document and its viewer' },
    ],
  });
}
