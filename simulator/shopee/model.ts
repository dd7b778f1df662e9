import type { BucketHolder } from '../core/rate-limit.ts';

/** A partner app: its `partner_id` signs every call with its `partner_key`. */
export interface SpPartner extends BucketHolder {
  readonly partnerId: number;
  key: string;
  /** Empty: any redirect is accepted (sandbox convenience); else it must be one of them. */
  redirectUris: string[];
}

export interface SpShop {
  readonly id: number;
  name: string;
  region: string;
  /**
   * [doc update_stock] (fidelity S4) a multi-warehouse shop's warehouses: every `seller_stock`
   * entry must name one (`location_id`). Empty: one warehouse, no location needed.
   */
  locations: string[];
  /** [doc update_stock error_list] holiday mode: edits refused with `error_auth` (fidelity S2). */
  holidayMode: boolean;
  /** [doc get_access_token] (fidelity S5) the main account the shop belongs to, or null. */
  mainAccountId: number | null;
}

/**
 * A model (variation). An item without variations keeps one model with id 0, the id Shopee's
 * stock and price calls take for such items [2nd].
 */
export interface SpModel {
  readonly model_id: number;
  model_sku: string;
  model_name: string;
  tier_index: number[];
  /** `original_price`; a promotion shows its own price as `current_price`. */
  price: number;
  /** `seller_stock`, the only stock a seller can write [doc]; a multi-warehouse shop's sum. */
  stock: number;
  /** A multi-warehouse shop's stock by `location_id` (sums to `stock`); empty otherwise. */
  stockByLocation: Record<string, number>;
  /** Units held by open orders (`total_reserved_stock`). */
  reserved: number;
  promotionId: number | null;
  promotionPrice: number | null;
}

export interface SpItem {
  readonly item_id: number;
  readonly shopId: number;
  item_sku: string;
  item_name: string;
  item_status: string;
  category_id: number;
  create_time: number;
  update_time: number;
  models: SpModel[];
}

export function hasModels(item: SpItem): boolean {
  return item.models.length > 0 && item.models[0]!.model_id !== 0;
}

export interface SpOrderLine {
  item_id: number;
  item_name: string;
  item_sku: string;
  model_id: number;
  model_name: string;
  model_sku: string;
  model_quantity_purchased: number;
  model_original_price: number;
  model_discounted_price: number;
}

export interface SpPackage {
  package_number: string;
  logistics_status: string;
  shipping_carrier: string;
  item_list: Array<{ item_id: number; model_id: number }>;
}

export interface SpOrder {
  readonly order_sn: string;
  readonly shopId: number;
  order_status: string;
  create_time: number;
  update_time: number;
  pay_time: number | null;
  total_amount: number;
  buyer_user_id: number;
  buyer_username: string;
  message_to_seller: string;
  item_list: SpOrderLine[];
  package_list: SpPackage[];
  /** Set by ship_order; readable through get_tracking_number from `trackingReadyAt` on. */
  tracking_number: string | null;
  trackingReadyAt: number;
  invoice: { file_type: number; size: number; uploaded_at: number } | null;
}

/** Unix seconds, Shopee's time unit. */
export function seconds(ms: number): number {
  return Math.floor(ms / 1000);
}
