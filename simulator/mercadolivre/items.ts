import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { callerOf } from '../core/guard.ts';
import { checker } from '../core/validate.ts';
import { categoryCauses } from './categories.ts';
import type { MlDeps } from './deps.ts';
import { judgeByStatus, logMlWrite, ML_CHANNEL } from './deps.ts';
import type { MlCause } from './errors.ts';
import {
  mlBadRequest,
  mlCause,
  mlError,
  mlForbidden,
  mlNotFound,
  mlServerError,
  mlValidation,
  sendMlError,
} from './errors.ts';
import { ML_BEHAVIOUR, ML_LIMITS, ML_SITE, ML_USER_PRODUCTS } from './facts.ts';
import { buildItem } from './item-build.ts';
import { applyItemPut, causesFromIssues, checkItemPut } from './item-update.ts';
import type { MlItem, MlSeller } from './model.ts';
import type { ItemPostBody } from './schemas.ts';
import { ItemPost } from './schemas.ts';
import { isMultiOrigin, openUserProductStock, showStock } from './user-products.ts';

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
  deps.conformance.judge(request, ML_CHANNEL, 'items.update', checkItemPut, request.body);
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

/** What a seller's kind (User Products, multi-origin) forbids or requires in a new item. */
function sellerCauses(seller: MlSeller | undefined, body: ItemPostBody, multiwarehouse: boolean): MlCause[] {
  const causes: MlCause[] = [];
  const cause = (field: string, code: string, message: string) =>
    causes.push(mlCause(`item.${field}.${code}`, `item.${field}`, message));
  if (seller?.tags.includes(ML_USER_PRODUCTS.tag)) {
    // M2 [doc] User Products sellers: one item per variation, grouped by family_name, no title.
    if (body.variations !== undefined)
      cause(
        'variations',
        'not_allowed',
        'User Products sellers publish each variation as an item of its own',
      );
    if (body.title !== undefined)
      cause('title', 'not_allowed', 'User Products sellers send family_name, not title');
    if (body.family_name === undefined) cause('family_name', 'required', 'family_name is required');
  } else if (body.title === undefined) {
    cause('title', 'required', 'title is required');
  }
  if (isMultiOrigin(seller)) {
    // M1 [doc] stock per warehouse: created through /items/multiwarehouse with stock_locations.
    if (!multiwarehouse || body.stock_locations === undefined)
      cause(
        'stock_locations',
        'required',
        'Multi-origin sellers publish at /items/multiwarehouse with stock_locations',
      );
    if (body.available_quantity !== undefined)
      cause(
        'available_quantity',
        'not_allowed',
        'Multi-origin sellers give stock per warehouse in stock_locations',
      );
    const stores = new Set(seller!.stores.map((entry) => entry.id));
    for (const location of body.stock_locations ?? []) {
      if (!stores.has(location.store_id))
        cause(
          'stock_locations.store_id',
          'invalid',
          `store_id ${location.store_id} is not a warehouse of the seller`,
        );
    }
  } else if (multiwarehouse) {
    cause('stock_locations', 'not_allowed', 'The seller has no multi-origin stock');
  }
  if (body.price === undefined && (body.variations ?? []).length === 0)
    cause('price', 'required', 'price is required');
  return causes;
}

/** `POST /items` (classic) and `POST /items/multiwarehouse` (M1): 201 with the item. */
function postItem(deps: MlDeps, request: FastifyRequest, reply: FastifyReply, multiwarehouse: boolean) {
  const grant = callerOf(request);
  const body = request.body;
  const operation = multiwarehouse ? 'items.create_multiwarehouse' : 'items.create';
  const issues = deps.conformance.judge(request, ML_CHANNEL, operation, checkItemPost, body);
  const refuse = (causes: MlCause[]) => {
    logMlWrite(deps, 'items.create', grant.sellerId, '', 400, body);
    return sendMlError(reply, mlValidation(causes));
  };
  if (!checkItemPost.check(body)) return refuse(causesFromIssues(issues));
  const seller = deps.store.sellers.get(Number(grant.sellerId));
  const causes = [
    ...sellerCauses(seller, body, multiwarehouse),
    ...categoryCauses(body.category_id, body.variations ?? []),
  ];
  if (causes.length > 0) return refuse(causes);
  const item = buildItem(deps.store, Number(grant.sellerId), body, deps.clock.now());
  deps.store.addItem(item);
  if (multiwarehouse && seller !== undefined && item.user_product_id !== null) {
    const quantities = new Map((body.stock_locations ?? []).map((entry) => [entry.store_id, entry.quantity]));
    showStock(deps.store, openUserProductStock(deps.store, seller, item.user_product_id, quantities));
  }
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
  scope.get<{ Params: IdParams }>(
    '/items/:id',
    route('items.get'),
    judgeByStatus(deps.conformance, 'items.get', (request: FastifyRequest<{ Params: IdParams }>, reply) =>
      getItem(deps, request, reply),
    ),
  );
  scope.get(
    '/items',
    route('items.multiget'),
    judgeByStatus(deps.conformance, 'items.multiget', (request, reply) => multiget(deps, request, reply)),
  );
  scope.put<{ Params: IdParams }>('/items/:id', route('items.update'), (request, reply) =>
    putItem(deps, request, reply),
  );
  scope.post('/items', route('items.create'), (request, reply) => postItem(deps, request, reply, false));
  scope.post('/items/multiwarehouse', route('items.create_multiwarehouse'), (request, reply) =>
    postItem(deps, request, reply, true),
  );
  scope.get<{ Params: IdParams }>(
    '/users/:id',
    route('users.get'),
    judgeByStatus(deps.conformance, 'users.get', (request: FastifyRequest<{ Params: IdParams }>, reply) =>
      getUser(deps, request, reply),
    ),
  );
}
