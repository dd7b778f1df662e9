import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ChannelFaults } from './faults.ts';
import type { Grant } from './oauth.ts';
import type { ChannelLimits, LimitTable } from './rate-limit.ts';

/**
 * What one marketplace looks like to the server. Adding a marketplace is writing one of these
 * in `simulator/<channel>/` and listing its factory in `simulator/channels.ts`.
 */
export interface ChannelModule {
  /** The mount, `/<name>`, and the channel name used across the control API. */
  readonly name: string;
  /** Operation names (`items.update`, …): the keys of faults and rate limits. */
  readonly operations: readonly string[];
  readonly defaultLimits: LimitTable;
  readonly faults: ChannelFaults;
  readonly limits: ChannelLimits;
  readonly control: ChannelControl;
  /** Registers the marketplace's own routes; `scope` is already prefixed with `/<name>`. */
  register(scope: FastifyInstance): void;
  /** Resolves the caller of an authenticated route, or answers 401/403 itself and returns null. */
  authenticate(request: FastifyRequest, reply: FastifyReply, operation: string): Grant | null;
  replyRateLimited(reply: FastifyReply, waitMs: number): void;
  replyServerError(reply: FastifyReply, status: number): void;
  /** Back to the seeded initial state (default app and seller, nothing else). */
  reset(): void;
  /** Stops timers (async applies, notification retries). */
  close(): void;
}

/** A listing as a buyer would see it, in one shape for every marketplace (money in BRL units). */
export interface ListingView {
  readonly channel: string;
  /** The marketplace's id of the listing (ML item id, Magalu SKU). */
  readonly id: string;
  readonly seller_id: string;
  readonly sku: string | null;
  readonly title: string;
  readonly status: string;
  readonly stock: number;
  readonly price: number;
  readonly promotional_price: number | null;
  readonly variations: ReadonlyArray<{
    readonly id: string;
    readonly sku: string | null;
    readonly stock: number;
    readonly price: number;
  }>;
  readonly updated_at: string;
  /** The listing exactly as the marketplace API returns it. */
  readonly native: unknown;
}

export interface ListingQuery {
  readonly seller_id?: string;
  readonly sku?: string;
}

/**
 * The control API of one marketplace. Bodies are the marketplace's own vocabulary and are
 * validated by the channel; failures throw ControlError.
 */
export interface ChannelControl {
  describe(): unknown;
  upsertApp(body: unknown): unknown;
  upsertSeller(body: unknown): unknown;
  /** Issues tokens without the consent round trip; answers like the marketplace's token endpoint. */
  issueToken(body: unknown): unknown;
  revoke(body: unknown): { revoked: number };
  createListing(body: unknown): ListingView;
  updateListing(id: string, body: unknown): ListingView;
  getListing(id: string): ListingView;
  listListings(query: ListingQuery): ListingView[];
  createOrder(body: unknown): unknown;
  getOrder(id: string): unknown;
  /** Moves an order, shipment, delivery or invoice (`resource`) along its state machine. */
  setStatus(resource: string, id: string, body: unknown): unknown;
  settings(): unknown;
  updateSettings(body: unknown): unknown;
}
