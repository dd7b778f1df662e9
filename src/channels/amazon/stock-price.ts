/**
 * Stock and price on Amazon. A push chooses by size: up to `patchMax` items, one Listings Items
 * PATCH each [SPM] (5/s): Amazon answers `ACCEPTED` (queued, applied within minutes, so the
 * outcome is `pending`) or `INVALID` with `issues[]` (a permanent error, Amazon's words kept).
 * A larger push goes in one JSON_LISTINGS_FEED (feeds.ts): the processing report says, message by
 * message, what was applied (`applied`) and what was refused after being accepted (a permanent
 * error); a feed still processing at the deadline leaves its items `pending`.
 * Each variation is a SKU of its own at Amazon, addressed by `externalId`.
 */
import type {
  ListingsItemPatchRequest,
  ListingsItemSubmissionResponse,
} from '@sp-api-sdk/listings-items-api-2021-08-01';
import type { ChannelContext, ItemOutcome, Operation, PriceUpdate, StockUpdate } from '../adapter.ts';
import type { ChannelError } from '../errors.ts';
import { FailureClass, isChannelError } from '../errors.ts';
import type { Json } from '../json.ts';
import { child, isObject } from '../json.ts';
import { eachItem } from '../outcomes.ts';
import type { AmApi, Seller } from './api.ts';
import { itemPath, sellerFor } from './api.ts';
import { amChannelError, issuesError, readIssues } from './errors.ts';
import type { FeedMessage } from './feeds.ts';
import { runFeed } from './feeds.ts';
import type { Patch } from './patches.ts';
import { hasSale, hasSalePrice, pricePatches, saleDeletePatch, stockPatches } from './patches.ts';

export interface Write {
  listingId: number;
  sku: string;
  patches: Patch[];
}

export function pushStock(api: AmApi, ctx: ChannelContext, updates: StockUpdate[]): Promise<ItemOutcome[]> {
  return withSeller(ctx, updates, (seller) => {
    const writes = updates.map((u) => ({
      listingId: u.listingId,
      sku: u.externalId,
      patches: stockPatches(u.qty),
    }));
    return pushWrites(api, ctx, 'stock', seller, writes);
  });
}

/**
 * Price pushes never send the sale-price `delete` blindly (fidelity A5 [unverified]): a small
 * push reads each listing without an ERP sale first and deletes the sale price only where one
 * shows; a large push goes without deletes in a feed whose report lists every listing after
 * processing, and a second feed deletes the sale prices still shown, its own report proving them
 * gone (an item whose sale price Amazon kept is that item's error).
 */
export function pushPrice(api: AmApi, ctx: ChannelContext, updates: PriceUpdate[]): Promise<ItemOutcome[]> {
  return withSeller(ctx, updates, (seller) => {
    const now = Date.now();
    if (updates.length <= api.patchMax) {
      return eachItem(updates, async (u) => {
        const saleLive = !hasSale(u, now) && (await listedSale(api, ctx, seller, u.externalId));
        const patches = pricePatches(seller, u, now, saleLive);
        return patchOne(api, ctx, 'price', seller, { listingId: u.listingId, sku: u.externalId, patches });
      });
    }
    return pushPriceFeed(api, ctx, seller, updates, now);
  });
}

/** Whether the listing shows a sale price now (a SKU Amazon does not have shows none). */
async function listedSale(api: AmApi, ctx: ChannelContext, seller: Seller, sku: string): Promise<boolean> {
  const response = await api.call(ctx, {
    sp: 'listings.get',
    operation: 'price',
    method: 'GET',
    path: itemPath(seller, sku),
    query: { marketplaceIds: seller.marketplaceId, includedData: 'attributes' },
    accept: [404],
  });
  if (response.status === 404 || !isObject(response.body)) return false;
  return hasSalePrice(child(response.body, 'attributes'), seller.marketplaceId);
}

async function pushPriceFeed(
  api: AmApi,
  ctx: ChannelContext,
  seller: Seller,
  updates: PriceUpdate[],
  now: number,
): Promise<ItemOutcome[]> {
  const writes = updates.map((u) => ({
    listingId: u.listingId,
    sku: u.externalId,
    patches: pricePatches(seller, u, now),
  }));
  const first = await pushFeed(api, ctx, 'price', seller, writes, true);
  const lingering = updates.filter((u, index) => {
    const outcome = first.outcomes[index];
    return outcome?.ok === true && !hasSale(u, now) && saleShown(first.items.get(u.externalId), seller);
  });
  if (lingering.length === 0) return first.outcomes;
  const deletes = lingering.map((u) => ({
    listingId: u.listingId,
    sku: u.externalId,
    patches: [saleDeletePatch(seller)],
  }));
  const second = await pushFeed(api, ctx, 'price', seller, deletes, true);
  const byListing = new Map(
    deletes.map((write, index) => [write.listingId, { write, outcome: second.outcomes[index] }]),
  );
  return first.outcomes.map((outcome) => {
    const followUp = byListing.get(outcome.listingId);
    if (followUp === undefined || followUp.outcome === undefined) return outcome;
    if (!followUp.outcome.ok || followUp.outcome.applied === 'pending') return followUp.outcome;
    const item = second.items.get(followUp.write.sku);
    if (item !== undefined && saleShown(item, seller))
      return { ...outcome, ok: false, error: saleKept(followUp.write.sku) };
    return outcome;
  });
}

function saleShown(item: Json | undefined, seller: Seller): boolean {
  return item !== undefined && hasSalePrice(child(item, 'attributes'), seller.marketplaceId);
}

function saleKept(sku: string): ChannelError {
  return amChannelError(
    FailureClass.permanent,
    'amazon.sale_price_kept',
    `Amazon accepted the removal of the sale price of SKU ${sku} but still shows it`,
  );
}

/** Every item fails alike when the connection cannot name its seller. */
async function withSeller(
  ctx: ChannelContext,
  items: readonly { listingId: number }[],
  push: (seller: Seller) => Promise<ItemOutcome[]>,
): Promise<ItemOutcome[]> {
  let seller: Seller;
  try {
    seller = await sellerFor(ctx);
  } catch (error) {
    return failAll(items, asError(error));
  }
  return push(seller);
}

async function pushWrites(
  api: AmApi,
  ctx: ChannelContext,
  operation: Operation,
  seller: Seller,
  writes: Write[],
): Promise<ItemOutcome[]> {
  if (writes.length <= api.patchMax) {
    return eachItem(writes, (write) => patchOne(api, ctx, operation, seller, write));
  }
  return (await pushFeed(api, ctx, operation, seller, writes)).outcomes;
}

/** One PATCH: ACCEPTED is queued at Amazon (pending); INVALID carries the reasons. */
export async function patchOne(
  api: AmApi,
  ctx: ChannelContext,
  operation: Operation,
  seller: Seller,
  write: Write,
): Promise<'applied' | 'pending'> {
  const body: ListingsItemPatchRequest = { productType: seller.productType, patches: write.patches };
  const answer = await api.json(
    ctx,
    {
      sp: 'listings.patch',
      operation,
      method: 'PATCH',
      path: itemPath(seller, write.sku),
      query: { marketplaceIds: seller.marketplaceId },
      json: body,
    },
    'patchListingsItem',
  );
  const accepted: ListingsItemSubmissionResponse['status'] = 'ACCEPTED';
  if (answer.status === accepted) return 'pending';
  throw (
    issuesError(readIssues(answer.issues)) ??
    amChannelError(
      FailureClass.permanent,
      'amazon.invalid',
      `Amazon answered ${String(answer.status)} without a reason for SKU ${write.sku}`,
    )
  );
}

/**
 * A large push: one feed, or several sent side by side when one document would pass Amazon's
 * size or message caps. Each message's id is its position in its own feed.
 */
async function pushFeed(
  api: AmApi,
  ctx: ChannelContext,
  operation: Operation,
  seller: Seller,
  writes: Write[],
  withItems = false,
): Promise<FeedResult> {
  const documents = splitDocuments(writes, api.feedCaps);
  const parts = await Promise.all(
    documents.map((part) => feedOf(api, ctx, operation, seller, part, withItems)),
  );
  const items = new Map<string, Json>();
  for (const part of parts) for (const [sku, item] of part.items) items.set(sku, item);
  return { outcomes: parts.flatMap((part) => part.outcomes), items };
}

interface FeedResult {
  outcomes: ItemOutcome[];
  /** The listings after processing, by SKU, when asked (`withItems`). */
  items: Map<string, Json>;
}

async function feedOf(
  api: AmApi,
  ctx: ChannelContext,
  operation: Operation,
  seller: Seller,
  writes: Write[],
  withItems: boolean,
): Promise<FeedResult> {
  const messages: FeedMessage[] = writes.map((write, index) => ({
    messageId: index + 1,
    sku: write.sku,
    operationType: 'PATCH',
    productType: seller.productType,
    patches: write.patches,
  }));
  const none = new Map<string, Json>();
  let outcome: Awaited<ReturnType<typeof runFeed>>;
  try {
    outcome = await runFeed(api, ctx, operation, seller, messages, withItems);
  } catch (error) {
    return { outcomes: failAll(writes, asError(error)), items: none };
  }
  if (outcome.kind === 'failed') return { outcomes: failAll(writes, outcome.error), items: none };
  if (outcome.kind === 'unconfirmed') {
    const pending = writes.map(
      (write): ItemOutcome => ({ listingId: write.listingId, ok: true, applied: 'pending' }),
    );
    return { outcomes: pending, items: none };
  }
  const outcomes = writes.map((write, index): ItemOutcome => {
    const refused = issuesError(outcome.issues.get(index + 1) ?? []);
    if (refused !== undefined) return { listingId: write.listingId, ok: false, error: refused };
    return { listingId: write.listingId, ok: true, applied: 'applied' };
  });
  return { outcomes, items: outcome.items };
}

// A message's wrapper beside its patches (ids, SKU, productType, JSON punctuation), generously.
const MESSAGE_OVERHEAD_BYTES = 200;

/** Writes in runs that fit one feed: at most `maxMessages`, and a document under `maxBytes`. */
export function splitDocuments(writes: Write[], caps: { maxMessages: number; maxBytes: number }): Write[][] {
  const parts: Write[][] = [];
  let current: Write[] = [];
  let bytes = 0;
  for (const write of writes) {
    const size =
      Buffer.byteLength(JSON.stringify(write.patches)) +
      Buffer.byteLength(write.sku) +
      MESSAGE_OVERHEAD_BYTES;
    if (current.length > 0 && (current.length >= caps.maxMessages || bytes + size > caps.maxBytes)) {
      parts.push(current);
      current = [];
      bytes = 0;
    }
    current.push(write);
    bytes += size;
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

function failAll(items: readonly { listingId: number }[], error: ChannelError): ItemOutcome[] {
  return items.map((item) => ({ listingId: item.listingId, ok: false, error }));
}

function asError(error: unknown): ChannelError {
  if (isChannelError(error)) return error;
  return amChannelError(
    FailureClass.transient,
    'unexpected',
    error instanceof Error ? error.message : String(error),
  );
}
