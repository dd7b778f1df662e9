import type { MgApp, MgDelivery, MgHistory, MgListing, MgOrder, MgSeller } from './model.ts';

/** Every Magalu record; listings are found by (seller, sku) with two Map lookups. */
export class MgStore {
  readonly apps = new Map<string, MgApp>();
  readonly sellers = new Map<string, MgSeller>();
  readonly orders = new Map<string, MgOrder>();
  readonly deliveries = new Map<string, MgDelivery>();
  readonly histories = new Map<string, MgHistory[]>();
  readonly #listings = new Map<string, Map<string, MgListing>>();
  readonly #ordersBySeller = new Map<string, MgOrder[]>();
  /** Which seller an order or delivery belongs to (they carry no seller field of their own). */
  readonly owners = new Map<string, string>();
  #orderCode = 1_500_000_000_000_001;

  clear(): void {
    this.apps.clear();
    this.sellers.clear();
    this.orders.clear();
    this.deliveries.clear();
    this.histories.clear();
    this.#listings.clear();
    this.#ordersBySeller.clear();
    this.owners.clear();
    this.#orderCode = 1_500_000_000_000_001;
  }

  nextOrderCode(): string {
    const code = this.#orderCode;
    this.#orderCode += 1;
    return String(code);
  }

  listing(sellerId: string, sku: string): MgListing | undefined {
    return this.#listings.get(sellerId)?.get(sku);
  }

  addListing(listing: MgListing): void {
    let bySku = this.#listings.get(listing.sellerId);
    if (bySku === undefined) {
      bySku = new Map();
      this.#listings.set(listing.sellerId, bySku);
    }
    bySku.set(listing.native.sku, listing);
  }

  /** In creation order (Map iteration order), which is the default listing order. */
  listingsOf(sellerId: string): MgListing[] {
    return [...(this.#listings.get(sellerId)?.values() ?? [])];
  }

  allListings(): MgListing[] {
    return [...this.#listings.values()].flatMap((bySku) => [...bySku.values()]);
  }

  addOrder(sellerId: string, order: MgOrder): void {
    this.orders.set(order.id, order);
    this.owners.set(order.id, sellerId);
    let list = this.#ordersBySeller.get(sellerId);
    if (list === undefined) {
      list = [];
      this.#ordersBySeller.set(sellerId, list);
    }
    list.push(order);
    for (const delivery of order.deliveries) {
      this.deliveries.set(delivery.id, delivery);
      this.owners.set(delivery.id, sellerId);
    }
  }

  ordersOf(sellerId: string): readonly MgOrder[] {
    return this.#ordersBySeller.get(sellerId) ?? [];
  }

  /** Records a status in a delivery's history (`GET /deliveries/{id}/histories`). */
  recordHistory(deliveryId: string, status: string, at: string): void {
    let list = this.histories.get(deliveryId);
    if (list === undefined) {
      list = [];
      this.histories.set(deliveryId, list);
    }
    list.push({ status, created_at: at });
  }
}
