import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { callerOf } from '../core/guard.ts';
import { randomHex } from '../core/oauth.ts';
import { checker } from '../core/validate.ts';
import type { MlDeps } from './deps.ts';
import { judgeByStatus, logMlWrite, ML_CHANNEL } from './deps.ts';
import type { MlErrorBody } from './errors.ts';
import { mlBadRequest, mlForbidden, mlNotFound, mlValidation, sendMlError } from './errors.ts';
import { ML_LIMITS } from './facts.ts';
import { causesFromIssues } from './item-update.ts';
import type { MlItem, MlPromotion } from './model.ts';
import { mlDate } from './model.ts';
import { PromotionBody } from './schemas.ts';

const checkPromotion = checker(PromotionBody);
const DAY_MS = 86_400_000;

type Params = { Params: { id: string } };

/** The deal price buyers see now, or null outside the window. */
export function activeDealPrice(deps: Pick<MlDeps, 'store' | 'clock'>, itemId: string): number | null {
  const promotion = deps.store.promotions.get(itemId);
  if (promotion === undefined) return null;
  const now = deps.clock.now();
  return now >= promotion.startMs && now < promotion.finishMs ? promotion.dealPrice : null;
}

function ownItem(deps: MlDeps, request: FastifyRequest<Params>): MlItem | MlErrorBody {
  const query = request.query as { app_version?: string };
  if (query.app_version !== 'v2') return mlBadRequest('app_version=v2 is required');
  const item = deps.store.items.get(request.params.id);
  if (item === undefined) return mlNotFound(`Item with id ${request.params.id} not found`);
  if (String(item.seller_id) !== callerOf(request).sellerId)
    return mlForbidden('Caller is not the owner of the item');
  return item;
}

/** [2nd] A discount must be below the price, on an active item, for at most 14 days. */
function promotionFrom(item: MlItem, body: Static<typeof PromotionBody>): MlPromotion | MlErrorBody {
  const startMs = Date.parse(body.start_date);
  const finishMs = Date.parse(body.finish_date);
  if (Number.isNaN(startMs) || Number.isNaN(finishMs) || finishMs <= startMs) {
    return mlBadRequest('start_date and finish_date must be dates, start before finish');
  }
  if (finishMs - startMs > ML_LIMITS.promotionMaxDays * DAY_MS) {
    return mlBadRequest(`A discount lasts at most ${ML_LIMITS.promotionMaxDays} days`);
  }
  if (item.status !== 'active') return mlBadRequest(`Item ${item.id} is not active`);
  if (body.deal_price >= item.price) return mlBadRequest('deal_price must be lower than the item price');
  const topDealPrice = body.top_deal_price ?? null;
  if (topDealPrice !== null && topDealPrice >= body.deal_price) {
    return mlBadRequest('top_deal_price must be lower than deal_price');
  }
  return {
    id: `OFFER-${item.id}-${randomHex(4)}`,
    dealPrice: body.deal_price,
    topDealPrice,
    startMs,
    finishMs,
  };
}

function promotionBody(item: MlItem, promotion: MlPromotion, now: number) {
  return {
    id: promotion.id,
    type: 'PRICE_DISCOUNT',
    status: now < promotion.startMs ? 'pending' : now < promotion.finishMs ? 'started' : 'finished',
    price: promotion.dealPrice,
    top_deal_price: promotion.topDealPrice,
    original_price: item.price,
    start_date: mlDate(promotion.startMs),
    finish_date: mlDate(promotion.finishMs),
  };
}

/** POST creates (201), PUT replaces (200) the item's seller discount. */
function writePromotion(deps: MlDeps, request: FastifyRequest<Params>, reply: FastifyReply, create: boolean) {
  const operation = create ? 'promotions.create' : 'promotions.update';
  const seller = callerOf(request).sellerId;
  const item = ownItem(deps, request);
  const issues = deps.conformance.judge(request, ML_CHANNEL, operation, checkPromotion, request.body);
  let outcome: MlPromotion | MlErrorBody;
  if ('message' in item) outcome = item;
  else if (!checkPromotion.check(request.body)) {
    outcome = mlValidation(causesFromIssues(issues, 'promotion'));
  } else if (create === deps.store.promotions.has(item.id)) {
    outcome = create
      ? mlBadRequest('The item already has a PRICE_DISCOUNT')
      : mlNotFound('The item has no discount');
  } else outcome = promotionFrom(item, request.body);
  if ('message' in outcome) {
    logMlWrite(deps, operation, seller, request.params.id, outcome.status, request.body);
    return sendMlError(reply, outcome);
  }
  deps.store.promotions.set(request.params.id, outcome);
  logMlWrite(deps, operation, seller, request.params.id, create ? 201 : 200, request.body);
  deps.notifier.publish(Number(seller), 'items_prices', `/items/${request.params.id}/prices`);
  return reply.code(create ? 201 : 200).send(promotionBody(item as MlItem, outcome, deps.clock.now()));
}

function deletePromotion(deps: MlDeps, request: FastifyRequest<Params>, reply: FastifyReply) {
  const seller = callerOf(request).sellerId;
  const item = ownItem(deps, request);
  const outcome =
    'message' in item ? item : deps.store.promotions.delete(item.id) ? null : mlNotFound('No discount');
  logMlWrite(deps, 'promotions.delete', seller, request.params.id, outcome?.status ?? 200, null);
  if (outcome !== null) return sendMlError(reply, outcome);
  return reply.send({ id: request.params.id, status: 'deleted' });
}

function getPromotions(deps: MlDeps, request: FastifyRequest<Params>, reply: FastifyReply) {
  const item = ownItem(deps, request);
  if ('message' in item) return sendMlError(reply, item);
  const promotion = deps.store.promotions.get(item.id);
  return reply.send(promotion === undefined ? [] : [promotionBody(item, promotion, deps.clock.now())]);
}

/** `GET /items/{id}/sale_price` [doc]: what a buyer pays now, with the strike-through price. */
function salePrice(deps: MlDeps, request: FastifyRequest<Params>, reply: FastifyReply) {
  const item = deps.store.items.get(request.params.id);
  if (item === undefined)
    return sendMlError(reply, mlNotFound(`Item with id ${request.params.id} not found`));
  const deal = activeDealPrice(deps, item.id);
  const promotion = deps.store.promotions.get(item.id);
  return reply.send({
    price_id: `${item.id}-price`,
    amount: deal ?? item.price,
    regular_amount: deal === null ? null : item.price,
    currency_id: item.currency_id,
    reference_date: mlDate(deps.clock.now()),
    metadata: deal === null ? {} : { promotion_id: promotion?.id, promotion_type: 'PRICE_DISCOUNT' },
  });
}

export function registerMlPromotions(scope: FastifyInstance, deps: MlDeps): void {
  const route = (op: string) => ({ config: { sim: { op, auth: true } } });
  const path = '/seller-promotions/items/:id';
  const judged = (op: string, handler: (request: FastifyRequest<Params>, reply: FastifyReply) => unknown) =>
    judgeByStatus(deps.conformance, op, handler);
  scope.get<Params>(
    path,
    route('promotions.get'),
    judged('promotions.get', (request, reply) => getPromotions(deps, request, reply)),
  );
  scope.post<Params>(path, route('promotions.create'), (req, reply) =>
    writePromotion(deps, req, reply, true),
  );
  scope.put<Params>(path, route('promotions.update'), (req, reply) =>
    writePromotion(deps, req, reply, false),
  );
  scope.delete<Params>(
    path,
    route('promotions.delete'),
    judged('promotions.delete', (req, reply) => deletePromotion(deps, req, reply)),
  );
  scope.get<Params>(
    '/items/:id/sale_price',
    route('items.sale_price'),
    judged('items.sale_price', (req, reply) => salePrice(deps, req, reply)),
  );
}
