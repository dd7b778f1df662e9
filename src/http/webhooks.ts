/**
 * Cais's webhook routes (beyond SkyHub): register endpoints and the events they want, rotate
 * their signing secret, read each endpoint's delivery log, and replay dead-lettered deliveries.
 */
import type { FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
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
import { type EventType, eventTypes } from '../webhooks/events.ts';
import type { OrderRouteDeps } from './orders.ts';
import { noContent } from './products.ts';
import { sellerSecurity } from './schemas.ts';
import type { SellerApi } from './seller-api.ts';
import { principalOf } from './seller-auth.ts';
import { bodyCheckedByHandler, validate } from './validation.ts';
import { unwrap } from './wrapping.ts';

const tags = ['Webhooks'];
const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
const IdParams = Type.Object({ id: Id });

const EndpointBody = Type.Object(
  {
    url: Type.String({ minLength: 1, maxLength: 2000 }),
    events: Type.Array(Type.Union(eventTypes.map((e) => Type.Literal(e))), {
      minItems: 1,
      maxItems: eventTypes.length,
    }),
    description: Type.Optional(Type.String({ maxLength: 500 })),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
  },
  { additionalProperties: false },
);
type EndpointBody = Static<typeof EndpointBody> & { events: EventType[] };

const LogQuery = Type.Object({
  status: Type.Optional(
    Type.Union([Type.Literal('pending'), Type.Literal('succeeded'), Type.Literal('dead')]),
  ),
  before: Type.Optional(Id),
  per_page: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});

const ReplayBody = Type.Object(
  { delivery_ids: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 1000 })) },
  { additionalProperties: false },
);

export function webhookRoutes(api: SellerApi, deps: OrderRouteDeps): void {
  const account = (request: FastifyRequest) => principalOf(request).accountId;
  const body = (request: FastifyRequest) =>
    validate<EndpointBody>(EndpointBody, unwrap(request.body, 'webhook'), 'webhook');

  api.post(
    '/webhooks',
    {
      schema: {
        tags,
        summary: 'Register an endpoint; the answer holds its signing secret, shown once',
        security: sellerSecurity,
        body: EndpointBody,
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

  api.get('/webhooks', { schema: { tags, security: sellerSecurity } }, async (request) => ({
    webhooks: (await listEndpoints(deps.db, account(request))).map((e) => presentEndpoint(e)),
  }));

  api.get(
    '/webhooks/:id',
    { schema: { tags, security: sellerSecurity, params: IdParams } },
    async (request) => ({
      webhook: presentEndpoint(await getEndpoint(deps.db, account(request), request.params.id)),
    }),
  );

  api.put(
    '/webhooks/:id',
    {
      schema: { tags, security: sellerSecurity, params: IdParams, body: EndpointBody },
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
    { schema: { tags, security: sellerSecurity, params: IdParams } },
    async (request, reply) => {
      await deleteEndpoint(deps.db, account(request), request.params.id);
      return noContent(reply);
    },
  );

  api.post(
    '/webhooks/:id/rotate_secret',
    {
      schema: {
        tags,
        summary: 'A new signing secret, shown once; the old one stops at once',
        security: sellerSecurity,
        params: IdParams,
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
        tags,
        summary: 'Delivery log, newest first (status=dead: the dead letters)',
        security: sellerSecurity,
        params: IdParams,
        querystring: LogQuery,
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
        tags,
        summary: 'The exact body that was (and is) signed and sent',
        security: sellerSecurity,
        params: Type.Object({ id: Id, deliveryId: Id }),
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
        tags,
        summary: 'Send dead-lettered deliveries again (all, or those listed)',
        security: sellerSecurity,
        params: IdParams,
        body: Type.Optional(ReplayBody),
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request) => {
      await getEndpoint(deps.db, account(request), request.params.id);
      const b = validate<Static<typeof ReplayBody>>(ReplayBody, request.body ?? {}, '');
      const ids = await replayDeliveries(deps.db, account(request), request.params.id, {
        ids: b.delivery_ids,
      });
      return { replayed: ids.length, delivery_ids: ids };
    },
  );
}
