import type {
  MlApp,
  MlItem,
  MlOrder,
  MlPromotion,
  MlSeller,
  MlShipment,
  MlUserProductStock,
} from './model.ts';
import { skuOf } from './model.ts';

/** Id ranges that look like ML's (MLB + 10 digits, 12-digit variations, 13-digit orders). */
const FIRST_IDS = { item: 4_000_000_001, variation: 180_000_000_001, order: 2_000_000_000_001 } as const;
const FIRST_IDS_MORE = {
  shipment: 44_000_000_001,
  buyer: 900_000_001,
  payment: 60_000_000_001,
  userProduct: 3_000_000_001,
} as const;
type IdKind = keyof typeof FIRST_IDS | keyof typeof FIRST_IDS_MORE;

/** A `search_type=scan` cursor: the ids matched at the first call, read page by page. */
export interface MlScroll {
  readonly sellerId: number;
  readonly ids: readonly string[];
  position: number;
  expiresAt: number;
}

/** Every Mercado Livre record of the simulator, indexed for O(1) lookups on the hot paths. */
export class MlStore {
  readonly apps = new Map<string, MlApp>();
  readonly sellers = new Map<number, MlSeller>();
  readonly items = new Map<string, MlItem>();
  readonly orders = new Map<number, MlOrder>();
  readonly shipments = new Map<number, MlShipment>();
  readonly promotions = new Map<string, MlPromotion>();
  /** Items under ML's price automation: price PUTs are refused [2nd]. */
  readonly priceAutomated = new Set<string>();
  readonly scrolls = new Map<string, MlScroll>();
  /** Multi-origin stock per User Product (M1). */
  readonly userProducts = new Map<string, MlUserProductStock>();
  /** User Product id → the items (and variations) that show its stock. */
  readonly itemsByUserProduct = new Map<string, Set<string>>();
  /**
   * Control setting: the next N stock PUTs meet another writer (a sale, the seller's panel) that
   * moved the version between the caller's read and its write, so they get 409 (M1).
   */
  concurrentStockWrites = 0;
  readonly #itemsBySeller = new Map<number, MlItem[]>();
  readonly #ordersBySeller = new Map<number, MlOrder[]>();
  /** seller → SELLER_SKU → item ids (an SKU may sit on an item or on one of its variations). */
  readonly #skuIndex = new Map<number, Map<string, Set<string>>>();
  readonly #skusByItem = new Map<string, string[]>();
  #ids: Record<IdKind, number> = { ...FIRST_IDS, ...FIRST_IDS_MORE };

  clear(): void {
    this.apps.clear();
    this.sellers.clear();
    this.items.clear();
    this.orders.clear();
    this.shipments.clear();
    this.promotions.clear();
    this.priceAutomated.clear();
    this.scrolls.clear();
    this.userProducts.clear();
    this.itemsByUserProduct.clear();
    this.concurrentStockWrites = 0;
    this.#itemsBySeller.clear();
    this.#ordersBySeller.clear();
    this.#skuIndex.clear();
    this.#skusByItem.clear();
    this.#ids = { ...FIRST_IDS, ...FIRST_IDS_MORE };
  }

  nextId(kind: IdKind): number {
    const id = this.#ids[kind];
    this.#ids[kind] = id + 1;
    return id;
  }

  addItem(item: MlItem): void {
    this.items.set(item.id, item);
    let list = this.#itemsBySeller.get(item.seller_id);
    if (list === undefined) {
      list = [];
      this.#itemsBySeller.set(item.seller_id, list);
    }
    list.push(item);
    this.indexSkus(item);
    const products = [item.user_product_id, ...item.variations.map((v) => v.user_product_id)];
    for (const id of products) {
      if (id === null) continue;
      let items = this.itemsByUserProduct.get(id);
      if (items === undefined) {
        items = new Set();
        this.itemsByUserProduct.set(id, items);
      }
      items.add(item.id);
    }
  }

  itemsOf(sellerId: number): readonly MlItem[] {
    return this.#itemsBySeller.get(sellerId) ?? [];
  }

  /** Re-indexes an item's SKUs; called after a PUT that touched variations. */
  indexSkus(item: MlItem): void {
    let bySku = this.#skuIndex.get(item.seller_id);
    if (bySku === undefined) {
      bySku = new Map();
      this.#skuIndex.set(item.seller_id, bySku);
    }
    // Only the SKUs this item was indexed under are touched: a seller with 100k items would
    // otherwise make every insert walk all of them.
    for (const sku of this.#skusByItem.get(item.id) ?? []) bySku.get(sku)?.delete(item.id);
    const skus = skusOfItem(item);
    for (const sku of skus) {
      let ids = bySku.get(sku);
      if (ids === undefined) {
        ids = new Set();
        bySku.set(sku, ids);
      }
      ids.add(item.id);
    }
    this.#skusByItem.set(item.id, skus);
  }

  itemIdsBySku(sellerId: number, sku: string): ReadonlySet<string> {
    return this.#skuIndex.get(sellerId)?.get(sku) ?? new Set();
  }

  addOrder(order: MlOrder): void {
    this.orders.set(order.id, order);
    let list = this.#ordersBySeller.get(order.seller.id);
    if (list === undefined) {
      list = [];
      this.#ordersBySeller.set(order.seller.id, list);
    }
    list.push(order);
  }

  ordersOf(sellerId: number): readonly MlOrder[] {
    return this.#ordersBySeller.get(sellerId) ?? [];
  }
}

function skusOfItem(item: MlItem): string[] {
  const skus: string[] = [];
  const own = skuOf(item.attributes, item.seller_custom_field);
  if (own !== null) skus.push(own);
  for (const variation of item.variations) {
    const sku = skuOf(variation.attributes, variation.seller_custom_field);
    if (sku !== null) skus.push(sku);
  }
  return skus;
}
