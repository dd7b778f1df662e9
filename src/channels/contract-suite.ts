/**
 * The contract every adapter keeps, written once and run over each marketplace's harness
 * (src/channels/contract.test.ts): stock and price reach the listing and read back, a listing is
 * found by its SKU, the connection names its seller, and under faults (5xx, 429 with and without
 * Retry-After, timeouts, latency, an aborted run) the calls stay bounded and every failure is
 * classified as the engine needs it. Each marketplace's own behaviour stays in its own tests.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { ChannelAdapter, ChannelContext, ItemOutcome, ListingRef, StockUpdate } from './adapter.ts';
import type { ChannelError } from './errors.ts';
import { fastRetry } from './testing.ts';

/** What the suite needs from one marketplace's test setup. */
export interface ContractHarness {
  readonly name: string;
  readonly adapter: ChannelAdapter;
  /** The seller id testConnection must answer. */
  readonly sellerId: string;
  /** Simulator operation names: the stock write, and a read readListing makes. */
  readonly ops: { readonly stock: string; readonly read: string };
  readonly expect: {
    /** What a write accepted now shows: applied at once, or accepted and applied later. */
    readonly applied: 'applied' | 'pending';
    /** The listing's status as readListing reports an active one. */
    readonly status: string;
    /** The server error the fault injects (its HTTP status) and how Cais reports it. */
    readonly serverError: { readonly status: number; readonly code: string; readonly message: string };
    /** A rate limit as this marketplace answers it (HTTP status: Shopee's is a 200 envelope). */
    readonly rateLimited: { readonly status: number; readonly code: string; readonly message: string };
  };
  /** Back to a fresh simulator with writes applied at once. */
  reset(): Promise<void>;
  connect(options?: { timeoutMs?: number }): Promise<ChannelContext>;
  /** A simple listing (no variations) showing `qty` units at `price` reais; answers its address. */
  listing(sku: string, qty: number, price: number): Promise<ListingRef>;
  /** Stock and price (reais) the listing shows once every accepted write is applied. */
  shown(ref: ListingRef): Promise<{ stock: number; price: number }>;
  fault(operation: string, rule: Record<string, number>): Promise<void>;
  /** Calls the simulator received for a fault rule set with `count`. */
  faultCalls(operation: string, count: number): Promise<number>;
  retryAfter(on: boolean): Promise<void>;
  /** Throws unless every request the simulator received fits the marketplace's definition. */
  assertConformant(): Promise<void>;
  close(): Promise<void>;
}

// Fault rules cover the next `count` calls; the count left over says how many calls came.
const MANY = 50;

function failure(outcome: ItemOutcome | undefined): ChannelError {
  assert.ok(outcome !== undefined && !outcome.ok, `expected a failure, got ${JSON.stringify(outcome)}`);
  return outcome.error;
}

function update(ref: ListingRef, qty: number): StockUpdate {
  return { ...ref, listingId: 1, qty };
}

/** Registers the contract and fault cases for one marketplace. */
export function contractSuite(open: () => Promise<ContractHarness>): void {
  let h: ContractHarness;
  let ref: ListingRef;
  before(async () => {
    h = await open();
  });
  after(async () => {
    await h.assertConformant();
    await h.close();
  });
  beforeEach(async () => {
    await h.reset();
    ref = await h.listing('A', 1, 10);
  });

  describe('the adapter contract', () => {
    test('stock and price reach the listing, and read back', async () => {
      const ctx = await h.connect();
      const applied = { listingId: 1, ok: true, applied: h.expect.applied };
      assert.deepEqual(await h.adapter.pushStock(ctx, [update(ref, 8)]), [applied]);
      const price = { ...ref, listingId: 1, price: 12.9, promotionalPrice: null };
      assert.deepEqual(await h.adapter.pushPrice(ctx, [price]), [applied]);
      assert.deepEqual(await h.shown(ref), { stock: 8, price: 12.9 });
      assert.deepEqual(await h.adapter.readListing(ctx, ref), {
        qty: 8,
        price: 12.9,
        promotionalPrice: null,
        status: h.expect.status,
      });
    });

    test('a listing is found by its SKU; an unknown SKU is undefined', async () => {
      const ctx = await h.connect();
      assert.deepEqual(await h.adapter.findBySku(ctx, 'A'), ref);
      assert.equal(await h.adapter.findBySku(ctx, 'NOT-THERE'), undefined);
    });

    test('testConnection names the seller', async () => {
      const ctx = await h.connect();
      assert.equal((await h.adapter.testConnection(ctx)).sellerId, h.sellerId);
    });
  });

  describe('under faults', () => {
    test('a server error is retried a bounded number of times, then reported as transient', async () => {
      const ctx = await h.connect();
      const { status, code, message } = h.expect.serverError;
      await h.fault(h.ops.stock, { error_rate: 1, error_status: status, count: MANY });
      const error = failure((await h.adapter.pushStock(ctx, [update(ref, 5)]))[0]);
      assert.deepEqual(
        [error.failure, error.code, error.httpStatus, error.marketplaceMessage],
        ['transient', code, status, message],
      );
      assert.equal(await h.faultCalls(h.ops.stock, MANY), fastRetry.attempts, 'no spinning');
      assert.equal((await h.shown(ref)).stock, 1, 'nothing changed');
    });

    test('a server error that clears within the attempts is invisible to the caller', async () => {
      const ctx = await h.connect();
      await h.fault(h.ops.stock, { error_rate: 1, count: 2 });
      const [outcome] = await h.adapter.pushStock(ctx, [update(ref, 5)]);
      assert.deepEqual(outcome, { listingId: 1, ok: true, applied: h.expect.applied });
      assert.equal((await h.shown(ref)).stock, 5);
    });

    test('a rate limit without Retry-After backs off and succeeds', async () => {
      const ctx = await h.connect();
      await h.fault(h.ops.stock, { rate_limit_rate: 1, count: 2 });
      assert.equal((await h.adapter.pushStock(ctx, [update(ref, 5)]))[0]?.ok, true);
      assert.equal((await h.shown(ref)).stock, 5);
    });

    test('a rate limit with Retry-After waits at least that long before the next call', async () => {
      await h.retryAfter(true);
      const ctx = await h.connect();
      await h.fault(h.ops.stock, { rate_limit_rate: 1, count: 1 });
      const started = Date.now();
      assert.equal((await h.adapter.pushStock(ctx, [update(ref, 5)]))[0]?.ok, true);
      // The simulator asks for 1 s; the test policy's own backoff is at most 20 ms.
      assert.ok(Date.now() - started >= 950, `waited ${Date.now() - started} ms`);
    });

    test('a rate-limit storm ends in a rate_limited error after the bounded attempts', async () => {
      const ctx = await h.connect();
      const { status, code, message } = h.expect.rateLimited;
      await h.fault(h.ops.stock, { rate_limit_rate: 1, count: MANY });
      const error = failure((await h.adapter.pushStock(ctx, [update(ref, 5)]))[0]);
      assert.deepEqual(
        [error.failure, error.code, error.httpStatus, error.marketplaceMessage],
        ['rate_limited', code, status, message],
      );
      assert.equal(error.retryAfterMs, undefined, 'none of the four documents Retry-After');
      assert.equal(await h.faultCalls(h.ops.stock, MANY), fastRetry.attempts);
    });

    test('with Retry-After on, a storm’s error tells the engine how long to wait', async () => {
      await h.retryAfter(true);
      const ctx = await h.connect();
      await h.fault(h.ops.stock, { rate_limit_rate: 1, count: MANY });
      const slow = { ...ctx, retry: { ...fastRetry, attempts: 1 } };
      const error = failure((await h.adapter.pushStock(slow, [update(ref, 5)]))[0]);
      assert.deepEqual([error.failure, error.retryAfterMs], ['rate_limited', 1000]);
    });

    test('a marketplace that never answers times out, a bounded number of times', async () => {
      const ctx = await h.connect({ timeoutMs: 150 });
      await h.fault(h.ops.stock, { timeout_rate: 1, count: MANY });
      const error = failure((await h.adapter.pushStock(ctx, [update(ref, 5)]))[0]);
      assert.deepEqual([error.failure, error.code], ['transient', 'timeout']);
      assert.equal(await h.faultCalls(h.ops.stock, MANY), fastRetry.attempts);
    });

    test('latency under the timeout is only latency', async () => {
      const ctx = await h.connect({ timeoutMs: 1_000 });
      await h.fault(h.ops.stock, { latency_ms: 100, count: 1 });
      assert.equal((await h.adapter.pushStock(ctx, [update(ref, 5)]))[0]?.ok, true);
      assert.equal((await h.shown(ref)).stock, 5);
    });

    test('a flaky read still reads back', async () => {
      const ctx = await h.connect();
      await h.fault(h.ops.read, { error_rate: 1, count: 1 });
      const read = await h.adapter.readListing(ctx, ref);
      assert.deepEqual(read, { qty: 1, price: 10, promotionalPrice: null, status: h.expect.status });
    });

    test('an aborted run stops waiting and retrying at once', async () => {
      const controller = new AbortController();
      // The run is cancelled while the first retry waits (a long one: 2 s).
      const retry = { attempts: 5, baseMs: 2_000, maxMs: 2_000, onRetry: () => controller.abort() };
      const ctx = { ...(await h.connect()), signal: controller.signal, retry };
      await h.fault(h.ops.stock, { error_rate: 1, count: MANY });
      const started = Date.now();
      const error = failure((await h.adapter.pushStock(ctx, [update(ref, 5)]))[0]);
      assert.equal(error.failure, 'transient');
      assert.equal(await h.faultCalls(h.ops.stock, MANY), 1, 'no second attempt');
      // A bound, not a measure: the 2 s wait was cut short rather than sat out.
      assert.ok(Date.now() - started < 1_500, `stopped after ${Date.now() - started} ms`);
    });
  });
}
