/**
 * The public callback marketplaces notify (no API key: Mercado Livre calls it). Mercado Livre
 * wants an HTTP 200 within 500 ms or it may disable the topic [doc via 2nd], so the handler only
 * files the order id and queues an import run (two small writes), and answers 200 to anything
 * it does not use, so an unrelated topic never counts as a failure against Cais.
 */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/db.ts';
import {
  connectionsOfSeller,
  fileNotifications,
  parseMercadoLivreNotification,
} from '../orders/notifications.ts';
import type { SyncJobData } from '../sync/scheduler.ts';

export interface NotificationRouteDeps {
  db: Db;
  enqueueRun?: ((data: SyncJobData) => Promise<boolean>) | undefined;
}

export function orderNotificationRoutes(app: FastifyInstance, deps: NotificationRouteDeps): void {
  app.post(
    '/notifications/mercadolivre',
    {
      schema: {
        tags: ['Marketplace callbacks'],
        summary: "Mercado Livre's notification callback (set it as the app's callback URL, topic orders_v2)",
      },
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
