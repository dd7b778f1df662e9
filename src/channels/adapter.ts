/**
 * The one interface every marketplace implements (one folder per marketplace beside this file).
 * Adapters speak the marketplace's real API at a per-connection base URL (the real host by
 * default, the simulator in tests and the sandbox) and translate its errors into ChannelError at
 * the edge, so the sync engine never sees a vendor's error shape.
 */
import type { ChannelError } from './errors.ts';
import type { Limiter } from './rate-limiter.ts';
import type { RetryPolicy } from './retry.ts';

export const channels = ['mercadolivre', 'magalu', 'amazon', 'shopee'] as const;
export type ChannelName = (typeof channels)[number];

/** Operations that have their own rate limit at the marketplace. */
export type Operation = 'auth' | 'stock' | 'price' | 'read' | 'publish' | 'orders' | 'order_status';

export interface Rate {
  /** Sustained requests per second. */
  perSecond: number;
  /** Requests allowed at once after a quiet period. */
  burst: number;
}

export interface Capabilities {
  /** Items one stock (price) call can carry; 1 where the API takes one item per call. */
  stockBatchSize: number;
  priceBatchSize: number;
  /** Calls to run at once within a run; the rate limit still applies. */
  concurrency: number;
  /** The marketplace's documented default rate per operation (per app and seller). */
  rates: Record<Operation, Rate>;
  /** Writes are accepted first and applied later (Magalu's 202, Amazon's ACCEPTED). */
  asyncAcceptance: boolean;
  /** The listing's live values can be read back to confirm a write. */
  readBack: boolean;
  /** How a promotional price is expressed: a native field, a dated offer, or not at all. */
  promotionalPrice: 'field' | 'window' | 'none';
  /** Authorisation: OAuth consent in the browser, or credentials pasted by the seller. */
  auth: 'oauth' | 'credentials';
}

/** Marketplace credentials of one connection, decrypted; only the connections domain stores them. */
export interface Credentials {
  clientId?: string | undefined;
  clientSecret?: string | undefined;
  accessToken?: string | undefined;
  refreshToken?: string | undefined;
  /** Epoch milliseconds at which the access token expires. */
  expiresAt?: number | undefined;
  /** The seller's id at the marketplace (ML user_id, Amazon sellerId, Shopee shop_id). */
  sellerId?: string | undefined;
  /** Anything else a marketplace needs (Magalu channel id, Shopee partner key, ...). */
  extra?: Record<string, string> | undefined;
}

/**
 * Credentials as the adapter sees them: `current()` for a call; `refreshed(stale)` when the
 * marketplace said the token is no longer valid or it is about to expire. The store serialises
 * refreshes across processes (a refresh token is single-use) and persists the result:
 * - when the stored access token is no longer `stale.accessToken`, someone else already
 *   refreshed: answer the stored credentials without calling the marketplace;
 * - otherwise call `adapter.refreshToken` under the lock, persist both new tokens (the old
 *   refresh token is dead from then on), and answer them;
 * - a refused refresh rejects with the adapter's `auth` ChannelError (the connection turns
 *   `auth_failed`); a transient failure rejects with the transient error, tokens untouched.
 */
export interface CredentialStore {
  current(): Promise<Credentials>;
  refreshed(stale: Credentials): Promise<Credentials>;
}

export interface ChannelContext {
  connectionId: number;
  /** Per-operation rates that replace the marketplace's documented defaults for this connection. */
  rates?: Partial<Record<Operation, Rate>> | undefined;
  baseUrl: string;
  credentials: CredentialStore;
  /** The run's signal: aborted when the run lost its lease, its job was given up, or on shutdown. */
  signal?: AbortSignal | undefined;
  /** The token buckets this call waits in (shared through PostgreSQL); the process's own when absent. */
  limiter?: Limiter | undefined;
  /**
   * Overrides the adapter's retry policy for calls made with this context: a scheduled run may
   * retry within the call, a continuous run may prefer to give the item back sooner, tests wait
   * milliseconds instead of seconds.
   */
  retry?: RetryPolicy | undefined;
  /** Per-request timeout in milliseconds (default 20 s). */
  timeoutMs?: number | undefined;
}

/** A listing's address at the marketplace. */
export interface ListingRef {
  externalId: string;
  externalVariationId?: string | undefined;
  sku: string;
}

export interface StockUpdate extends ListingRef {
  listingId: number;
  qty: number;
}

export interface PriceUpdate extends ListingRef {
  listingId: number;
  price: number;
  /** The sale price; null when there is none. */
  promotionalPrice: number | null;
  promotionStartsAt?: Date | undefined;
  promotionEndsAt?: Date | undefined;
}

export type ItemOutcome =
  | {
      listingId: number;
      ok: true /** 'pending' when accepted but applied later */;
      applied: 'applied' | 'pending';
    }
  | { listingId: number; ok: false; error: ChannelError };

export interface ListingSnapshot {
  qty: number;
  price: number | null;
  promotionalPrice: number | null;
  status: string;
}

/** What a marketplace needs to publish a product. */
export interface ProductForChannel {
  sku: string;
  name: string;
  description: string | null;
  qty: number;
  price: number;
  promotionalPrice: number | null;
  brand: string | null;
  ean: string | null;
  images: string[];
  /** The marketplace's category for this product, where the seller mapped one (ML needs one). */
  categoryId?: string | undefined;
  variations: {
    sku: string;
    qty: number;
    price: number;
    ean: string | null;
    attributes: Record<string, string>;
  }[];
}

export interface PublishResult {
  ref: ListingRef;
  /** Variation SKU → its address, for products with variations. */
  variations?: Record<string, ListingRef> | undefined;
  /** 'pending' while the marketplace reviews the listing (yellow flag). */
  status: 'active' | 'pending';
}

export interface ChannelOrderItem {
  sku: string | null;
  externalItemId: string;
  name: string;
  qty: number;
  /** What the buyer paid for one unit (the sale price). */
  unitPrice: number;
  /** The unit's list price before the marketplace's or seller's discount, where reported. */
  originalPrice?: number | undefined;
  /** Freight charged for this line, where the marketplace splits it by item. */
  shippingCost?: number | undefined;
}

/**
 * Why a field an ERP needs to invoice or ship is absent: the marketplace masks it (`masked`),
 * gives it only through a restricted call Cais could not make (`restricted`), will give it later
 * in the order's life (`not_released`), or does not have it (`not_provided`).
 */
export type WithheldReason = 'masked' | 'restricted' | 'not_released' | 'not_provided';

/** A postal address as the marketplace gave it; undefined or null where it gave nothing. */
export interface ChannelAddress {
  fullName?: string | null | undefined;
  street?: string | null | undefined;
  number?: string | null | undefined;
  complement?: string | null | undefined;
  neighborhood?: string | null | undefined;
  city?: string | null | undefined;
  /** The state (UF in Brazil). */
  region?: string | null | undefined;
  postcode?: string | null | undefined;
  country?: string | null | undefined;
  phone?: string | null | undefined;
  reference?: string | null | undefined;
}

export interface ChannelBuyer {
  name: string;
  email?: string | null | undefined;
  /** CPF or CNPJ, digits only. */
  document?: string | null | undefined;
  /** The company's state registration (inscrição estadual), where offered. */
  stateRegistration?: string | null | undefined;
  phone?: string | null | undefined;
}

/** An order as a marketplace reports it, before Cais normalises it to SkyHub's shape. */
export interface ChannelOrder {
  externalId: string;
  status: string;
  placedAt: Date;
  updatedAt: Date;
  total: number;
  items: ChannelOrderItem[];
  buyer: ChannelBuyer;
  /** @deprecated flat SkyHub-named fields; adapters now fill `recipient`. */
  shippingAddress?: Record<string, string> | undefined;
  /** Where the order ships to, read from where the marketplace keeps it. */
  recipient?: ChannelAddress | undefined;
  /** The buyer's fiscal address, where the marketplace gives one apart from the recipient's. */
  billingAddress?: ChannelAddress | undefined;
  /** Fields the marketplace withholds, keyed by SkyHub path (`shipping_address.street`). */
  withheld?: Record<string, WithheldReason> | undefined;
  shippingMethod?: string | null | undefined;
  /** The date the seller must ship by, or the promised delivery date, whichever the marketplace gives. */
  shippingDeadline?: Date | null | undefined;
  estimatedDelivery?: Date | null | undefined;
  freight?: number | undefined;
  discount?: number | undefined;
  raw: unknown;
}

export interface OrderPage {
  orders: ChannelOrder[];
  /** Pass back to get the next page; absent on the last one. */
  nextCursor?: string | undefined;
}

export type OrderTransition =
  | {
      kind: 'invoice';
      key: string;
      number?: string | undefined;
      issuedAt: Date;
      /** The NF-e XML, for marketplaces that take the document itself (Mercado Livre, Magalu). */
      xml?: string | undefined;
    }
  | {
      kind: 'ship';
      trackingCode: string;
      carrier?: string | undefined;
      url?: string | undefined;
      shippedAt: Date;
      /** The delivery date promised to the buyer, for marketplaces that ask for it (Magalu). */
      estimatedDeliveryAt?: Date | undefined;
    }
  | { kind: 'deliver'; deliveredAt: Date }
  | { kind: 'cancel'; reason?: string | undefined };

/**
 * What the marketplace does with one of the ERP's order actions, decided from the order as
 * imported (its raw payload): relay it, or record it only (the marketplace runs that step
 * itself, as Mercado Envios does shipments), and which parts of the action it cannot do without.
 */
export interface OrderActionPolicy {
  relay: boolean;
  /** Why the action is recorded but not relayed (Cais words it in pt-BR and English). */
  reason?: 'marketplace_ships' | 'no_seller_invoice' | undefined;
  /** Fields of the ERP's body the marketplace needs for this order, e.g. `invoice.xml`. */
  requires?: readonly 'invoice.xml'[] | undefined;
}

export interface OAuthStart {
  baseUrl: string;
  clientId: string;
  /** For marketplaces that sign the consent link itself (Shopee's auth_partner). */
  clientSecret?: string | undefined;
  /** The connection's extra settings (Amazon's consent names the app by its application id). */
  extra?: Record<string, string> | undefined;
  redirectUri: string;
  state: string;
}

export interface ChannelAdapter {
  readonly channel: ChannelName;
  /** The real API's base URL, used when a connection names none. */
  readonly defaultBaseUrl: string;
  readonly capabilities: Capabilities;

  /** OAuth marketplaces: the consent page to send the seller to. */
  authorizeUrl?(start: OAuthStart): string;
  /** OAuth marketplaces: trade the callback's code for tokens. */
  exchangeCode?(
    args: OAuthStart & {
      clientSecret: string;
      code: string;
      /** The callback's other parameters (Amazon's selling_partner_id, Shopee's shop_id). */
      params?: Record<string, string> | undefined;
    },
  ): Promise<Credentials>;
  /** Trade a refresh token for new tokens (the new refresh token replaces the old one). */
  refreshToken(baseUrl: string, credentials: Credentials): Promise<Credentials>;
  /** A cheap authenticated call; answers who the seller is. */
  testConnection(ctx: ChannelContext): Promise<{ sellerId: string; name?: string | undefined }>;

  /** Creates the listing at the marketplace. */
  publish(ctx: ChannelContext, product: ProductForChannel): Promise<PublishResult>;
  /** Finds an existing listing by SKU (association), or undefined. */
  findBySku(ctx: ChannelContext, sku: string): Promise<ListingRef | undefined>;
  /** Takes a listing off sale (pause/close). */
  unpublish(ctx: ChannelContext, ref: ListingRef): Promise<void>;

  /** Sets absolute stock; at most capabilities.stockBatchSize items. One outcome per item. */
  pushStock(ctx: ChannelContext, updates: StockUpdate[]): Promise<ItemOutcome[]>;
  /** Sets absolute price and sale price; at most capabilities.priceBatchSize items. */
  pushPrice(ctx: ChannelContext, updates: PriceUpdate[]): Promise<ItemOutcome[]>;
  /** What the listing shows now, to confirm a write. */
  readListing(ctx: ChannelContext, ref: ListingRef): Promise<ListingSnapshot>;

  /** Orders created or changed since `since` (with the caller's overlap already applied). */
  listOrders(ctx: ChannelContext, query: { since: Date; cursor?: string | undefined }): Promise<OrderPage>;
  getOrder(ctx: ChannelContext, externalId: string): Promise<ChannelOrder>;
  pushOrderStatus(
    ctx: ChannelContext,
    order: { externalId: string; raw: unknown },
    transition: OrderTransition,
  ): Promise<void>;
  /** How the marketplace takes an action on this order; absent means every action is relayed. */
  orderActionPolicy?(order: { raw: unknown }, kind: OrderTransition['kind']): OrderActionPolicy;
}
