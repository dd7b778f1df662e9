import type { SpItem, SpModel, SpOrder, SpPartner, SpShop } from './model.ts';

const FIRST = {
  item: 20_000_000_001,
  model: 100_000_000_001,
  order: 1,
  buyer: 500_000_001,
  promotion: 700_000_001,
} as const;

/** Every Shopee record, with O(1) lookups on the hot paths (item by id, model by id). */
export class SpStore {
  readonly partners = new Map<number, SpPartner>();
  readonly shops = new Map<number, SpShop>();
  readonly items = new Map<number, SpItem>();
  readonly orders = new Map<string, SpOrder>();
  /** Codes a main account's authorisation issued: the main account and the shops it covers (S5). */
  readonly mainAccountCodes = new Map<string, { mainAccountId: number; shopIds: number[] }>();
  readonly #itemsByShop = new Map<number, SpItem[]>();
  readonly #ordersByShop = new Map<number, SpOrder[]>();
  #ids: Record<keyof typeof FIRST, number> = { ...FIRST };

  clear(): void {
    this.partners.clear();
    this.shops.clear();
    this.items.clear();
    this.orders.clear();
    this.mainAccountCodes.clear();
    this.#itemsByShop.clear();
    this.#ordersByShop.clear();
    this.#ids = { ...FIRST };
  }

  nextId(kind: keyof typeof FIRST): number {
    const id = this.#ids[kind];
    this.#ids[kind] = id + 1;
    return id;
  }

  addItem(item: SpItem): void {
    this.items.set(item.item_id, item);
    let list = this.#itemsByShop.get(item.shopId);
    if (list === undefined) {
      list = [];
      this.#itemsByShop.set(item.shopId, list);
    }
    list.push(item);
  }

  itemsOf(shopId: number): readonly SpItem[] {
    return this.#itemsByShop.get(shopId) ?? [];
  }

  /** The item of a shop, or undefined (another shop's item is invisible). */
  item(shopId: number, itemId: number): SpItem | undefined {
    const item = this.items.get(itemId);
    return item?.shopId === shopId ? item : undefined;
  }

  model(item: SpItem, modelId: number): SpModel | undefined {
    return item.models.find((model) => model.model_id === modelId);
  }

  addOrder(order: SpOrder): void {
    this.orders.set(order.order_sn, order);
    let list = this.#ordersByShop.get(order.shopId);
    if (list === undefined) {
      list = [];
      this.#ordersByShop.set(order.shopId, list);
    }
    list.push(order);
  }

  ordersOf(shopId: number): readonly SpOrder[] {
    return this.#ordersByShop.get(shopId) ?? [];
  }
}
