import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { callerOf } from '../core/guard.ts';
import { checker } from '../core/validate.ts';
import type { MlDeps } from './deps.ts';
import { logMlWrite } from './deps.ts';
import {
  mlBadRequest,
  mlError,
  mlForbidden,
  mlNotFound,
  mlServerError,
  mlValidation,
  sendMlError,
} from './errors.ts';
import { ML_BEHAVIOUR, ML_LIMITS, ML_SITE } from './facts.ts';
import { buildItem } from './item-build.ts';
import { applyItemPut, causesFromIssues } from './item-update.ts';
import type { MlItem, MlSeller } from './model.ts';
import { ItemPost } from './schemas.ts';

const checkItemPost = checker(ItemPost);

interface IdParams {
  id: string;
}

function itemNotFound(id: string) {
  return mlNotFound(`Item with id ${id} not found`);
}

function getItem(deps: MlDeps, request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply) {
  const item = deps.store.items.get(request.params.id);
  if (item === undefined) return sendMlError(reply, itemNotFound(request.params.id));
  const attributes = (request.query as { attributes?: string }).attributes;
  return reply.send(attributes ? project(item, attributes.split(',')) : item);
}

function project(item: MlItem, attributes: readonly string[] | null): unknown {
  if (attributes === null) return item;
  const source = item as unknown as Record<string, unknown>;
  return Object.fromEntries(attributes.filter((key) => key in source).map((key) => [key, source[key]]));
}

/** `GET /items?ids=A,B` [2nd]: at most 20 ids, answered as `[{code, body}]` [unverified]. */
function multiget(deps: MlDeps, request: FastifyRequest, reply: FastifyReply) {
  const query = request.query as { ids?: string; attributes?: string };
  if (query.ids === undefined || query.ids === '') return sendMlError(reply, mlBadRequest('ids is required'));
  const ids = query.ids.split(',').filter((id) => id !== '');
  if (ids.length > ML_LIMITS.multigetMaxIds) {
    const message = `Too many ids: the limit is ${ML_LIMITS.multigetMaxIds}`;
    return sendMlError(reply, mlBadRequest(message));
  }
  const attributes = query.attributes ? query.attributes.split(',') : null;
  const answer = ids.map((id) => {
    if (deps.faults.active && deps.faults.entryFails('items.multiget'))
      return { code: 500, body: mlServerError(500) };
    const item = deps.store.items.get(id);
    if (item === undefined) return { code: 404, body: itemNotFound(id) };
    return { code: 200, body: project(item, attributes) };
  });
  return reply.send(answer);
}

/** `PUT /items/{id}`: stock, price, status, variations; every attempt is logged. */
function putItem(deps: MlDeps, request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply) {
  const grant = callerOf(request);
  const id = request.params.id;
  const item = deps.store.items.get(id);
  const refusal =
    item === undefined
      ? itemNotFound(id)
      : String(item.seller_id) !== grant.sellerId
        ? mlForbidden(`User ${grant.sellerId} is not the owner of item ${id}`)
        : null;
  if (refusal !== null || item === undefined) {
    logMlWrite(deps, 'items.update', grant.sellerId, id, refusal!.status, request.body);
    return sendMlError(reply, refusal!);
  }
  const outcome = applyItemPut(deps.store, item, request.body, deps.clock.now());
  if ('status' in outcome) {
    logMlWrite(deps, 'items.update', grant.sellerId, id, outcome.status, request.body);
    return sendMlError(reply, outcome);
  }
  logMlWrite(deps, 'items.update', grant.sellerId, id, 200, request.body);
  deps.notifier.publish(item.seller_id, 'items', `/items/${id}`);
  if (outcome.priceChanged) deps.notifier.publish(item.seller_id, 'items_prices', `/items/${id}/prices`);
  return reply.send(ML_BEHAVIOUR.putItemReturnsItem ? item : {});
}

/** `POST /items`: publishes a classic listing (201 with the item). */
function postItem(deps: MlDeps, request: FastifyRequest, reply: FastifyReply) {
  const grant = callerOf(request);
  const body = request.body;
  if (!checkItemPost.check(body)) {
    logMlWrite(deps, 'items.create', grant.sellerId, '', 400, body);
    return sendMlError(reply, mlValidation(causesFromIssues(checkItemPost.issues(body))));
  }
  if (body.price === undefined && (body.variations ?? []).length === 0) {
    logMlWrite(deps, 'items.create', grant.sellerId, '', 400, body);
    return sendMlError(reply, mlValidation(causesFromIssues([{ path: '/price', message: 'is required' }])));
  }
  const item = buildItem(deps.store, Number(grant.sellerId), body, deps.clock.now());
  deps.store.addItem(item);
  logMlWrite(deps, 'items.create', grant.sellerId, item.id, 201, body);
  deps.notifier.publish(item.seller_id, 'items', `/items/${item.id}`);
  return reply.code(201).send(item);
}

export function userBody(seller: MlSeller) {
  return {
    id: seller.id,
    nickname: seller.nickname,
    registration_date: '2020-01-01T00:00:00.000-03:00',
    country_id: 'BR',
    site_id: ML_SITE.siteId,
    user_type: 'normal',
    permalink: `http://perfil.mercadolivre.com.br/${seller.nickname}`,
    seller_reputation: { level_id: '5_green', power_seller_status: null },
    status: { site_status: 'active' },
    tags: seller.tags,
  };
}

function getUser(deps: MlDeps, request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply) {
  const id = request.params.id === 'me' ? Number(callerOf(request).sellerId) : Number(request.params.id);
  const seller = deps.store.sellers.get(id);
  if (seller === undefined)
    return sendMlError(reply, mlError(404, 'not_found', `User not found: ${request.params.id}`));
  return reply.send(userBody(seller));
}

export function registerMlItems(scope: FastifyInstance, deps: MlDeps): void {
  const route = (op: string) => ({ config: { sim: { op, auth: true } } });
  scope.get<{ Params: IdParams }>('/items/:id', route('items.get'), (request, reply) =>
    getItem(deps, request, reply),
  );
  scope.get('/items', route('items.multiget'), (request, reply) => multiget(deps, request, reply));
  scope.put<{ Params: IdParams }>('/items/:id', route('items.update'), (request, reply) =>
    putItem(deps, request, reply),
  );
  scope.post('/items', route('items.create'), (request, reply) => postItem(deps, request, reply));
  scope.get<{ Params: IdParams }>('/users/:id', route('users.get'), (request, reply) =>
    getUser(deps, request, reply),
  );
}
