// The Graph API routes the simulator answers for Pages: Page and post reads, the Page's
// `scheduled_posts` edge, `/feed` creates, photo reads and `/photos` uploads, post deletes, and
// the batch endpoint.
import { Hono, type Context } from 'hono';
import type { Clock } from '../types.js';
import { readParams, type Files, type Params } from './simulator-auth.js';
import { batchHandler } from './simulator-batch.js';
import { parseFeedPost } from './simulator-feed.js';
import { invalidParam, unknownPath, unsupported } from './simulator-errors.js';
import { parseFields, postView, scheduledPostsEdge } from './simulator-listing.js';
import { parsePhotoPost } from './simulator-photos.js';
import { photoAsGraph, SIM_PAGE_FIELDS, SIM_PHOTO_FIELDS } from './simulator-world-data.js';
import type { FacebookPagesWorld } from './simulator-world.js';

/** `params` as the outer request's authentication read them; sub-requests of a batch read their own. */
export type GraphEnv = { Bindings: { params?: Params; files?: Files }; Variables: { params: Params; files: Files; cdnRoot: string } };

export function graphApp(world: FacebookPagesWorld, clock: Clock): Hono<GraphEnv> {
  const app = new Hono<GraphEnv>({ strict: false });
  app.use('*', async (c, next) => {
    c.set('params', c.env?.params ?? (await readParams(c.req)));
    c.set('files', c.env?.files ?? {});
    // The CDN URLs reads hand out point back at this simulator, under the sandbox's prefix.
    c.set('cdnRoot', `${new URL(c.req.url).origin}${c.req.header('x-forwarded-prefix') ?? ''}/__cdn`);
    await next();
  });
  app.use('/:version/*', async (c, next) => (isVersion(c.req.param('version')) ? next() : unknownPath(new URL(c.req.url).pathname)));
  const batch = batchHandler({ fetchInner: (request) => Promise.resolve(app.fetch(request, {})), world });

  app.post('/:version', (c) => (isVersion(c.req.param('version')) ? batch(c) : unknownPath(new URL(c.req.url).pathname)));

  // https://developers.facebook.com/docs/graph-api/reference/page-post/#Reading (and /page/)
  app.get('/:version/:node', (c) => {
    const id = c.req.param('node');
    const post = world.get(id);
    if (post) {
      const fields = parseFields(c.var.params['fields'], 'PagePost');
      return fields instanceof Response ? fields : c.json(postView(post, fields, clock.now(), c.var.cdnRoot));
    }
    // https://developers.facebook.com/docs/graph-api/reference/photo/#Reading
    const photo = world.photo(id);
    if (photo) {
      const fields = (c.var.params['fields'] ?? 'id').split(',').map((s) => s.trim());
      const unknown = fields.find((f) => !(SIM_PHOTO_FIELDS as readonly string[]).includes(f));
      if (unknown) return invalidParam(`Tried accessing nonexisting field (${unknown}) on node type (Photo)`);
      const view = photoAsGraph(photo.post, photo.photo, c.var.cdnRoot);
      return c.json(Object.fromEntries(fields.map((f) => [f, view[f]])));
    }
    const page = world.page(id);
    if (!page) return unsupported('get', id);
    const fields = (c.var.params['fields'] ?? 'id').split(',').map((s) => s.trim());
    const unknown = fields.find((f) => !(SIM_PAGE_FIELDS as readonly string[]).includes(f));
    if (unknown) return invalidParam(`Tried accessing nonexisting field (${unknown}) on node type (Page)`);
    const view: Record<string, string> = { id: page.id, name: page.name, category: page.category, link: `https://www.facebook.com/${page.id}` };
    return c.json(Object.fromEntries(fields.map((f) => [f, view[f]])));
  });

  // https://developers.facebook.com/docs/graph-api/reference/page-post/#deleting
  app.delete('/:version/:node', (c) => {
    const post = world.get(c.req.param('node'));
    if (!post) return unsupported('delete', c.req.param('node'));
    world.remove(post);
    return c.json({ success: true });
  });

  app.get('/:version/:node/scheduled_posts', (c) => scheduledPostsEdge(c, world, () => clock.now()));

  // https://developers.facebook.com/docs/graph-api/reference/page/feed/#publish
  app.post('/:version/:node/feed', (c) => {
    const pageId = c.req.param('node');
    if (!world.page(pageId)) return unsupported('post', pageId);
    const fields = parseFeedPost(c.var.params, clock);
    if (fields instanceof Response) return fields;
    return c.json({ id: world.create(pageId, fields) });
  });

  // https://developers.facebook.com/docs/graph-api/reference/page/photos/#Creating
  app.post('/:version/:node/photos', async (c) => {
    const pageId = c.req.param('node');
    if (!world.page(pageId)) return unsupported('post', pageId);
    const fields = await parsePhotoPost(c.var.params, c.var.files, clock);
    if (fields instanceof Response) return fields;
    const id = world.create(pageId, fields);
    return c.json({ id: world.post(id)!.photo!.id, post_id: id });
  });

  app.all('*', (c: Context) => unknownPath(new URL(c.req.url).pathname));
  return app;
}

function isVersion(version: string | undefined): boolean {
  return version !== undefined && /^v\d+\.0$/.test(version);
}
