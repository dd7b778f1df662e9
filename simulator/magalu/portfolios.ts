import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { callerOf } from '../core/guard.ts';
import type { SchemaIssue } from '../core/validate.ts';
import { checker, perField } from '../core/validate.ts';
import type { MgDeps } from './deps.ts';
import { judgeByStatus, logMgWrite, MG_CHANNEL } from './deps.ts';
import type { MagaluError } from './errors.ts';
import { detail, magaluError, sendMagaluError } from './errors.ts';
import { MG_CHANNELS, MG_MONEY, MG_PAGING, MG_PORTFOLIO } from './facts.ts';
import type { MgListing, MgSku } from './model.ts';
import { iso } from './model.ts';
import { pageBody, readPage, readSort } from './paging.ts';
import { PriceBody, SkuPatch, SkuPost, StockBody } from './schemas.ts';

type SkuInput = Static<typeof SkuPost>;
type Kind = 'prices' | 'stocks';

const check = {
  prices: checker(PriceBody),
  stocks: checker(StockBody),
  sku: checker(SkuPost),
  skuPatch: checker(SkuPatch),
};

type SkuRequest = FastifyRequest<{ Params: { sku: string } }>;

/** Schema issues as Magalu `details[]` (field from the JSON pointer, location body). */
export function bodyError(issues: readonly SchemaIssue[]): MagaluError {
  const details = perField(issues).map((issue) =>
    detail(issue.path.slice(1).replaceAll('/', '.') || 'body', 'body', issue.message),
  );
  return magaluError(400, 'Invalid request body', details);
}

function skuNotFound(sku: string): MagaluError {
  return magaluError(404, `SKU ${sku} not found`, [detail('sku', 'path', 'not found', 'NOT_FOUND')]);
}

export function priceEntry(listing: MgListing) {
  return {
    sku: listing.native.sku,
    price: listing.price,
    list_price: listing.listPrice,
    currency: MG_MONEY.currency,
    normalizer: MG_MONEY.normalizer,
    channel: { id: listing.native.channels[0]?.id ?? MG_CHANNELS.magalu },
    updated_at: listing.priceUpdatedAt,
  };
}

export function stockEntry(listing: MgListing) {
  return {
    sku: listing.native.sku,
    type: 'AVAILABLE',
    quantity: listing.stock,
    channel: { id: listing.native.channels[0]?.id ?? MG_CHANNELS.magalu },
    created_at: listing.native.created_at,
    updated_at: listing.stockUpdatedAt,
  };
}

function listSkus(deps: MgDeps, request: FastifyRequest, reply: FastifyReply) {
  const query = request.query as Record<string, string | undefined>;
  const page = readPage(query, MG_PAGING.skusDefaultLimit);
  if ('status' in page) return sendMagaluError(reply, page);
  const sort = readSort(query._sort, ['sku', 'created_at', 'updated_at']);
  if (sort !== null && 'status' in sort) return sendMagaluError(reply, sort);
  const skus = deps.store.listingsOf(callerOf(request).sellerId).map((listing) => listing.native);
  if (sort !== null) {
    const key = sort.field as 'sku' | 'created_at' | 'updated_at';
    skus.sort((a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0) * (sort.descending ? -1 : 1));
  }
  return reply.send(pageBody(request, '/seller/v1/portfolios/skus', page, skus));
}

function getSku(deps: MgDeps, request: SkuRequest, reply: FastifyReply) {
  const listing = deps.store.listing(callerOf(request).sellerId, request.params.sku);
  if (listing === undefined) return sendMagaluError(reply, skuNotFound(request.params.sku));
  return reply.send(listing.native);
}

/** [doc] `POST /seller/v1/portfolios/skus` (201 [unverified]); a duplicate SKU is a 409 [2nd]. */
function postSku(deps: MgDeps, request: FastifyRequest, reply: FastifyReply) {
  const seller = callerOf(request).sellerId;
  const body = request.body;
  let failure: MagaluError | null = null;
  const issues = deps.conformance.judge(request, MG_CHANNEL, 'skus.create', check.sku, body);
  if (!check.sku.check(body)) failure = bodyError(issues);
  else if (deps.store.listing(seller, body.sku) !== undefined) {
    failure = magaluError(409, `SKU ${body.sku} already exists`, [
      detail('sku', 'body', 'already exists', 'ENTITY_WITH_SAME_KEY_ALREADY_EXISTS'),
    ]);
  }
  const target = (body as { sku?: string } | null)?.sku ?? '';
  if (failure !== null) {
    logMgWrite(deps, 'skus.create', seller, target, failure.status, body);
    return sendMagaluError(reply, failure);
  }
  const listing = newListing(seller, body as SkuInput, deps.clock.now());
  deps.store.addListing(listing);
  logMgWrite(deps, 'skus.create', seller, target, 201, body);
  return reply.code(201).send(listing.native);
}

export function newListing(sellerId: string, input: SkuInput, now: number): MgListing {
  const at = iso(now);
  const native: MgSku = {
    sku: input.sku,
    title: input.title,
    description: input.description,
    brand: input.brand,
    group:
      input.group === undefined
        ? null
        : { id: input.group.id, main_variation: input.group.main_variation ?? false },
    channels: input.channels ?? [{ id: MG_CHANNELS.magalu }],
    identifiers: input.identifiers ?? [],
    status: 'PUBLISHED',
    active: true,
    url_marketplace: [
      { channel: 'magalu', url: `https://www.magazineluiza.com.br/p/${encodeURIComponent(input.sku)}/` },
    ],
    created_at: at,
    updated_at: at,
  };
  return {
    sellerId,
    native,
    price: 0,
    listPrice: 0,
    priceUpdatedAt: at,
    stock: 0,
    stockUpdatedAt: at,
    pending: 0,
    priceCreated: false,
    stockCreated: false,
  };
}

function getPrice(deps: MgDeps, request: SkuRequest, reply: FastifyReply) {
  deps.queue.drain();
  const listing = deps.store.listing(callerOf(request).sellerId, request.params.sku);
  if (listing === undefined) return sendMagaluError(reply, skuNotFound(request.params.sku));
  return reply.send({ results: [priceEntry(listing)] });
}

function getStock(deps: MgDeps, request: SkuRequest, reply: FastifyReply) {
  deps.queue.drain();
  const listing = deps.store.listing(callerOf(request).sellerId, request.params.sku);
  if (listing === undefined) return sendMagaluError(reply, skuNotFound(request.params.sku));
  return reply.send({ results: [stockEntry(listing)] });
}

/** Checks a price PATCH against the listing; the sale price may not exceed the list price [unverified]. */
function priceRefusal(listing: MgListing, body: Static<typeof PriceBody>): MagaluError | null {
  const listPrice = body.list_price ?? listing.listPrice;
  if (listPrice > 0 && body.price > listPrice) {
    const message = 'price (sale) must not exceed list_price';
    return magaluError(422, message, [detail('price', 'body', message, 'PRICE_ABOVE_LIST_PRICE')]);
  }
  return null;
}

/** A body's channel must be one the SKU is sold on [unverified: the status and wording]. */
function channelRefusal(listing: MgListing, body: { channel: { id: string } }): MagaluError | null {
  if (listing.native.channels.some((channel) => channel.id === body.channel.id)) return null;
  const message = `channel ${body.channel.id} is not a channel of SKU ${listing.native.sku}`;
  return magaluError(MG_PORTFOLIO.unknownChannelStatus, message, [detail('channel.id', 'body', message)]);
}

/** G3: POST creates the entry (409 once it exists), PATCH updates it (404 until it exists). */
function existenceRefusal(listing: MgListing, kind: Kind, creating: boolean): MagaluError | null {
  const exists = kind === 'prices' ? listing.priceCreated : listing.stockCreated;
  const what = kind === 'prices' ? 'price' : 'stock';
  if (creating && exists) {
    return magaluError(409, `The ${what} of SKU ${listing.native.sku} already exists: update it with PATCH`, [
      detail('sku', 'path', 'already exists', 'ENTITY_WITH_SAME_KEY_ALREADY_EXISTS'),
    ]);
  }
  if (!creating && !exists) {
    return magaluError(404, `The ${what} of SKU ${listing.native.sku} does not exist: create it with POST`, [
      detail('sku', 'path', 'not found', 'NOT_FOUND'),
    ]);
  }
  return null;
}

/** Validates one price or stock write; null when it is accepted. */
export function writeRefusal(
  listing: MgListing | undefined,
  sku: string,
  kind: Kind,
  creating: boolean,
  body: unknown,
  issues: readonly SchemaIssue[],
): MagaluError | null {
  if (listing === undefined) return skuNotFound(sku);
  if (issues.length > 0) return bodyError(issues);
  const valid = body as Static<typeof PriceBody> & Static<typeof StockBody>;
  return (
    channelRefusal(listing, valid) ??
    existenceRefusal(listing, kind, creating) ??
    (kind === 'prices' ? priceRefusal(listing, valid) : null)
  );
}

/** POST or PATCH price or stock: validated now, answered 202, applied after `applyDelayMs` [2nd]. */
function write(deps: MgDeps, request: SkuRequest, reply: FastifyReply, kind: Kind, creating: boolean) {
  const seller = callerOf(request).sellerId;
  const sku = request.params.sku;
  const operation = `${kind}.${creating ? 'create' : 'update'}`;
  const listing = deps.store.listing(seller, sku);
  const body = request.body;
  const issues =
    kind === 'prices'
      ? deps.conformance.judge(request, MG_CHANNEL, operation, check.prices, body)
      : deps.conformance.judge(request, MG_CHANNEL, operation, check.stocks, body);
  const failure = writeRefusal(listing, sku, kind, creating, body, issues);
  if (failure !== null || listing === undefined) {
    logMgWrite(deps, operation, seller, sku, failure!.status, body);
    return sendMagaluError(reply, failure!);
  }
  if (kind === 'prices') listing.priceCreated = true;
  else listing.stockCreated = true;
  logMgWrite(deps, operation, seller, sku, 202, body);
  scheduleApply(deps, listing, kind, body as Record<string, number>);
  return reply.code(202).send();
}

/** G3 [2nd] `PATCH /skus/{sku}`: `active: false` takes the SKU off sale (202, applied at once here). */
function patchSku(deps: MgDeps, request: SkuRequest, reply: FastifyReply) {
  const seller = callerOf(request).sellerId;
  const sku = request.params.sku;
  const listing = deps.store.listing(seller, sku);
  const body = request.body;
  const issues = deps.conformance.judge(request, MG_CHANNEL, 'skus.update', check.skuPatch, body);
  const failure = listing === undefined ? skuNotFound(sku) : issues.length > 0 ? bodyError(issues) : null;
  if (failure !== null || listing === undefined) {
    logMgWrite(deps, 'skus.update', seller, sku, failure!.status, body);
    return sendMagaluError(reply, failure!);
  }
  const patch = body as Static<typeof SkuPatch>;
  if (patch.active !== undefined) listing.native.active = patch.active;
  if (patch.title !== undefined) listing.native.title = patch.title;
  if (patch.description !== undefined) listing.native.description = patch.description;
  if (patch.brand !== undefined) listing.native.brand = patch.brand;
  listing.native.updated_at = iso(deps.clock.now());
  logMgWrite(deps, 'skus.update', seller, sku, 202, body);
  return reply.code(202).send();
}

function scheduleApply(deps: MgDeps, listing: MgListing, kind: Kind, body: Record<string, number>) {
  listing.pending += 1;
  const apply = () => {
    listing.pending -= 1;
    const at = iso(deps.clock.now());
    if (kind === 'stocks') {
      listing.stock = body.quantity!;
      listing.stockUpdatedAt = at;
    } else {
      listing.price = body.price!;
      listing.listPrice = body.list_price ?? listing.listPrice;
      listing.priceUpdatedAt = at;
    }
  };
  if (deps.settings.applyDelayMs <= 0) apply();
  else deps.queue.push({ dueAt: Date.now() + deps.settings.applyDelayMs, apply });
}

export function registerMgPortfolios(scope: FastifyInstance, deps: MgDeps): void {
  const route = (op: string) => ({ config: { sim: { op, auth: true } } });
  const base = '/seller/v1/portfolios';
  scope.get(
    `${base}/skus`,
    route('skus.list'),
    judgeByStatus(deps.conformance, 'skus.list', (request, reply) => listSkus(deps, request, reply)),
  );
  scope.post(`${base}/skus`, route('skus.create'), (request, reply) => postSku(deps, request, reply));
  scope.get<{ Params: { sku: string } }>(
    `${base}/skus/:sku`,
    route('skus.get'),
    judgeByStatus(deps.conformance, 'skus.get', (req: SkuRequest, reply) => getSku(deps, req, reply)),
  );
  scope.get<{ Params: { sku: string } }>(
    `${base}/prices/:sku`,
    route('prices.get'),
    judgeByStatus(deps.conformance, 'prices.get', (req: SkuRequest, reply) => getPrice(deps, req, reply)),
  );
  scope.patch<{ Params: { sku: string } }>(`${base}/skus/:sku`, route('skus.update'), (req, reply) =>
    patchSku(deps, req, reply),
  );
  scope.post<{ Params: { sku: string } }>(`${base}/prices/:sku`, route('prices.create'), (req, reply) =>
    write(deps, req, reply, 'prices', true),
  );
  scope.patch<{ Params: { sku: string } }>(`${base}/prices/:sku`, route('prices.update'), (req, reply) =>
    write(deps, req, reply, 'prices', false),
  );
  scope.get<{ Params: { sku: string } }>(
    `${base}/stocks/:sku`,
    route('stocks.get'),
    judgeByStatus(deps.conformance, 'stocks.get', (req: SkuRequest, reply) => getStock(deps, req, reply)),
  );
  scope.post<{ Params: { sku: string } }>(`${base}/stocks/:sku`, route('stocks.create'), (req, reply) =>
    write(deps, req, reply, 'stocks', true),
  );
  scope.patch<{ Params: { sku: string } }>(`${base}/stocks/:sku`, route('stocks.update'), (req, reply) =>
    write(deps, req, reply, 'stocks', false),
  );
}
