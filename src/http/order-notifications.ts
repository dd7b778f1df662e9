/**
 * The public callback marketplaces notify (no API key: Mercado Livre calls it). Mercado Livre
 * wants an HTTP 200 within 500 ms or it may disable the topic [doc via 2nd], so the handler only
 * files the order id and queues an import run (two small writes), and answers 200 to anything
 * it does not use, so an unrelated topic never counts as a failure against Cais.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Db } from '../db/db.ts';
import {
  connectionsOfSeller,
  fileNotifications,
  parseMercadoLivreNotification,
} from '../orders/notifications.ts';
import type { SyncJobData } from '../sync/scheduler.ts';
import { errorResponses, withExample } from './contract/common.ts';
import { NotificationReceived } from './contract/orders.ts';
import { bodyCheckedByHandler } from './validation.ts';

/**
 * What Mercado Livre posts [doc: notifications]. Documented, not enforced: anything else is
 * answered 200 too (see above), so the handler reads it with parseMercadoLivreNotification.
 */
const MercadoLivreNotification = withExample(
  Type.Object({
    resource: Type.Optional(Type.String({ description: 'e.g. /orders/2000001234' })),
    user_id: Type.Optional(Type.Union([Type.Integer(), Type.String()], { description: 'The ML seller id' })),
    topic: Type.Optional(Type.String({ description: 'orders_v2 (or orders); other topics are ignored' })),
    application_id: Type.Optional(Type.Union([Type.Integer(), Type.String()])),
    attempts: Type.Optional(Type.Integer()),
    sent: Type.Optional(Type.String()),
    received: Type.Optional(Type.String()),
  }),
  {
    resource: '/orders/2000001234',
    user_id: 123456789,
    topic: 'orders_v2',
    application_id: 5503910054141466,
    attempts: 1,
    sent: '2026-03-02T14:05:01.123Z',
    received: '2026-03-02T14:05:01.100Z',
  },
);

export interface NotificationRouteDeps {
  db: Db;
  enqueueRun?: ((data: SyncJobData) => Promise<boolean>) | undefined;
}

export function orderNotificationRoutes(app: FastifyInstance, deps: NotificationRouteDeps): void {
  app.post(
    '/notifications/mercadolivre',
    {
      schema: {
        operationId: 'receiveMercadoLivreNotification',
        tags: ['Marketplace callbacks'],
        summary: "Mercado Livre's notification callback (set it as the app's callback URL, topic orders_v2)",
        body: MercadoLivreNotification,
        // 400/413/415 (a body that is not JSON) and 500 come from the app's onRoute hook.
        response: { 200: withExample(NotificationReceived, { received: true }), ...errorResponses() },
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request, reply) => {
      const notification = parseMercadoLivreNotification(request.body);
      if (notification) {
        const connections = await connectionsOfSeller(deps.db, 'mercadolivre', notification.userId);
        await fileNotifications(
          deps.db,
          connections.map((connectionId) => ({ connectionId, externalId: notification.orderId })),
        );
        for (const connectionId of connections) {
          // A queued run already waiting for this connection covers this one too (singleton key).
          void deps
            .enqueueRun?.({ connectionId, resource: 'orders', trigger: 'continuous' })
            .catch((error: unknown) => request.log.warn({ err: error }, 'could not queue an order import'));
        }
      }
      return reply.code(200).send({ received: true });
    },
  );
}
