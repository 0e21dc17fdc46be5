import { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { DELIVERY_STATES, DeliverySchema, type Delivery } from '../../domain/delivery.js';
import type { Notifier } from '../../notify/notifier.js';
import type { Store } from '../../store/store.js';
import { endpoint } from '../endpoint.js';
import { contextOf, type AppEnv } from '../request-context.js';
import { jsonResponse } from '../responses.js';
import { EmptySchema } from '../schemas.js';
import { page } from '../views.js';

const tags = ['notifications'];

// `payload` is any JSON object; its recursive schema would send the generator round in circles.
const NotificationViewSchema = DeliverySchema.omit({ seq: true })
  .extend({ payload: z.record(z.string(), z.unknown()).meta({ description: 'the body as sent: Block Kit for Slack, the event JSON for a webhook' }) })
  .meta({ id: 'Notification', description: 'one message to one target (`slack` or `webhook:<name>`), with its attempts' });

const NotificationQuerySchema = z.object({
  pauseId: z.string().min(1).optional(),
  state: z.enum(DELIVERY_STATES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().min(1).optional(),
});

const NotificationParamsSchema = z.object({ id: z.string().min(1).meta({ description: 'the notification id (`ntf_…`)' }) });

const view = ({ seq: _seq, ...rest }: Delivery) => rest;

/** The delivery log of messages out (Slack, webhooks), and a retry of one that failed. */
export function notificationRoutes(store: Store, notifier: Notifier) {
  const app = new OpenAPIHono<AppEnv>();
  endpoint(
    app,
    {
      method: 'get',
      path: '/',
      summary: 'The delivery log of notifications, newest first',
      description:
        'Every message sent or to be sent to Slack and the outbound webhooks, with its attempts and last error. `failed` ones gave up after `notifications.retries.attempts` and were logged and audited (`notification.failed`).',
      tags,
      query: NotificationQuerySchema,
      responses: { 200: jsonResponse('a page of notifications', page(NotificationViewSchema)) },
    },
    async (c, { query }) => {
      const result = await store.listDeliveries({ limit: query.limit, ...(query.pauseId && { pauseId: query.pauseId }), ...(query.state && { state: query.state }), ...(query.cursor && { cursor: query.cursor }) });
      return c.json({ data: result.data.map(view), nextCursor: result.nextCursor });
    },
  );
  endpoint(
    app,
    {
      method: 'post',
      path: '/{id}/retry',
      summary: 'Send a failed notification again',
      description: 'Puts it back as pending with as many attempts again as config gives; audited (`notification.retry-requested`). 409 unless it failed.',
      tags,
      params: NotificationParamsSchema,
      body: { schema: EmptySchema, required: false, description: 'nothing, or `{}`' },
      responses: { 202: jsonResponse('pending again; it goes out shortly', z.object({ notification: NotificationViewSchema })) },
      errors: [409],
    },
    async (c, { params }) => c.json({ notification: view(await notifier.retry(params.id, contextOf(c))) }, 202),
  );
  return app;
}
