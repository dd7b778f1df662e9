/**
 * Connecting products to marketplaces: publish a new listing or associate an existing one, take
 * it off sale, and say where each one stands (the flag, and why).
 */

import type { Static } from 'typebox';
import { type CatalogItem, catalogItem, type ProductRow } from '../catalog/for-channel.ts';
import type { ChannelAdapter, ListingRef, ProductForChannel, PublishResult } from '../channels/adapter.ts';
import { ChannelError, FailureClass } from '../channels/errors.ts';
import { adapterFor } from '../channels/registry.ts';
import { type Connections, channelContext, getConnection } from '../connections/connections.ts';
import type { ConnectionRow } from '../connections/queries.ts';
import type { Queryable } from '../db/db.ts';
import { unprocessable } from '../errors.ts';
import type { Listing } from '../http/contract/connections.ts';
import { hintText } from '../i18n/hints.ts';
import type { Language } from '../i18n/language.ts';
import { effectivePrice, effectiveStock, type Rules } from '../rules/rules.ts';
import { resolveListingErrors } from '../sync-errors/listings.ts';
import {
  awaitingAcceptance,
  type Flag,
  type ListingRow,
  listingsOfProducts,
  openRefusals,
  oweSends,
  type Refusal,
  saveListing,
} from './queries.ts';

export interface ConnectOptions {
  /** Associate with this marketplace listing instead of searching by SKU or publishing. */
  externalId?: string | undefined;
  externalVariationId?: string | undefined;
  /** A run's signal (lease lost, shutdown): its marketplace calls are abandoned when it aborts. */
  signal?: AbortSignal | undefined;
}

export type ListingView = Static<typeof Listing>;

/**
 * A listing as the seller sees it (DESIGN §2): red with the marketplace's reason while it refuses
 * the listing's stock or price, green again once the refusal clears. `reason` is the
 * marketplace's own words; `hint` is Cais's, in the caller's language.
 */
export function presentListing(
  row: ListingRow,
  refusals: readonly Refusal[] = [],
  lang: Language = 'en',
  awaiting = false,
): ListingView {
  const refusal = row.flag === 'green' ? refusals.find((r) => r.listing_id === row.id) : undefined;
  const failure = row.flag === 'yellow' ? 'transient' : 'permanent';
  const code = refusal?.code ?? (awaiting ? 'awaiting_acceptance' : row.flag_code);
  const flag: Flag = refusal ? 'red' : awaiting ? 'yellow' : row.flag;
  return {
    sku: row.sku,
    connection_id: row.connection_id,
    flag,
    reason:
      refusal?.message ??
      (awaiting ? 'the marketplace accepted the last send and has not shown it yet' : row.flag_reason),
    code,
    hint: hintText({ code, failure, hint: refusal ? refusal.hint : row.flag_hint }, lang),
    external_id: row.external_id,
    external_variation_id: row.external_variation_id,
    connected_at: row.connected_at?.toISOString() ?? null,
    refused: refusal ? refusals.filter((r) => r.listing_id === row.id).map((r) => r.resource) : [],
  };
}

/** presentListing for many rows, reading their standing refusals in one query. */
export async function presentListings(
  db: Queryable,
  rows: readonly ListingRow[],
  lang: Language = 'en',
): Promise<ListingView[]> {
  const green = rows.filter((r) => r.flag === 'green').map((r) => r.id);
  const refusals = green.length ? await openRefusals(db, green) : [];
  // Yellow while a marketplace that applies writes later has not shown the last one (DESIGN §2).
  const awaiting = green.length ? await awaitingAcceptance(db, green) : [];
  const pending = new Set(
    awaiting.filter((a) => adapterFor(a.channel).capabilities.asyncAcceptance).map((a) => a.id),
  );
  return rows.map((row) => presentListing(row, refusals, lang, pending.has(row.id)));
}

export function requireActive(connection: ConnectionRow): void {
  if (connection.status === 'active') return;
  const why = connection.status_reason ? `: ${connection.status_reason}` : '';
  throw unprocessable(`connection ${connection.id} is ${connection.status}${why}; reconnect it first`, {
    code: `connection_${connection.status}`,
    params: { connection: connection.name, reason: connection.status_reason ?? '' },
  });
}

export async function productListings(
  deps: Connections,
  accountId: number,
  sku: string,
  lang: Language = 'en',
): Promise<ListingView[]> {
  const item = await catalogItem(deps.db, accountId, sku);
  const ids = [item.row.id, ...item.variations.map((v) => v.id)];
  return presentListings(deps.db, await listingsOfProducts(deps.db, accountId, ids), lang);
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
  const ctx = channelContext(deps, connection, options.signal);
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
  // Every listing the marketplace addresses apart goes off sale (a Magalu SKU per variation, a
  // Mercado Livre item per variation of a User Products seller); variations of one item, once.
  const targets = new Map<string, string>();
  for (const l of [main, ...listings]) {
    if (l.external_id && !targets.has(l.external_id)) targets.set(l.external_id, l === main ? sku : l.sku);
  }
  if (connection.status === 'active') {
    for (const [externalId, target] of targets) {
      try {
        await adapter.unpublish(channelContext(deps, connection), { externalId, sku: target });
      } catch (error) {
        if (!(error instanceof ChannelError)) throw error;
        hint ??= `Could not take the listing off sale: ${error.marketplaceMessage}. Pause it at the marketplace.`;
      }
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

/** Mercado Livre's word for a listing that can never change again; "published again" replaces it. */
const CLOSED = 'closed';
const closedRefusal = /\.status\.not_modifiable$/;

/**
 * Publishes a closed listing again: a new listing at the marketplace, linked in place of the old
 * one (a closed listing can never be reopened, and relinking would find the same closed one).
 * Its refusals are settled and it owes its current stock and price.
 */
export async function republishProduct(
  deps: Connections,
  accountId: number,
  sku: string,
  connectionId: number,
  lang: Language = 'en',
): Promise<ListingView[]> {
  const connection = await getConnection(deps.db, accountId, connectionId);
  requireActive(connection);
  const item = await catalogItem(deps.db, accountId, sku);
  const ids = [item.row.id, ...item.variations.map((v) => v.id)];
  const own = (await listingsOfProducts(deps.db, accountId, ids)).filter(
    (l) => l.connection_id === connectionId,
  );
  const main = own.find((l) => l.product_id === item.row.id);
  if (!main?.external_id) {
    throw unprocessable(`sku ${sku} is not connected to connection ${connectionId}`, {
      code: 'not_connected',
      params: { sku, connection: connection.name },
    });
  }
  const adapter = adapterFor(connection.channel);
  const ctx = channelContext(deps, connection);
  if (!(await isClosed(deps.db, adapter, ctx, main, sku))) {
    throw unprocessable(`the listing of ${sku} is not closed; only a closed listing is published again`, {
      code: 'not_closed',
      params: { sku },
    });
  }
  try {
    const result = await adapter.publish(ctx, forChannel(item, connection.rules as Rules));
    await recordPublished(deps, { accountId, connectionId }, item, result);
  } catch (error) {
    if (!(error instanceof ChannelError)) throw error;
    throw unprocessable(`the marketplace refused the new listing: ${error.marketplaceMessage}`, {
      code: 'republish_refused',
      params: { marketplace_message: error.marketplaceMessage, marketplace_code: error.code },
    });
  }
  const listingIds = own.map((l) => l.id);
  for (const resource of ['stock', 'price'] as const) {
    await resolveListingErrors(deps.db, resource, listingIds);
    await oweSends(deps.db, ids, resource, connectionId);
  }
  return productListings(deps, accountId, sku, lang);
}

/** Closed at the marketplace, as it reads the listing now, or as its standing refusal says. */
async function isClosed(
  db: Queryable,
  adapter: ChannelAdapter,
  ctx: ReturnType<typeof channelContext>,
  listing: ListingRow,
  sku: string,
): Promise<boolean> {
  const refusals = await openRefusals(db, [listing.id]);
  if (refusals.some((r) => closedRefusal.test(r.code))) return true;
  try {
    const ref = { externalId: listing.external_id!, sku };
    return (await adapter.readListing(ctx, ref)).status === CLOSED;
  } catch (error) {
    if (error instanceof ChannelError) return false;
    throw error;
  }
}
