/**
 * M1: stock of a multi-origin seller (tag `warehouse_management`). [doc] such a seller's
 * `available_quantity` on `PUT /items` "will be ignored or return an error": the stock lives per
 * warehouse on the item's User Product and is written at
 * `PUT /user-products/{id}/stock/type/seller_warehouse` with the `x-version` read from
 * `GET /user-products/{id}/stock`. A stale version is a 409 "Version mismatch": the stock is read
 * again and the write retried (ML_MULTI_ORIGIN.versionAttempts times), so a sale between read and
 * write is never overwritten with a stale copy.
 *
 * The ERP sends one quantity per SKU; it goes to one warehouse: the connection's
 * `extra.storeId`, else the seller's only warehouse. The other warehouses are sent with the
 * quantities just read (under that version), so whether ML replaces the list or merges it, they
 * keep their stock.
 */
import type { ChannelContext, ListingRef } from '../adapter.ts';
import { FailureClass, isChannelError } from '../errors.ts';
import type { Json, MlApi } from './api.ts';
import { asArray, asObject, num, str } from './api.ts';
import { mlChannelError } from './errors.ts';
import { ML_MULTI_ORIGIN } from './facts.ts';
import { getItem } from './items.ts';

interface Warehouse {
  storeId: string;
  networkNodeId: string | undefined;
  quantity: number;
}

interface UpStock {
  version: string;
  warehouses: Warehouse[];
}

/** The User Product whose stock a listing shows: its variation's, else the item's. */
async function userProductOf(api: MlApi, ctx: ChannelContext, ref: ListingRef): Promise<string> {
  const item = await getItem(api, ctx, ref.externalId);
  const variation = item.variations.find((entry) => String(entry.id) === ref.externalVariationId);
  const id = ref.externalVariationId === undefined ? item.userProductId : variation?.userProductId;
  if (id === undefined) {
    throw mlChannelError(
      FailureClass.permanent,
      'ml.user_product_missing',
      `Item ${ref.externalId} has no user product, so its multi-origin stock cannot be written`,
    );
  }
  return id;
}

async function readStock(api: MlApi, ctx: ChannelContext, userProductId: string): Promise<UpStock> {
  const response = await api.response(ctx, {
    operation: 'read',
    method: 'GET',
    path: `/user-products/${encodeURIComponent(userProductId)}/stock`,
  });
  const header = response.headers[ML_MULTI_ORIGIN.versionHeader];
  const version = Array.isArray(header) ? header[0] : header;
  if (version === undefined) {
    throw mlChannelError(
      FailureClass.transient,
      'ml.unexpected_body',
      'user-products stock answered without x-version',
    );
  }
  const warehouses = asArray(asObject(response.body, 'user-products stock').locations)
    .map((entry) => asObject(entry, 'location'))
    .filter(
      (location) => location.type === ML_MULTI_ORIGIN.writableType && str(location.store_id) !== undefined,
    )
    .map((location) => ({
      storeId: str(location.store_id)!,
      networkNodeId: str(location.network_node_id),
      quantity: num(location.quantity) ?? 0,
    }));
  return { version, warehouses };
}

/** The connection's warehouse, else the only one there is. */
async function targetStore(ctx: ChannelContext, storeIds: readonly string[]): Promise<string> {
  const configured = (await ctx.credentials.current()).extra?.storeId;
  if (configured !== undefined && storeIds.includes(configured)) return configured;
  if (configured === undefined && storeIds.length === 1) return storeIds[0]!;
  const known = storeIds.join(', ') || 'none';
  throw mlChannelError(
    FailureClass.permanent,
    'ml.store_required',
    configured === undefined
      ? `The seller has several Mercado Livre warehouses (${known}); the connection names none`
      : `Warehouse ${configured} is not one of this listing's (${known})`,
  );
}

function locationsBody(warehouses: readonly Warehouse[], target: string, qty: number): Json {
  return {
    locations: warehouses.map((warehouse) => ({
      store_id: warehouse.storeId,
      ...(warehouse.networkNodeId === undefined ? {} : { network_node_id: warehouse.networkNodeId }),
      quantity: warehouse.storeId === target ? qty : warehouse.quantity,
    })),
  };
}

function isVersionMismatch(error: unknown): boolean {
  return isChannelError(error) && error.httpStatus === 409;
}

export async function pushWarehouseStock(
  api: MlApi,
  ctx: ChannelContext,
  ref: ListingRef,
  qty: number,
): Promise<void> {
  const userProductId = await userProductOf(api, ctx, ref);
  for (let attempt = 1; ; attempt++) {
    const stock = await readStock(api, ctx, userProductId);
    const target = await targetStore(
      ctx,
      stock.warehouses.map((warehouse) => warehouse.storeId),
    );
    try {
      await api.call(ctx, {
        operation: 'stock',
        method: 'PUT',
        path: `/user-products/${encodeURIComponent(userProductId)}/stock/type/${ML_MULTI_ORIGIN.writableType}`,
        headers: { [ML_MULTI_ORIGIN.versionHeader]: stock.version },
        json: locationsBody(stock.warehouses, target, qty),
      });
      return;
    } catch (error) {
      if (!isVersionMismatch(error)) throw error;
      if (attempt >= ML_MULTI_ORIGIN.versionAttempts) {
        throw mlChannelError(
          FailureClass.transient,
          'ml.version_mismatch',
          `The stock of ${userProductId} kept changing while Cais wrote it (409 Version mismatch ${attempt} times)`,
          { httpStatus: 409 },
        );
      }
    }
  }
}

/** What the listing's warehouse holds now (what Cais last wrote there, or a sale since). */
export async function warehouseQty(api: MlApi, ctx: ChannelContext, ref: ListingRef): Promise<number> {
  const stock = await readStock(api, ctx, await userProductOf(api, ctx, ref));
  const target = await targetStore(
    ctx,
    stock.warehouses.map((warehouse) => warehouse.storeId),
  );
  return stock.warehouses.find((warehouse) => warehouse.storeId === target)?.quantity ?? 0;
}

/**
 * The warehouse a new item's stock goes to (`POST /items/multiwarehouse` `stock_locations`):
 * `extra.storeId`, else the seller's only store (`GET /users/{id}/stores/search?tags=stock_location` [doc]).
 */
export async function publishStore(api: MlApi, ctx: ChannelContext, sellerId: string): Promise<string> {
  const body = await api.call(ctx, {
    operation: 'read',
    method: 'GET',
    path: `/users/${encodeURIComponent(sellerId)}/stores/search`,
    query: { tags: 'stock_location' },
  });
  const ids = asArray(asObject(body, 'stores/search').results)
    .map((entry) => str(asObject(entry, 'store').id))
    .filter((id): id is string => id !== undefined);
  return targetStore(ctx, ids);
}
