import type { Static } from 'typebox';
import { conflict, invalid, notFound } from '../core/control-error.ts';
import { activeDiscountOf, ourPriceOf, quantityOf } from './attributes.ts';
import type { OrderBody } from './control-schemas.ts';
import type { AmDeps } from './deps.ts';
import { AM_MARKETPLACES, AM_ORDER_TRANSITIONS, AM_ORDERS } from './facts.ts';
import { itemName } from './listing-view.ts';
import type { AmListing, AmOrder, AmOrderItem, AmOrderRecord } from './model.ts';
import { iso, money } from './model.ts';

type OrderInput = Static<typeof OrderBody>;

/** `701-1234567-1234567`: a counter, spread over the last block so ids do not look sequential. */
function orderId(serial: number): string {
  const middle = String(serial).padStart(7, '0');
  const last = String((serial * 7_919_821) % 10_000_000).padStart(7, '0');
  return `${AM_ORDERS.idPrefix}-${middle}-${last}`;
}

/** Moves stock on the DEFAULT (merchant-fulfilled) availability; negative gives units back. */
function takeStock(listing: AmListing, quantity: number): void {
  const entry = listing.attributes.fulfillment_availability?.find(
    (value) => value.fulfillment_channel_code === 'DEFAULT',
  );
  if (entry !== undefined) entry.quantity = quantityOf(listing.attributes) - quantity;
}

function orderItem(
  deps: AmDeps,
  listing: AmListing,
  quantity: number,
  unitPrice: number,
  currency: string,
): AmOrderItem {
  return {
    ASIN: listing.asin,
    SellerSKU: listing.sku,
    OrderItemId: String(deps.store.nextId('item')),
    Title: itemName(listing),
    QuantityOrdered: quantity,
    QuantityShipped: 0,
    ProductInfo: { NumberOfItems: '1' },
    ItemPrice: money(currency, unitPrice * quantity),
    ItemTax: money(currency, 0),
    PromotionDiscount: money(currency, 0),
    IsGift: 'false',
    ConditionId: 'New',
    ConditionSubtypeId: 'New',
    IsTransparency: false,
  };
}

/** A buyer's order; the units leave the listings at once (Amazon reserves them while Pending). */
export function createAmOrder(deps: AmDeps, sellerId: string, input: OrderInput): AmOrderRecord {
  const marketplaceId = input.marketplace_id ?? deps.store.sellers.get(sellerId)?.marketplaceIds[0] ?? '';
  const market = AM_MARKETPLACES[marketplaceId];
  if (market === undefined) throw invalid(`unknown marketplace ${marketplaceId}`);
  const now = deps.clock.now();
  const lines = input.items.map((line) => {
    const listing = deps.store.listing(sellerId, line.sku);
    if (listing === undefined) throw notFound(`sku ${line.sku} of seller ${sellerId}`);
    const stock = quantityOf(listing.attributes);
    if (stock < line.quantity)
      throw conflict(`sku ${line.sku} has ${stock} units, the order wants ${line.quantity}`);
    const price =
      line.unit_price ??
      activeDiscountOf(listing.attributes, now, marketplaceId) ??
      ourPriceOf(listing.attributes, marketplaceId);
    if (price === null) throw conflict(`sku ${line.sku} has no price`);
    return { listing, quantity: line.quantity, price };
  });
  const purchaseMs = input.purchase_date === undefined ? now : Date.parse(input.purchase_date);
  if (Number.isNaN(purchaseMs)) throw invalid('purchase_date must be an ISO 8601 date');
  const items = lines.map((line) =>
    orderItem(deps, line.listing, line.quantity, line.price, market.currency),
  );
  for (const line of lines) takeStock(line.listing, line.quantity);
  const total = lines.reduce((sum, line) => sum + line.price * line.quantity, 0);
  const units = lines.reduce((sum, line) => sum + line.quantity, 0);
  const id = orderId(deps.store.nextId('order'));
  const order: AmOrder = {
    AmazonOrderId: id,
    SellerOrderId: id,
    PurchaseDate: iso(purchaseMs),
    LastUpdateDate: iso(now),
    OrderStatus: input.status ?? 'Unshipped',
    FulfillmentChannel: input.fulfillment_channel ?? 'MFN',
    SalesChannel: market.name,
    ShipServiceLevel: 'Std BR Dom',
    OrderTotal: money(market.currency, total),
    NumberOfItemsShipped: 0,
    NumberOfItemsUnshipped: units,
    PaymentMethod: 'Other',
    PaymentMethodDetails: ['Standard'],
    MarketplaceId: marketplaceId,
    ShipmentServiceLevelCategory: 'Standard',
    OrderType: 'StandardOrder',
    EarliestShipDate: iso(purchaseMs + AM_ORDERS.earliestShipMs),
    LatestShipDate: iso(purchaseMs + AM_ORDERS.latestShipMs),
    IsBusinessOrder: false,
    IsPrime: false,
    IsPremiumOrder: false,
    IsGlobalExpressEnabled: false,
    IsReplacementOrder: false,
    IsSoldByAB: false,
    IsISPU: false,
    IsAccessPointOrder: false,
    HasRegulatedItems: false,
  };
  const record: AmOrderRecord = { sellerId, order, items, purchaseMs, updatedMs: now, packages: [] };
  deps.store.addOrder(record);
  return record;
}

export function touchOrder(deps: AmDeps, record: AmOrderRecord): void {
  record.updatedMs = deps.clock.now();
  record.order.LastUpdateDate = iso(record.updatedMs);
}

/** Recounts shipped/unshipped units and the status they imply (Shipped once every unit left). */
export function recountShipped(record: AmOrderRecord): void {
  const ordered = record.items.reduce((sum, item) => sum + item.QuantityOrdered, 0);
  const shipped = record.items.reduce((sum, item) => sum + item.QuantityShipped, 0);
  record.order.NumberOfItemsShipped = shipped;
  record.order.NumberOfItemsUnshipped = ordered - shipped;
  if (shipped > 0) record.order.OrderStatus = shipped === ordered ? 'Shipped' : 'PartiallyShipped';
}

/** Moves an order along AM_ORDER_TRANSITIONS; answers why not, or null. */
export function moveAmOrder(deps: AmDeps, record: AmOrderRecord, to: string): string | null {
  const from = record.order.OrderStatus;
  if (!(AM_ORDER_TRANSITIONS[from] ?? []).includes(to))
    return `order ${record.order.AmazonOrderId} cannot go from ${from} to ${to}`;
  if (to === 'Shipped') {
    for (const item of record.items) item.QuantityShipped = item.QuantityOrdered;
    recountShipped(record);
  }
  if (to === 'Canceled') returnStock(deps, record);
  record.order.OrderStatus = to;
  touchOrder(deps, record);
  return null;
}

/** A cancelled order gives its unshipped units back. */
function returnStock(deps: AmDeps, record: AmOrderRecord): void {
  for (const item of record.items) {
    const listing = deps.store.listing(record.sellerId, item.SellerSKU);
    if (listing !== undefined) takeStock(listing, -(item.QuantityOrdered - item.QuantityShipped));
  }
}
