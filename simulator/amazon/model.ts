import type { BucketHolder } from '../core/rate-limit.ts';

/** An SP-API application: its LWA client (`client_id`/secret) and its solution id (consent). */
export interface AmApp extends BucketHolder {
  readonly clientId: string;
  secret: string;
  /** `amzn1.sp.solution.…`, the `application_id` of the consent URL. */
  applicationId: string;
  /** Empty: any redirect_uri is accepted (sandbox convenience); else it must be one of them. */
  redirectUris: string[];
  /**
   * [doc: access-orders-pii] The restricted roles (Direct-to-Consumer Delivery, Tax Invoicing /
   * Remittance) that let the 2026 Orders API answer buyer and address fields.
   */
  piiRoles: boolean;
}

/** A selling partner (merchant token `A…`) and the marketplaces it sells in. */
export interface AmSeller {
  readonly id: string;
  name: string;
  marketplaceIds: string[];
}

/** Listing attributes as the Product Type Definitions shape them: every value is an array. */
export type AttributeValue = Record<string, unknown>;
export type Attributes = Record<string, AttributeValue[]>;

export interface AmIssue {
  code: string;
  message: string;
  severity: 'ERROR' | 'WARNING' | 'INFO';
  attributeNames: string[];
  categories: string[];
}

export interface AmListing {
  readonly sellerId: string;
  readonly sku: string;
  readonly asin: string;
  productType: string;
  marketplaceIds: string[];
  attributes: Attributes;
  /** Issues of the live listing (an accepted-then-rejected patch leaves one here). */
  issues: AmIssue[];
  createdAt: string;
  updatedAt: string;
  /** Patches accepted but not applied yet. */
  pending: number;
}

/** [SPM] Money in the Orders API: decimal strings. */
export interface Money {
  CurrencyCode: string;
  Amount: string;
}

/** [SPM ordersV0] An order item as getOrderItems answers it. */
export interface AmOrderItem {
  ASIN: string;
  SellerSKU: string;
  OrderItemId: string;
  Title: string;
  QuantityOrdered: number;
  QuantityShipped: number;
  ProductInfo: { NumberOfItems: string };
  ItemPrice: Money;
  ItemTax: Money;
  PromotionDiscount: Money;
  IsGift: string;
  ConditionId: string;
  ConditionSubtypeId: string;
  IsTransparency: boolean;
}

/** [SPM ordersV0] An order as getOrders/getOrder answer it (no PII: that needs an RDT). */
export interface AmOrder {
  AmazonOrderId: string;
  SellerOrderId: string;
  PurchaseDate: string;
  LastUpdateDate: string;
  OrderStatus: string;
  FulfillmentChannel: 'MFN' | 'AFN';
  SalesChannel: string;
  ShipServiceLevel: string;
  OrderTotal: Money;
  NumberOfItemsShipped: number;
  NumberOfItemsUnshipped: number;
  PaymentMethod: string;
  PaymentMethodDetails: string[];
  MarketplaceId: string;
  ShipmentServiceLevelCategory: string;
  OrderType: string;
  EarliestShipDate: string;
  LatestShipDate: string;
  IsBusinessOrder: boolean;
  IsPrime: boolean;
  IsPremiumOrder: boolean;
  IsGlobalExpressEnabled: boolean;
  IsReplacementOrder: boolean;
  IsSoldByAB: boolean;
  IsISPU: boolean;
  IsAccessPointOrder: boolean;
  HasRegulatedItems: boolean;
}

export interface AmPackage {
  packageReferenceId: string;
  carrierCode: string;
  carrierName: string | null;
  trackingNumber: string;
  shipDate: string;
  orderItems: Array<{ orderItemId: string; quantity: number }>;
}

/** An order with what the native shape does not carry: its seller, items, times in ms, packages. */
export interface AmOrderRecord {
  readonly sellerId: string;
  readonly order: AmOrder;
  readonly items: AmOrderItem[];
  purchaseMs: number;
  updatedMs: number;
  packages: AmPackage[];
}

/** A feed document: an input the seller uploads, or a processing report Amazon writes. */
export interface AmDocument {
  readonly id: string;
  readonly sellerId: string;
  readonly contentType: string;
  content: Buffer | null;
  /** [SPM FeedDocument.compressionAlgorithm] how `content` is stored: GZIP bytes, or as sent. */
  compression: 'GZIP' | null;
  /** The last URL was asked with `enableContentEncodingUrlHeader=true`: it answers Content-Encoding gzip. */
  contentEncodingHeader: boolean;
  /** The presigned URL handed out last, and when it stops working. */
  urlToken: string;
  urlExpiresAt: number;
  /** Set once a feed references it (a document feeds one feed). */
  usedBy: string | null;
}

export type FeedStatus = 'IN_QUEUE' | 'IN_PROGRESS' | 'DONE' | 'FATAL' | 'CANCELLED';

export interface AmFeed {
  readonly feedId: string;
  readonly sellerId: string;
  readonly feedType: string;
  readonly marketplaceIds: string[];
  readonly inputFeedDocumentId: string;
  readonly createdMs: number;
  readonly startMs: number;
  readonly doneMs: number;
  /** The settled outcome; IN_QUEUE/IN_PROGRESS are read from the clock until then. */
  outcome: 'DONE' | 'FATAL' | 'CANCELLED' | null;
  resultFeedDocumentId: string | null;
  /** The test that declared createFeed's document invalid on purpose (conformance ledger), or null. */
  readonly expectedInvalidBy: string | null;
}

let lastMs = Number.NaN;
let lastIso = '';

/** ISO 8601 UTC without milliseconds (SP-API's format), memoised on the millisecond. */
export function iso(ms: number): string {
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = `${new Date(ms).toISOString().slice(0, 19)}Z`;
  }
  return lastIso;
}

/** Decimal string as SP-API prints money: `59.90`. */
export function money(currency: string, amount: number): Money {
  return { CurrencyCode: currency, Amount: amount.toFixed(2) };
}
