/**
 * SkyHub's order routes for the ERP (reference §2.3–2.5): the order queue, `GET /orders` with its
 * filters, one order, test orders, and the order settings; the status actions, statuses and
 * webhooks are registered from their own files.
 */

import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Cipher } from '../connections/cipher.ts';
import type { Db } from '../db/db.ts';
import { notFound } from '../errors.ts';
import { preferredLanguage } from '../i18n/language.ts';
import { presentOrders } from '../orders/present.ts';
import { getOrderByCode, listOrders, rawPayload, statusHistory } from '../orders/queries.ts';
import { acknowledgeQueuedOrder, queueDepth, takeQueuedOrder } from '../orders/queue.ts';
import { reservationsEnabled, reservationsOfOrder, setReservationsEnabled } from '../orders/reservations.ts';
import { createTestOrder } from '../orders/sandbox.ts';
import { errorResponses, NoContent, withExample } from './contract/common.ts';
import {
  orderDetailExample,
  orderExample,
  orderHistoryExample,
  orderListExample,
  orderRawExample,
  orderSettingsExample,
  queueDepthExample,
  sandboxOrderExample,
} from './contract/order-examples.ts';
import {
  Order,
  OrderDetail,
  OrderHistory,
  OrderList,
  OrderRaw,
  OrderSettings,
  QueueDepth,
} from './contract/orders.ts';
import { orderActionRoutes } from './order-actions.ts';
import { parseOrderQuery } from './order-filters.ts';
import { TestOrderBody } from './order-schemas.ts';
import { noContent } from './products.ts';
import { sellerSecurity } from './schemas.ts';
import type { SellerApi } from './seller-api.ts';
import { principalOf } from './seller-auth.ts';
import { statusRoutes } from './statuses.ts';
import { bodyCheckedByHandler, validate } from './validation.ts';
import { webhookRoutes } from './webhooks.ts';
import { unwrap } from './wrapping.ts';

export interface OrderRouteDeps {
  db: Db;
  cipher: Cipher;
  queueVisibilitySeconds: number;
}

const tags = ['Orders'];
const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 200 }) });
const SettingsBody = withExample(
  Type.Object({ reservations: Type.Boolean() }, { additionalProperties: false }),
  { reservations: false },
);
/** SkyHub's legacy acknowledgement body; Cais acknowledges whatever it says. */
const ExportedBody = withExample(Type.Object({ exported: Type.Optional(Type.Boolean()) }), {
  exported: true,
});
/**
 * SkyHub's query, documented for clients: parseOrderQuery reads it (both bracket styles, the
 * SDK's `filters[statuses][0]` too) and refuses what is wrong with a message naming the key.
 */
const OrderListQuery = Type.Object({
  'filters[statuses][]': Type.Optional(Type.Array(Type.String(), { description: 'Status codes' })),
  'filters[sync_status][]': Type.Optional(
    Type.Array(Type.String(), { description: 'SYNCED or NOT_SYNCED (acknowledged or not)' }),
  ),
  'filters[sale_system]': Type.Optional(Type.String({ description: 'A channel, e.g. "Mercado Livre"' })),
  'filters[start_date]': Type.Optional(Type.String({ description: 'Placed on or after, DD/MM/YYYY' })),
  'filters[end_date]': Type.Optional(Type.String({ description: 'Placed on or before, DD/MM/YYYY' })),
  'filters[connection_id]': Type.Optional(Type.String({ description: 'Cais: one connection’s orders' })),
  page: Type.Optional(Type.Integer({ description: 'From 1 (the default)' })),
  per_page: Type.Optional(Type.Integer({ description: '30 by default; more than 100 is capped at 100' })),
});
const orderResponse = withExample(Order, orderExample);
const orderNotFound = (code: string) =>
  notFound(`order ${code} not found`, { code: 'order_not_found', params: { order: code } });

const account = (request: FastifyRequest) => principalOf(request).accountId;

// Routes that validate nothing still give 400: the seller API refuses a NUL or a lone surrogate
// in any query or header (refuseUnstorableText) before the route, so they name it themselves.

/** Every order route of the seller API. */
export function orderApi(api: SellerApi, deps: OrderRouteDeps): void {
  queueRoutes(api, deps);
  orderReadRoutes(api, deps);
  orderActionRoutes(api, deps);
  statusRoutes(api, deps);
  webhookRoutes(api, deps);
}

function queueRoutes(api: SellerApi, deps: OrderRouteDeps): void {
  api.get(
    '/queues/orders',
    {
      schema: {
        operationId: 'takeQueuedOrder',
        tags,
        summary: `The oldest order not yet acknowledged (hidden for ${deps.queueVisibilitySeconds} s once handed out); 204 when none`,
        security: sellerSecurity,
        response: { 200: orderResponse, 204: NoContent, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const row = await takeQueuedOrder(deps.db, account(request), deps.queueVisibilitySeconds);
      if (!row) return noContent(reply);
      const [order] = await presentOrders(deps.db, account(request), [row]);
      return reply.send(order!);
    },
  );

  api.delete(
    '/queues/orders/:code',
    {
      schema: {
        operationId: 'acknowledgeQueuedOrder',
        tags,
        summary: 'Acknowledge an order (its sync_status turns SYNCED)',
        security: sellerSecurity,
        params: CodeParams,
        // 413/415: a DELETE may carry a body, which Fastify parses (and refuses) before the route.
        response: { 204: NoContent, ...errorResponses(404, 413, 415) },
      },
    },
    async (request, reply) => {
      const outcome = await acknowledgeQueuedOrder(deps.db, account(request), request.params.code);
      if (outcome === 'not_found') throw orderNotFound(request.params.code);
      return noContent(reply);
    },
  );

  api.get(
    '/queues/orders/depth',
    {
      schema: {
        operationId: 'getOrderQueueDepth',
        tags,
        summary: 'How many orders wait in the queue, and how many of them it would hand out now',
        security: sellerSecurity,
        response: { 200: withExample(QueueDepth, queueDepthExample), ...errorResponses(400) },
      },
    },
    (request) => queueDepth(deps.db, account(request)),
  );
}

function orderReadRoutes(api: SellerApi, deps: OrderRouteDeps): void {
  api.get(
    '/orders',
    {
      schema: {
        operationId: 'listOrders',
        tags,
        summary:
          'Orders, newest first: filters[statuses][], filters[sync_status][], filters[sale_system], filters[start_date], filters[end_date] (DD/MM/YYYY), page, per_page',
        security: sellerSecurity,
        querystring: OrderListQuery,
        response: { 200: withExample(OrderList, orderListExample), ...errorResponses() },
      },
    },
    async (request) => {
      const filter = parseOrderQuery(request.query as Record<string, unknown>);
      const { total, rows } = await listOrders(deps.db, account(request), filter);
      return { total, orders: await presentOrders(deps.db, account(request), rows) };
    },
  );

  api.get(
    '/orders/:code',
    {
      schema: {
        operationId: 'getOrder',
        tags,
        summary: 'One order, with the units it holds back from stock (cais.reservations)',
        security: sellerSecurity,
        params: CodeParams,
        response: { 200: withExample(OrderDetail, orderDetailExample), ...errorResponses(404) },
      },
    },
    async (request) => {
      const row = await getOrderByCode(deps.db, account(request), request.params.code);
      // Cais's hints in the caller's language; the marketplace's messages stay its own words.
      const lang = preferredLanguage(request.headers['accept-language']);
      const [order] = await presentOrders(deps.db, account(request), [row], lang);
      const reservations = await reservationsOfOrder(deps.db, row.id);
      return { ...order!, cais: { ...order!.cais, reservations } };
    },
  );

  api.get(
    '/orders/:code/history',
    {
      schema: {
        operationId: 'getOrderHistory',
        tags,
        summary: 'Status history, oldest first',
        security: sellerSecurity,
        params: CodeParams,
        response: { 200: withExample(OrderHistory, orderHistoryExample), ...errorResponses(404) },
      },
    },
    async (request) => {
      const row = await getOrderByCode(deps.db, account(request), request.params.code);
      const history = await statusHistory(deps.db, row.id);
      return {
        code: row.code,
        history: history.map((h) => ({ ...h, at: h.at.toISOString() })),
      };
    },
  );

  api.get(
    '/orders/:code/raw',
    {
      schema: {
        tags,
        operationId: 'getOrderRaw',
        summary: "The marketplace's own payload, as imported",
        security: sellerSecurity,
        params: CodeParams,
        response: { 200: withExample(OrderRaw, orderRawExample), ...errorResponses(404) },
      },
    },
    async (request) => {
      const row = await getOrderByCode(deps.db, account(request), request.params.code);
      return { code: row.code, channel: row.channel, raw: await rawPayload(deps.db, row.id) };
    },
  );

  api.put(
    '/orders/:code/exported',
    {
      schema: {
        tags,
        operationId: 'markOrderExported',
        summary: 'Legacy acknowledgement ({"exported": true})',
        security: sellerSecurity,
        params: CodeParams,
        body: ExportedBody,
        response: { 204: NoContent, ...errorResponses(404) },
      },
      // SkyHub's clients send {"exported": true}, some nothing at all: the body is not read.
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request, reply) => {
      const outcome = await acknowledgeQueuedOrder(deps.db, account(request), request.params.code);
      if (outcome === 'not_found') throw orderNotFound(request.params.code);
      return noContent(reply);
    },
  );

  api.post(
    '/orders',
    {
      schema: {
        tags,
        operationId: 'createTestOrder',
        summary: 'Create a test order (sandbox): no marketplace involved',
        security: sellerSecurity,
        body: TestOrderBody,
        response: { 201: withExample(Order, sandboxOrderExample), ...errorResponses() },
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request, reply) => {
      const input = validate(TestOrderBody, unwrap(request.body, 'order'), 'order');
      return reply.code(201).send(await createTestOrder(deps.db, account(request), input));
    },
  );

  const settingsResponse = withExample(OrderSettings, orderSettingsExample);
  api.get(
    '/settings/orders',
    {
      schema: {
        operationId: 'getOrderSettings',
        tags,
        summary: 'Whether orders hold their units back from stock, and the queue visibility timeout',
        security: sellerSecurity,
        response: { 200: settingsResponse, ...errorResponses(400) },
      },
    },
    async (request) => ({
      reservations: await reservationsEnabled(deps.db, account(request)),
      queue_visibility_seconds: deps.queueVisibilitySeconds,
    }),
  );

  api.put(
    '/settings/orders',
    {
      schema: {
        operationId: 'updateOrderSettings',
        tags,
        summary: 'Turn order reservations on or off (the SKUs they hold owe a stock send either way)',
        security: sellerSecurity,
        body: SettingsBody,
        response: { 200: settingsResponse, ...errorResponses() },
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request) => {
      const body = validate(SettingsBody, unwrap(request.body, 'settings'), 'settings');
      await setReservationsEnabled(deps.db, account(request), body.reservations);
      return { reservations: body.reservations, queue_visibility_seconds: deps.queueVisibilitySeconds };
    },
  );
}
