/**
 * Connecting products to marketplaces: publish a new listing or associate an existing one, take
 * it off sale, and say where each one stands (the flag, and why).
 */

import { type CatalogItem, catalogItem, type ProductRow } from '../catalog/for-channel.ts';
import type { ChannelAdapter, ListingRef, ProductForChannel, PublishResult } from '../channels/adapter.ts';
import { ChannelError, FailureClass } from '../channels/errors.ts';
import { adapterFor } from '../channels/registry.ts';
import { type Connections, channelContext, getConnection } from '../connections/connections.ts';
import type { ConnectionRow } from '../connections/queries.ts';
import { unprocessable } from '../errors.ts';
import { effectivePrice, effectiveStock, type Rules } from '../sync/rules.ts';
import { type Flag, type ListingRow, listingsOfProducts, saveListing } from './queries.ts';

export interface ConnectOptions {
  /** Associate with this marketplace listing instead of searching by SKU or publishing. */
  externalId?: string | undefined;
  externalVariationId?: string | undefined;
}

export interface ListingView {
  sku: string;
  connection_id: number;
  flag: Flag;
  reason: string | null;
  code: string | null;
  hint: string | null;
  external_id: string | null;
  external_variation_id: string | null;
  connected_at: string | null;
}

export function presentListing(row: ListingRow): ListingView {
  return {
    sku: row.sku,
    connection_id: row.connection_id,
    flag: row.flag,
    reason: row.flag_reason,
    code: row.flag_code,
    hint: row.flag_hint,
    external_id: row.external_id,
    external_variation_id: row.external_variation_id,
    connected_at: row.connected_at?.toISOString() ?? null,
  };
}

export function requireActive(connection: ConnectionRow): void {
  if (connection.status === 'active') return;
  const why = connection.status_reason ? `: ${connection.status_reason}` : '';
  throw unprocessable(`connection ${connection.id} is ${connection.status}${why}; reconnect it first`, {
    code: `connection_${connection.status}`,
    params: { connection: connection.name },
  });
}

export async function productListings(
  deps: Connections,
  accountId: number,
  sku: string,
): Promise<ListingView[]> {
  const item = await catalogItem(deps.db, accountId, sku);
  const ids = [item.row.id, ...item.variations.map((v) => v.id)];
  return (await listingsOfProducts(deps.db, accountId, ids)).map(presentListing);
}

/** Connects a product (and its variations) to one connection; answers the listings' state. */
export async function connectProduct(
  deps: Connections,
  accountId: number,
  sku: string,
  connectionId: number,
  options: ConnectOptions = {},
): Promise<ListingView[]> {
  const connection = await getConnection(deps.db, accountId, connectionId);
  requireActive(connection);
  const item = await catalogItem(deps.db, accountId, sku);
  const adapter = adapterFor(connection.channel);
  const base = { accountId, connectionId };
  try {
    const result = await locateOrPublish(deps, connection, adapter, item, options);
    await recordPublished(deps, base, item, result);
  } catch (error) {
    if (!(error instanceof ChannelError)) throw error;
    const flag: Flag = error.failure === FailureClass.permanent ? 'red' : 'yellow';
    for (const row of [item.row, ...item.variations]) {
      await saveListing(deps.db, {
        ...base,
        productId: row.id,
        role: row === item.row && item.variations.length > 0 ? 'group' : 'item',
        flag,
        reason: error.marketplaceMessage,
        code: error.code,
        hint: error.hint ?? (flag === 'yellow' ? 'Cais tries again on the next catalog run.' : null),
      });
    }
  }
  return productListings(deps, accountId, sku);
}

async function locateOrPublish(
  deps: Connections,
  connection: ConnectionRow,
  adapter: ChannelAdapter,
  item: CatalogItem,
  options: ConnectOptions,
): Promise<PublishResult> {
  const ctx = channelContext(deps, connection);
  if (options.externalId) {
    const ref = {
      externalId: options.externalId,
      externalVariationId: options.externalVariationId,
      sku: item.row.sku,
    };
    await adapter.readListing(ctx, ref); // proves the listing exists and is the seller's
    return { ref, status: 'active' };
  }
  const found = item.variations.length === 0 ? await adapter.findBySku(ctx, item.row.sku) : undefined;
  if (found) return { ref: found, status: 'active' };
  return adapter.publish(ctx, forChannel(item, connection.rules as Rules));
}

function forChannel(item: CatalogItem, rules: Rules): ProductForChannel {
  const stock = (row: ProductRow) =>
    effectiveStock({ qty: row.qty, reserved: 0, sellable: row.status === 'enabled' }, rules.stock);
  const price = (row: ProductRow) =>
    effectivePrice({ price: row.price, promotionalPrice: row.promotional_price }, rules.price);
  const d = item.row.data;
  const top = price(item.row);
  return {
    sku: item.row.sku,
    name: item.row.name,
    description: typeof d.description === 'string' ? d.description : null,
    qty: stock(item.row),
    price: top.price ?? 0,
    promotionalPrice: top.promotionalPrice,
    brand: typeof d.brand === 'string' ? d.brand : null,
    ean: typeof d.ean === 'string' ? d.ean : null,
    images: Array.isArray(d.images) ? (d.images as string[]) : [],
    variations: item.variations.map((v) => ({
      sku: v.sku,
      qty: stock(v),
      price: price(v).price ?? top.price ?? 0,
      ean: typeof v.data.ean === 'string' ? v.data.ean : null,
      attributes: Object.fromEntries(
        (Array.isArray(v.data.specifications)
          ? (v.data.specifications as { key?: string; value?: unknown }[])
          : []
        )
          .filter((s) => s.key)
          .map((s) => [s.key!, String(s.value ?? '')]),
      ),
    })),
  };
}

async function recordPublished(
  deps: Connections,
  base: { accountId: number; connectionId: number },
  item: CatalogItem,
  result: PublishResult,
): Promise<void> {
  const flag: Flag = result.status === 'active' ? 'green' : 'yellow';
  const reason = flag === 'yellow' ? 'the marketplace is reviewing the listing' : null;
  const hasVariations = item.variations.length > 0;
  await saveListing(deps.db, {
    ...base,
    productId: item.row.id,
    role: hasVariations ? 'group' : 'item',
    flag,
    reason,
    externalId: result.ref.externalId,
    externalVariationId: result.ref.externalVariationId,
  });
  for (const v of item.variations) {
    const ref: ListingRef | undefined = result.variations?.[v.sku];
    await saveListing(deps.db, {
      ...base,
      productId: v.id,
      role: 'item',
      flag: ref ? flag : 'red',
      reason: ref ? reason : 'the marketplace did not return this variation',
      code: ref ? null : 'variation_missing',
      externalId: ref?.externalId ?? result.ref.externalId,
      externalVariationId: ref?.externalVariationId,
    });
  }
}

/** Takes the product off sale on that marketplace; the listings turn grey and stop syncing. */
export async function disconnectProduct(
  deps: Connections,
  accountId: number,
  sku: string,
  connectionId: number,
): Promise<ListingView[]> {
  const connection = await getConnection(deps.db, accountId, connectionId);
  const item = await catalogItem(deps.db, accountId, sku);
  const ids = [item.row.id, ...item.variations.map((v) => v.id)];
  const listings = (await listingsOfProducts(deps.db, accountId, ids)).filter(
    (l) => l.connection_id === connectionId,
  );
  if (listings.length === 0) {
    throw unprocessable(`sku ${sku} is not connected to connection ${connectionId}`, {
      code: 'not_connected',
      params: { sku, connection: connection.name },
    });
  }
  const adapter = adapterFor(connection.channel);
  const main = listings.find((l) => l.product_id === item.row.id) ?? listings[0]!;
  let hint: string | null = null;
  if (main.external_id && connection.status === 'active') {
    try {
      await adapter.unpublish(channelContext(deps, connection), { externalId: main.external_id, sku });
    } catch (error) {
      if (!(error instanceof ChannelError)) throw error;
      hint = `Could not take the listing off sale: ${error.marketplaceMessage}. Pause it at the marketplace.`;
    }
  }
  for (const l of listings) {
    await saveListing(deps.db, {
      accountId,
      connectionId,
      productId: l.product_id,
      role: l.role,
      flag: 'grey',
      reason: 'disconnected by the seller',
      hint,
    });
  }
  return productListings(deps, accountId, sku);
}
