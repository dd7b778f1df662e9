/**
 * Multi-origin stock of User Products (M1, facts.ts ML_MULTI_ORIGIN): read a UP's locations with
 * their `x-version`, write its seller-warehouse locations under that version. The items of the
 * UP show the sum of its locations.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { callerOf } from '../core/guard.ts';
import { checker } from '../core/validate.ts';
import type { MlDeps } from './deps.ts';
import { judgeByStatus, logMlWrite, ML_CHANNEL } from './deps.ts';
import type { MlErrorBody } from './errors.ts';
import { mlCause, mlError, mlForbidden, mlNotFound, mlValidation, sendMlError } from './errors.ts';
import { ML_MULTI_ORIGIN } from './facts.ts';
import { causesFromIssues } from './item-update.ts';
import type { MlItem, MlSeller, MlStockLocation, MlUserProductStock } from './model.ts';
import { rollUpVariations } from './model.ts';
import { StockLocationsPut } from './schemas.ts';
import type { MlStore } from './store.ts';

const checkPut = checker(StockLocationsPut);

export function isMultiOrigin(seller: MlSeller | undefined): boolean {
  return seller?.tags.includes(ML_MULTI_ORIGIN.tag) ?? false;
}

/** Opens a UP's stock on the seller's warehouses: `quantities` by store id, 0 elsewhere. */
export function openUserProductStock(
  store: MlStore,
  seller: MlSeller,
  id: string,
  quantities: ReadonlyMap<string, number>,
): MlUserProductStock {
  const stock: MlUserProductStock = {
    id,
    sellerId: seller.id,
    version: 1,
    locations: seller.stores.map((warehouse) => ({
      type: 'seller_warehouse',
      store_id: warehouse.id,
      network_node_id: warehouse.network_node_id,
      quantity: quantities.get(warehouse.id) ?? 0,
    })),
  };
  store.userProducts.set(id, stock);
  return stock;
}

export function totalOf(stock: MlUserProductStock): number {
  return stock.locations.reduce((sum, location) => sum + location.quantity, 0);
}

/** Every item showing this UP's stock takes its new total (variations roll up). */
export function showStock(store: MlStore, stock: MlUserProductStock): void {
  const total = totalOf(stock);
  for (const itemId of store.itemsByUserProduct.get(stock.id) ?? []) {
    const item = store.items.get(itemId);
    if (item === undefined) continue;
    if (item.user_product_id === stock.id) item.available_quantity = total;
    for (const variation of item.variations) {
      if (variation.user_product_id === stock.id) variation.available_quantity = total;
    }
    rollUpVariations(item);
  }
}

/** The UP stocks an item shows (its own, or its variations'). */
export function stocksOf(store: MlStore, item: MlItem): MlUserProductStock[] {
  const ids = [item.user_product_id, ...item.variations.map((variation) => variation.user_product_id)];
  return ids.flatMap((id) => {
    const stock = id === null ? undefined : store.userProducts.get(id);
    return stock === undefined ? [] : [stock];
  });
}

type UpRequest = FastifyRequest<{ Params: { id: string } }>;

function found(deps: MlDeps, request: UpRequest): MlUserProductStock | MlErrorBody {
  const stock = deps.store.userProducts.get(request.params.id);
  if (stock === undefined) return mlNotFound(`User product ${request.params.id} has no distributed stock`);
  if (String(stock.sellerId) !== callerOf(request).sellerId) {
    return mlForbidden(`User ${callerOf(request).sellerId} is not the owner of ${request.params.id}`);
  }
  return stock;
}

function stockBody(stock: MlUserProductStock) {
  return { locations: stock.locations, user_id: stock.sellerId, id: stock.id };
}

/** `GET /user-products/{id}/stock` → the locations, with `x-version` [doc]. */
function getStock(deps: MlDeps, request: UpRequest, reply: FastifyReply) {
  const stock = found(deps, request);
  if ('status' in stock && 'error' in stock) return sendMlError(reply, stock);
  reply.header(ML_MULTI_ORIGIN.versionHeader, String(stock.version));
  return reply.send(stockBody(stock));
}

function versionRefusal(
  store: MlStore,
  request: FastifyRequest,
  stock: MlUserProductStock,
): MlErrorBody | null {
  if (store.concurrentStockWrites > 0) {
    store.concurrentStockWrites -= 1;
    stock.version += 1;
  }
  const header = request.headers[ML_MULTI_ORIGIN.versionHeader];
  if (typeof header !== 'string' || header === '') {
    return mlError(400, 'bad_request', ML_MULTI_ORIGIN.missingVersion);
  }
  if (header !== String(stock.version)) return mlError(409, 'conflict', ML_MULTI_ORIGIN.versionMismatch);
  return null;
}

function locationRefusal(
  stock: MlUserProductStock,
  locations: readonly { store_id: string }[],
): MlErrorBody | null {
  const known = new Set(stock.locations.map((location) => location.store_id));
  const unknown = locations.filter((location) => !known.has(location.store_id));
  if (unknown.length === 0) return null;
  const message = `store_id ${unknown.map((l) => l.store_id).join(', ')} is not a warehouse of this user product`;
  return mlValidation([mlCause('stock.locations.store_id.invalid', 'locations.store_id', message, 'stock')]);
}

/** `PUT /user-products/{id}/stock/type/seller_warehouse` [doc]: under the current `x-version`. */
function putStock(deps: MlDeps, request: UpRequest, reply: FastifyReply) {
  const seller = callerOf(request).sellerId;
  const body = request.body;
  const issues = deps.conformance.judge(request, ML_CHANNEL, 'user_products.stock_put', checkPut, body);
  const stock = found(deps, request);
  const refusal =
    'error' in stock
      ? stock
      : issues.length > 0
        ? mlValidation(causesFromIssues(issues, 'stock'))
        : (versionRefusal(deps.store, request, stock) ??
          locationRefusal(stock, (body as { locations: { store_id: string }[] }).locations));
  if (refusal !== null || 'error' in stock) {
    logMlWrite(deps, 'user_products.stock_put', seller, request.params.id, refusal!.status, body);
    return sendMlError(reply, refusal!);
  }
  const locations = (body as { locations: { store_id: string; quantity: number }[] }).locations;
  for (const input of locations) {
    const location = stock.locations.find((entry) => entry.store_id === input.store_id) as MlStockLocation;
    location.quantity = input.quantity;
  }
  stock.version += 1;
  showStock(deps.store, stock);
  logMlWrite(deps, 'user_products.stock_put', seller, request.params.id, 200, body);
  reply.header(ML_MULTI_ORIGIN.versionHeader, String(stock.version));
  return reply.send(stockBody(stock));
}

/**
 * `GET /users/{id}/stores/search?tags=stock_location` [doc: estoque-multi-origem]: the seller's
 * warehouses. [unverified] the page shape (`results`, `paging`) and the fields of a store.
 */
function searchStores(
  deps: MlDeps,
  request: FastifyRequest<{ Params: { id: string } }>,
  reply: FastifyReply,
) {
  const caller = callerOf(request).sellerId;
  if (request.params.id !== caller)
    return sendMlError(reply, mlForbidden(`User ${caller} cannot read ${request.params.id}`));
  const seller = deps.store.sellers.get(Number(caller));
  const results = (seller?.stores ?? []).map((warehouse) => ({
    id: warehouse.id,
    user_id: Number(caller),
    network_node_id: warehouse.network_node_id,
    status: 'active',
    tags: ['stock_location'],
  }));
  return reply.send({ paging: { total: results.length, offset: 0, limit: 50 }, results });
}

export function registerMlUserProducts(scope: FastifyInstance, deps: MlDeps): void {
  const route = (op: string) => ({ config: { sim: { op, auth: true } } });
  type IdRequest = FastifyRequest<{ Params: { id: string } }>;
  scope.get<{ Params: { id: string } }>(
    '/users/:id/stores/search',
    route('users.stores'),
    judgeByStatus(deps.conformance, 'users.stores', (req: IdRequest, reply) =>
      searchStores(deps, req, reply),
    ),
  );
  scope.get<{ Params: { id: string } }>(
    '/user-products/:id/stock',
    route('user_products.stock_get'),
    judgeByStatus(deps.conformance, 'user_products.stock_get', (req: IdRequest, reply) =>
      getStock(deps, req, reply),
    ),
  );
  scope.put<{ Params: { id: string } }>(
    '/user-products/:id/stock/type/seller_warehouse',
    route('user_products.stock_put'),
    (req, reply) => putStock(deps, req, reply),
  );
}
