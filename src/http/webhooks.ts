/**
 * Cais's webhook routes (beyond SkyHub): register endpoints and the events they want, rotate
 * their signing secret, read each endpoint's delivery log, and replay dead-lettered deliveries.
 */
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { notFound } from '../errors.ts';
import { attemptsOf, deliveryBody, listDeliveries, replayDeliveries } from '../webhooks/deliver.ts';
import {
  createEndpoint,
  deleteEndpoint,
  getEndpoint,
  listEndpoints,
  presentEndpoint,
  rotateSecret,
  updateEndpoint,
} from '../webhooks/endpoints.ts';
import {
  DeliveryBody,
  DeliveryList,
  DeliveryParams,
  DeliveryQuery,
  ReplayBody,
  Replayed,
  WebhookAnswer,
  WebhookBody,
  WebhookIdParams,
  WebhookInput,
  WebhookList,
  WebhookWithSecret,
} from './contract/webhooks.ts';
import type { OrderRouteDeps } from './orders.ts';
import { noContent } from './products.ts';
import { errorResponses, NoContent, sellerSecurity } from './schemas.ts';
import type { SellerApi } from './seller-api.ts';
import { principalOf } from './seller-auth.ts';
import { bodyCheckedByHandler, validate } from './validation.ts';
import { unwrap } from './wrapping.ts';

const tags = ['Webhooks'];
const found = errorResponses(404);

export function webhookRoutes(api: SellerApi, deps: OrderRouteDeps): void {
  const account = (request: FastifyRequest) => principalOf(request).accountId;
  const body = (request: FastifyRequest) =>
    validate(WebhookInput, unwrap(request.body, 'webhook'), 'webhook');

  api.post(
    '/webhooks',
    {
      schema: {
        operationId: 'createWebhook',
        tags,
        summary: 'Register an endpoint; the answer holds its signing secret, shown once',
        security: sellerSecurity,
        body: WebhookBody,
        response: { 201: WebhookWithSecret },
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request, reply) => {
      const { endpoint, secret } = await createEndpoint(
        deps.db,
        deps.cipher,
        account(request),
        body(request),
      );
      return reply.code(201).send({ webhook: presentEndpoint(endpoint, secret) });
    },
  );

  api.get(
    '/webhooks',
    {
      schema: {
        operationId: 'listWebhooks',
        tags,
        summary: "The account's endpoints",
        security: sellerSecurity,
        response: { 200: WebhookList },
      },
    },
    async (request) => ({
      webhooks: (await listEndpoints(deps.db, account(request))).map((e) => presentEndpoint(e)),
    }),
  );

  api.get(
    '/webhooks/:id',
    {
      schema: {
        operationId: 'getWebhook',
        tags,
        summary: 'An endpoint',
        security: sellerSecurity,
        params: WebhookIdParams,
        response: { 200: WebhookAnswer, ...found },
      },
    },
    async (request) => ({
      webhook: presentEndpoint(await getEndpoint(deps.db, account(request), request.params.id)),
    }),
  );

  api.put(
    '/webhooks/:id',
    {
      schema: {
        operationId: 'updateWebhook',
        tags,
        summary: 'Replace an endpoint (URL, events, description, status)',
        security: sellerSecurity,
        params: WebhookIdParams,
        body: WebhookBody,
        response: { 200: WebhookAnswer, ...found },
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request) => ({
      webhook: presentEndpoint(
        await updateEndpoint(deps.db, account(request), request.params.id, body(request)),
      ),
    }),
  );

  api.delete(
    '/webhooks/:id',
    {
      schema: {
        operationId: 'deleteWebhook',
        tags,
        summary: 'Remove an endpoint; its pending deliveries stop',
        security: sellerSecurity,
        params: WebhookIdParams,
        response: { 204: NoContent, ...found },
      },
    },
    async (request, reply) => {
      await deleteEndpoint(deps.db, account(request), request.params.id);
      return noContent(reply);
    },
  );

  api.post(
    '/webhooks/:id/rotate_secret',
    {
      schema: {
        operationId: 'rotateWebhookSecret',
        tags,
        summary: 'A new signing secret, shown once; the old one stops at once',
        security: sellerSecurity,
        params: WebhookIdParams,
        response: { 200: WebhookWithSecret, ...found },
      },
    },
    async (request) => {
      const { endpoint, secret } = await rotateSecret(
        deps.db,
        deps.cipher,
        account(request),
        request.params.id,
      );
      return { webhook: presentEndpoint(endpoint, secret) };
    },
  );

  api.get(
    '/webhooks/:id/deliveries',
    {
      schema: {
        operationId: 'listWebhookDeliveries',
        tags,
        summary: 'Delivery log, newest first (status=dead: the dead letters)',
        security: sellerSecurity,
        params: WebhookIdParams,
        querystring: DeliveryQuery,
        response: { 200: DeliveryList, ...found },
      },
    },
    async (request) => {
      await getEndpoint(deps.db, account(request), request.params.id);
      const rows = await listDeliveries(deps.db, account(request), request.params.id, {
        status: request.query.status,
        beforeId: request.query.before,
        limit: request.query.per_page ?? 50,
      });
      const attempts = await attemptsOf(
        deps.db,
        rows.map((r) => r.id),
      );
      return {
        deliveries: rows.map((r) => ({
          ...r,
          next_attempt_at: r.status === 'pending' ? r.next_attempt_at.toISOString() : null,
          created_at: r.created_at.toISOString(),
          finished_at: r.finished_at?.toISOString() ?? null,
          attempt_log: attempts
            .filter((a) => a.delivery_id === r.id)
            .map(({ delivery_id: _, ...a }) => ({ ...a, at: a.at.toISOString() })),
        })),
      };
    },
  );

  api.get(
    '/webhooks/:id/deliveries/:deliveryId/body',
    {
      schema: {
        operationId: 'getWebhookDeliveryBody',
        tags,
        summary: 'The exact body that was (and is) signed and sent',
        security: sellerSecurity,
        params: DeliveryParams,
        response: { 200: DeliveryBody, ...found },
      },
    },
    async (request, reply) => {
      const text = await deliveryBody(deps.db, account(request), request.params.deliveryId);
      if (text === undefined)
        throw notFound(`delivery ${request.params.deliveryId} not found`, {
          code: 'delivery_not_found',
          params: { delivery: request.params.deliveryId },
        });
      return reply.type('application/json').send(text);
    },
  );

  api.post(
    '/webhooks/:id/replay',
    {
      schema: {
        operationId: 'replayWebhookDeliveries',
        tags,
        summary: 'Send dead-lettered deliveries again (all, or those listed)',
        security: sellerSecurity,
        params: WebhookIdParams,
        body: Type.Optional(ReplayBody),
        response: { 200: Replayed, ...found },
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request) => {
      await getEndpoint(deps.db, account(request), request.params.id);
      const b = validate(ReplayBody, request.body ?? {}, '');
      const ids = await replayDeliveries(deps.db, account(request), request.params.id, {
        ids: b.delivery_ids,
      });
      return { replayed: ids.length, delivery_ids: ids };
    },
  );
}
