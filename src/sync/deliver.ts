/**
 * One batch of a run: compute each listing's effective value, push it through the adapter in
 * chunks the marketplace accepts (several at once, within its rate limits), and sort the outcomes.
 */
import type {
  ChannelAdapter,
  ChannelContext,
  ItemOutcome,
  PriceUpdate,
  StockUpdate,
} from '../channels/adapter.ts';
import { ChannelError, FailureClass, isChannelError } from '../channels/errors.ts';
import { mapConcurrent } from '../channels/map-concurrent.ts';
import { effectivePrice, effectiveStock, type Rules } from '../rules/rules.ts';
import type { Delivered, PendingItem, SyncResource } from './queries.ts';

export interface BatchOutcome {
  delivered: Delivered[];
  failed: { item: PendingItem; error: ChannelError }[];
  /** Items with nothing to send (no price yet): settled without a call. */
  skipped: { item: PendingItem; error: ChannelError }[];
}

export interface Reservations {
  /** Units reserved per product id (orders the ERP has not acknowledged). */
  get(productId: number): number;
}

export const noReservations: Reservations = { get: () => 0 };

interface Prepared {
  item: PendingItem;
  update: StockUpdate | PriceUpdate;
  delivered: Delivered;
}

function prepare(
  resource: SyncResource,
  items: readonly PendingItem[],
  rules: Rules,
  reservations: Reservations,
  now: Date,
): { prepared: Prepared[]; skipped: BatchOutcome['skipped'] } {
  const prepared: Prepared[] = [];
  const skipped: BatchOutcome['skipped'] = [];
  for (const item of items) {
    const ref = {
      listingId: item.listing_id,
      externalId: item.external_id ?? '',
      externalVariationId: item.external_variation_id ?? undefined,
      sku: item.sku,
    };
    if (resource === 'stock') {
      const qty = effectiveStock(
        { qty: item.qty, reserved: reservations.get(item.product_id), sellable: item.sellable },
        rules.stock,
      );
      prepared.push({
        item,
        update: { ...ref, qty },
        delivered: {
          listingId: item.listing_id,
          seq: item.seq,
          version: item.stock_version,
          applied: true,
          qty,
        },
      });
      continue;
    }
    const value = effectivePrice(
      { price: item.price, promotionalPrice: item.promotional_price },
      rules.price,
      now,
    );
    if (value.price === null) {
      skipped.push({ item, error: noPrice() });
      continue;
    }
    prepared.push({
      item,
      update: {
        ...ref,
        price: value.price,
        promotionalPrice: value.promotionalPrice,
        promotionStartsAt: value.promotionStartsAt,
        promotionEndsAt: value.promotionEndsAt,
      },
      delivered: {
        listingId: item.listing_id,
        seq: item.seq,
        version: item.price_version,
        applied: true,
        price: value.price,
        promotionalPrice: value.promotionalPrice,
      },
    });
  }
  return { prepared, skipped };
}

function noOutcome(): ChannelError {
  return new ChannelError(FailureClass.transient, {
    code: 'no_outcome',
    marketplaceMessage: 'the marketplace call ended without an answer for this item',
  });
}

function noPrice(): ChannelError {
  return new ChannelError(FailureClass.permanent, {
    code: 'no_price',
    marketplaceMessage: 'the product has no price in Cais yet, so there is nothing to send',
    hint: 'Send the price from the ERP (PUT /products/{sku} with "price").',
  });
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

async function push(
  adapter: ChannelAdapter,
  ctx: ChannelContext,
  resource: SyncResource,
  updates: (StockUpdate | PriceUpdate)[],
): Promise<ItemOutcome[]> {
  try {
    return resource === 'stock'
      ? await adapter.pushStock(ctx, updates as StockUpdate[])
      : await adapter.pushPrice(ctx, updates as PriceUpdate[]);
  } catch (error) {
    // A failure of the whole call is every item's failure; anything unexpected counts as transient
    // so the value is retried rather than lost.
    const channelError = isChannelError(error)
      ? error
      : new ChannelError(FailureClass.transient, {
          code: 'adapter_error',
          marketplaceMessage: String(error),
        });
    return updates.map((u) => ({ listingId: u.listingId, ok: false as const, error: channelError }));
  }
}

// Enough calls in flight to use the allowed rate when a call takes ~10 ms, never fewer than the
// adapter asks for, and never so many that one run hogs the process's sockets.
const ASSUMED_CALL_SECONDS = 0.01;
const MAX_CONCURRENCY = 64;

export function concurrencyFor(adapter: ChannelAdapter, ctx: ChannelContext, resource: SyncResource): number {
  const rate = ctx.rates?.[resource] ?? adapter.capabilities.rates[resource];
  const needed = Math.ceil(rate.perSecond * ASSUMED_CALL_SECONDS);
  return Math.min(MAX_CONCURRENCY, Math.max(adapter.capabilities.concurrency, needed));
}

export async function deliverBatch(
  args: {
    adapter: ChannelAdapter;
    ctx: ChannelContext;
    resource: SyncResource;
    rules: Rules;
    reservations: Reservations;
    now: Date;
  },
  items: readonly PendingItem[],
): Promise<BatchOutcome> {
  const { adapter, ctx, resource } = args;
  const { prepared, skipped } = prepare(resource, items, args.rules, args.reservations, args.now);
  const size =
    resource === 'stock' ? adapter.capabilities.stockBatchSize : adapter.capabilities.priceBatchSize;
  const byListing = new Map(prepared.map((p) => [p.item.listing_id, p]));
  const outcomes = (
    await mapConcurrent(chunk(prepared, Math.max(1, size)), concurrencyFor(adapter, ctx, resource), (c) =>
      push(
        adapter,
        ctx,
        resource,
        c.map((p) => p.update),
      ),
    )
  ).flat();
  const result: BatchOutcome = { delivered: [], failed: [], skipped };
  for (const outcome of outcomes) {
    const p = byListing.get(outcome.listingId);
    if (!p) continue;
    byListing.delete(outcome.listingId);
    if (outcome.ok) result.delivered.push({ ...p.delivered, applied: outcome.applied === 'applied' });
    else result.failed.push({ item: p.item, error: outcome.error });
  }
  // An item the adapter gave no answer for was not confirmed delivered: retried, never assumed.
  for (const p of byListing.values()) result.failed.push({ item: p.item, error: noOutcome() });
  return result;
}
