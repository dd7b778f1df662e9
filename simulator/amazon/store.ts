import type { AmApp, AmDocument, AmFeed, AmListing, AmOrderRecord, AmSeller } from './model.ts';

/** A getOrders page still to be read: the matching ids, frozen at the first call. */
export interface OrderCursor {
  readonly sellerId: string;
  readonly ids: readonly string[];
  readonly pageSize: number;
  readonly before: { readonly field: 'CreatedBefore' | 'LastUpdatedBefore'; readonly value: string };
  position: number;
}

/** A searchOrders (2026-01-01) page still to be read: ids frozen at the first call, as v0 does. */
export interface SearchCursor {
  readonly sellerId: string;
  readonly ids: readonly string[];
  readonly pageSize: number;
  readonly included: readonly string[];
  readonly before: { readonly name: 'createdBefore' | 'lastUpdatedBefore'; readonly value: string };
  /** [doc: orders-api-migration-guide] tokens expire after 24 hours. */
  readonly expiresAt: number;
  position: number;
}

const FIRST = { asin: 1, order: 1_000_001, item: 10_000_000_000_001, feed: 50_000_000_001, doc: 1 } as const;

/** Every Amazon record; listings are found by (seller, sku) with two Map lookups. */
export class AmStore {
  readonly apps = new Map<string, AmApp>();
  readonly sellers = new Map<string, AmSeller>();
  readonly orders = new Map<string, AmOrderRecord>();
  readonly documents = new Map<string, AmDocument>();
  readonly feeds = new Map<string, AmFeed>();
  readonly cursors = new Map<string, OrderCursor>();
  readonly searches = new Map<string, SearchCursor>();
  readonly #listings = new Map<string, Map<string, AmListing>>();
  readonly #ordersBySeller = new Map<string, AmOrderRecord[]>();
  #ids: Record<keyof typeof FIRST, number> = { ...FIRST };
  #submission = 0;

  clear(): void {
    this.apps.clear();
    this.sellers.clear();
    this.orders.clear();
    this.documents.clear();
    this.feeds.clear();
    this.cursors.clear();
    this.searches.clear();
    this.#listings.clear();
    this.#ordersBySeller.clear();
    this.#ids = { ...FIRST };
    this.#submission = 0;
  }

  nextId(kind: keyof typeof FIRST): number {
    const id = this.#ids[kind];
    this.#ids[kind] = id + 1;
    return id;
  }

  /** `B0` + 8 characters, like a real ASIN; counters keep runs under one seed identical. */
  nextAsin(): string {
    return `B0${this.nextId('asin').toString(36).toUpperCase().padStart(8, '0')}`;
  }

  nextSubmissionId(): string {
    this.#submission += 1;
    return this.#submission.toString(16).padStart(32, '0');
  }

  appByApplicationId(applicationId: string): AmApp | undefined {
    for (const app of this.apps.values()) if (app.applicationId === applicationId) return app;
    return undefined;
  }

  listing(sellerId: string, sku: string): AmListing | undefined {
    return this.#listings.get(sellerId)?.get(sku);
  }

  addListing(listing: AmListing): void {
    let bySku = this.#listings.get(listing.sellerId);
    if (bySku === undefined) {
      bySku = new Map();
      this.#listings.set(listing.sellerId, bySku);
    }
    bySku.set(listing.sku, listing);
  }

  removeListing(sellerId: string, sku: string): boolean {
    return this.#listings.get(sellerId)?.delete(sku) ?? false;
  }

  listingsOf(sellerId: string): AmListing[] {
    return [...(this.#listings.get(sellerId)?.values() ?? [])];
  }

  allListings(): AmListing[] {
    return [...this.#listings.values()].flatMap((bySku) => [...bySku.values()]);
  }

  addOrder(record: AmOrderRecord): void {
    this.orders.set(record.order.AmazonOrderId, record);
    let list = this.#ordersBySeller.get(record.sellerId);
    if (list === undefined) {
      list = [];
      this.#ordersBySeller.set(record.sellerId, list);
    }
    list.push(record);
  }

  ordersOf(sellerId: string): readonly AmOrderRecord[] {
    return this.#ordersBySeller.get(sellerId) ?? [];
  }
}
