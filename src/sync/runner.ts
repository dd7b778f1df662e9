/**
 * A stock or price run: deliver what one (connection, resource) owes, as a body over the run
 * lifecycle (lifecycle.ts: lease, keep-alive, abort, fencing, outcome). It reads
 * pending listings in id order in batches, delivers each batch, records every outcome, and passes
 * over the pending set again until it is empty (changes that arrive during the run are included),
 * until its time is up. Stopping anywhere loses nothing: the listings' state says what is owed.
 */
import type { ChannelAdapter, ChannelContext } from '../channels/adapter.ts';
import type { ChannelError } from '../channels/errors.ts';
import { FailureClass } from '../channels/errors.ts';
import { adapterFor } from '../channels/registry.ts';
import { type RetryPolicy, retryWaitMs } from '../channels/retry.ts';
import type { Cipher } from '../connections/cipher.ts';
import { channelContext } from '../connections/connections.ts';
import { type ConnectionRow, findConnectionById } from '../connections/queries.ts';
import type { Db } from '../db/db.ts';
import type { Rules } from '../rules/rules.ts';
import { hasOpenListingErrors, recordListingErrors, resolveListingErrors } from '../sync-errors/listings.ts';
import { confirmDelivered, MAX_CONFIRMATIONS, type Unconfirmed } from './confirm.ts';
import { type BatchOutcome, deliverBatch, noReservations, type Reservations } from './deliver.ts';
import { DEFAULT_LEASE_MS } from './lease.ts';
import { type LifecycleDeps, type RunAttempt, withRun } from './lifecycle.ts';
import {
  deferRetry,
  markDelivered,
  type PendingItem,
  pendingItems,
  type SyncResource,
  settleRejected,
} from './queries.ts';
import type { RunCounts, RunStatus, Trigger } from './runs.ts';

export interface RunnerDeps extends LifecycleDeps {
  db: Db;
  cipher: Cipher;
  /** pg-boss's `job.signal` (or a shutdown signal): the run stops when it aborts. */
  signal?: AbortSignal | undefined;
  reservations?: ((db: Db, productIds: number[]) => Promise<Reservations>) | undefined;
  limits?: Partial<RunLimits> | undefined;
  /** Retries within one marketplace call (the adapter's own policy when absent). */
  retry?: RetryPolicy | undefined;
  /**
   * Whether runs of other pairs are queued, ready, waiting for a worker slot (the worker asks
   * pg-boss): a lingering continuous run then ends and a long run hands over to a continuation
   * at the back of the queue, so no seller's run holds a slot while others wait.
   */
  othersWaiting?: (() => Promise<boolean>) | undefined;
}

export interface RunLimits {
  batchSize: number;
  /** A run hands over after this long; a continuation picks up what is left. */
  maxRunMs: number;
  /** A continuous run waits this long for new changes before it ends (at once when others wait). */
  lingerMs: number;
  /** A run that has run this long hands over to a continuation when other runs wait. */
  shareAfterMs: number;
  pollMs: number;
  /** Retry waits for a listing that failed transiently: base and cap. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** How long the run's lease lasts between renewals (a crashed run is taken over after it). */
  leaseMs: number;
  /** After a run, writes the marketplace accepted to apply later are read back after this long. */
  confirmAfterMs: number;
}

export const defaultLimits: RunLimits = {
  batchSize: 500,
  maxRunMs: 120_000,
  lingerMs: 20_000,
  shareAfterMs: 10_000,
  pollMs: 100,
  retryBaseMs: 5_000,
  retryMaxMs: 15 * 60_000,
  leaseMs: DEFAULT_LEASE_MS,
  confirmAfterMs: 2_000,
};

export interface RunJob {
  connectionId: number;
  resource: SyncResource;
  trigger: Trigger;
  scheduleId?: number | undefined;
  /** Only these products (a manual sync of one SKU). */
  productIds?: number[] | undefined;
}

export interface RunResult {
  runId: number | undefined;
  status: RunStatus | 'busy';
  counts: RunCounts;
  /** Pending listings remain (time ran out, or other runs waited): the caller queues a continuation. */
  more: boolean;
  /**
   * Per listing, only for a run of chosen products (a manual sync answers with them); any other
   * run keeps counts (and its first failures), or a 1,000,000-listing resync would hold every id
   * and SKU in memory.
   */
  delivered: { listingId: number; sku: string }[];
  failures: { listingId: number; sku: string; error: ChannelError }[];
}

/** How often a run asks whether others wait for its slot. */
const WAITING_CHECK_MS = 1_000;
/** Batches sending at once within one run (see Run.#startBatch). */
const PIPELINE = 2;
/** Batches that have sent and are recording their outcomes, at most, besides those. */
const RECORDING = 2;
/** Failures a run of the whole connection keeps in its result (the run row keeps 50). */
const MAX_FAILURES_KEPT = 20;
/** The most listings read into memory at once, whatever a marketplace's batch size. */
const MAX_BATCH = 25_000;

const emptyCounts = (): RunCounts => ({ considered: 0, sent: 0, confirmed: 0, failed: 0 });

export async function runSync(deps: RunnerDeps, job: RunJob): Promise<RunResult> {
  const limits = { ...defaultLimits, ...deps.limits };
  const result: RunResult = {
    runId: undefined,
    status: 'skipped',
    counts: emptyCounts(),
    more: false,
    delivered: [],
    failures: [],
  };
  const attempted = await withRun(deps, { ...job, leaseMs: limits.leaseMs, signal: deps.signal }, (attempt) =>
    new Run(deps, limits, attempt, job, result).execute(),
  );
  result.runId = attempted.runId;
  result.status = attempted.status === 'missing' ? 'skipped' : attempted.status;
  if (attempted.status !== 'missing' && attempted.status !== 'busy') result.counts = attempted.run.counts;
  return result;
}

class Run {
  readonly #deps: RunnerDeps;
  readonly #limits: RunLimits;
  readonly #run: RunAttempt;
  readonly #job: RunJob;
  readonly #result: RunResult;
  readonly #adapter: ChannelAdapter;
  readonly #startedAt = Date.now();
  #mayHaveOpenErrors = true;
  /** Batches not yet recorded (sending or recording), and of those the ones still sending. */
  readonly #inFlight = new Set<Promise<void>>();
  readonly #sending = new Set<Promise<void>>();
  /** Settles once the last batch refused for its authorisation is recorded (see #startBatch). */
  #authDecision: Promise<void> = Promise.resolve();
  readonly #unconfirmed: Unconfirmed[] = [];
  #paused = false;
  #failure: unknown;
  #waitingCheckedAt = 0;

  constructor(deps: RunnerDeps, limits: RunLimits, run: RunAttempt, job: RunJob, result: RunResult) {
    this.#deps = deps;
    this.#limits = limits;
    this.#run = run;
    this.#job = job;
    this.#result = result;
    result.counts = run.counts;
    this.#adapter = adapterFor(run.connection.channel);
  }

  get #connection(): ConnectionRow {
    return this.#run.connection;
  }

  get #stopping(): boolean {
    return this.#paused || this.#failure !== undefined || this.#run.stopped;
  }

  async execute(): Promise<RunStatus> {
    // Marketplaces that take big batches (an Amazon feed holds 25,000) get them whole.
    const capacity =
      this.#job.resource === 'stock'
        ? this.#adapter.capabilities.stockBatchSize
        : this.#adapter.capabilities.priceBatchSize;
    const batchSize = Math.min(MAX_BATCH, Math.max(this.#limits.batchSize, capacity));
    this.#mayHaveOpenErrors = await hasOpenListingErrors(
      this.#deps.db,
      this.#connection.id,
      this.#job.resource,
    );
    let lastCtx: ChannelContext | undefined;
    try {
      lastCtx = await this.#deliverAll(batchSize);
    } catch (error) {
      // A read that failed ends the run, but not before the batches in flight are recorded.
      this.#failure ??= error;
    }
    await this.#drain();
    if (this.#failure) throw this.#failure;
    if (this.#paused) return 'paused';
    if (this.#run.stopped) return 'interrupted';
    if (lastCtx) await this.#confirm(lastCtx);
    const { failed, sent } = this.#result.counts;
    if (failed === 0) return 'succeeded';
    return sent > 0 ? 'partial' : 'failed';
  }

  /** Reads and delivers batches until nothing is owed, time is up, or the run stops. */
  async #deliverAll(batchSize: number): Promise<ChannelContext | undefined> {
    let afterId = 0;
    let idleSince: number | undefined;
    let lastCtx: ChannelContext | undefined;
    for (;;) {
      if (this.#stopping) break;
      if (Date.now() - this.#startedAt > this.#limits.maxRunMs) {
        this.#result.more = true;
        this.#run.note = 'handed over to a continuation run (time limit)';
        break;
      }
      if (Date.now() - this.#startedAt > this.#limits.shareAfterMs && (await this.#othersWait())) {
        this.#result.more = true;
        this.#run.note = 'handed over to a continuation run (other runs were waiting)';
        break;
      }
      const items = await pendingItems(
        this.#deps.db,
        this.#job.resource,
        this.#connection.id,
        afterId,
        batchSize,
        this.#job.productIds,
      );
      if (items.length === 0) {
        // Batches still in flight must be recorded before the pending set is read again.
        await this.#drain();
        if (this.#stopping) break;
        if (afterId > 0) {
          afterId = 0; // changes may have landed behind the cursor: one more pass from the start
          continue;
        }
        if (this.#job.trigger !== 'continuous') break;
        idleSince ??= Date.now();
        if (Date.now() - idleSince > this.#limits.lingerMs) break;
        // Nothing owed: lingering would keep a slot another run is waiting for; the scheduler
        // starts this pair again when it owes a send.
        if (await this.#othersWait()) break;
        await sleep(this.#limits.pollMs);
        continue;
      }
      idleSince = undefined;
      afterId = items.at(-1)!.listing_id;
      const ctx = await this.#startBatch(items);
      lastCtx = ctx ?? lastCtx;
    }
    return lastCtx;
  }

  /**
   * The connection as it is now, read after the batch's listings: its rules, status and settings
   * are then at least as new as the versions the listings were read at. A rule saved since moved
   * the listings' seq on (in the same transaction), so what is computed here from older inputs is
   * never recorded as the latest: the listing stays owed and goes again with the new rule.
   */
  async #currentConnection(): Promise<ConnectionRow | undefined> {
    const now = await findConnectionById(this.#deps.db, this.#connection.id);
    if (now?.status === 'active') return now;
    this.#run.note = `stopped: the connection is ${now?.status ?? 'gone'}`;
    this.#paused = true;
    return undefined;
  }

  /**
   * Starts delivering a batch once fewer than PIPELINE are sending, and answers without waiting
   * for it: batches hold distinct listings, so several may be in flight. The next batch's reads
   * (its listings, the connection, the reservations) are made while these send, and a batch that
   * has sent records its outcomes while the next one sends, so the marketplace never waits for
   * Cais's database round trips (they were a quarter of a run's time when each batch read before
   * and recorded after its calls, in its own turn).
   */
  async #startBatch(items: PendingItem[]): Promise<ChannelContext | undefined> {
    const connection = await this.#currentConnection();
    if (!connection) return undefined;
    const ctx = channelContext(this.#deps, connection, this.#run.signal);
    const rules = (connection.rules ?? {}) as Rules;
    const reservations = this.#deps.reservations
      ? await this.#deps.reservations(
          this.#deps.db,
          items.map((i) => i.product_id),
        )
      : noReservations;
    while (this.#sending.size >= PIPELINE || this.#inFlight.size >= PIPELINE + RECORDING) {
      await Promise.race(this.#sending.size >= PIPELINE ? this.#sending : this.#inFlight);
    }
    // A batch the marketplace refused for its authorisation may pause the run: no batch starts
    // before that is decided, as none did when each batch recorded in its own turn.
    await this.#authDecision;
    // What was read stays owed if the run stopped meanwhile: nothing of it was sent.
    if (this.#stopping) return undefined;
    const sent = deliverBatch(
      { adapter: this.#adapter, ctx, resource: this.#job.resource, rules, reservations, now: new Date() },
      items,
    );
    const sending = settled(sent);
    this.#sending.add(sending);
    void sending.finally(() => this.#sending.delete(sending));
    const work = (async () => {
      const outcome = await sent;
      // A run stopped mid-batch records nothing: its answers may be older than the next holder's.
      if (this.#run.stopped) return;
      const recorded = this.#record(items, outcome);
      if (outcome.failed.some((f) => f.error.failure === FailureClass.auth)) {
        this.#authDecision = settled(recorded);
      }
      if (await recorded) this.#paused = true;
    })().catch((error: unknown) => {
      this.#failure ??= error;
    });
    const tracked = work.finally(() => this.#inFlight.delete(tracked));
    this.#inFlight.add(tracked);
    return ctx;
  }

  /** Reads back what the marketplace accepted to apply later (see confirm.ts). */
  async #confirm(ctx: ChannelContext): Promise<void> {
    if (this.#unconfirmed.length === 0 || !this.#adapter.capabilities.readBack) return;
    await new Promise((resolve) => setTimeout(resolve, this.#limits.confirmAfterMs));
    const result = await confirmDelivered(
      this.#deps.db,
      this.#adapter,
      ctx,
      this.#job.resource,
      this.#unconfirmed,
    );
    this.#result.counts.confirmed += result.confirmed;
    if (result.drifted > 0) {
      this.#run.note = `${result.drifted} listing(s) did not show the value sent after it was accepted; sent again next run`;
    }
  }

  /**
   * Asks at most once a second whether other runs wait for a slot; false without a queue, and
   * false when the queue cannot be read (the run goes on as it would have: sharing is a courtesy).
   */
  async #othersWait(): Promise<boolean> {
    const ask = this.#deps.othersWaiting;
    if (!ask || Date.now() - this.#waitingCheckedAt < WAITING_CHECK_MS) return false;
    this.#waitingCheckedAt = Date.now();
    return ask().catch(() => false);
  }

  async #drain(): Promise<void> {
    await Promise.all(this.#inFlight);
  }

  /** Records a batch's outcomes; true when the connection's authorisation failed (run pauses). */
  async #record(items: PendingItem[], outcome: BatchOutcome): Promise<boolean> {
    const db = this.#deps.db;
    const resource = this.#job.resource;
    const counts = this.#result.counts;
    counts.considered += items.length;
    const fence = this.#run.fence;
    await markDelivered(db, resource, outcome.delivered, fence);
    counts.sent += outcome.delivered.length;
    counts.confirmed += outcome.delivered.filter((d) => d.applied).length;
    const byListing = new Map(items.map((i) => [i.listing_id, i]));
    for (const d of outcome.delivered) {
      const item = byListing.get(d.listingId);
      if (d.applied || !item?.external_id || this.#unconfirmed.length >= MAX_CONFIRMATIONS) continue;
      this.#unconfirmed.push({
        ...d,
        previous: this.#job.resource === 'stock' ? item.prev_qty : item.prev_price,
        ref: {
          externalId: item.external_id,
          externalVariationId: item.external_variation_id ?? undefined,
          sku: item.sku,
        },
      });
    }
    if (this.#job.productIds) {
      const skus = new Map(items.map((i) => [i.listing_id, i.sku]));
      for (const d of outcome.delivered)
        this.#result.delivered.push({ listingId: d.listingId, sku: skus.get(d.listingId) ?? '' });
    }
    // Resolving costs an index probe per listing: skipped while the connection has no open error.
    if (this.#mayHaveOpenErrors) {
      await resolveListingErrors(
        db,
        resource,
        outcome.delivered.map((d) => d.listingId),
      );
    }

    const auth = outcome.failed.find((f) => f.error.failure === FailureClass.auth);
    if (auth && (await this.#run.pauseForAuth(auth.error))) return true;
    // Refused with credentials the seller has since replaced: sent again shortly, not an error.
    const stale = outcome.failed.filter((f) => f.error.failure === FailureClass.auth);
    await deferRetry(
      db,
      resource,
      fence,
      stale.map((f) => ({ listingId: f.item.listing_id, waitMs: 1_000 })),
    );
    const failures = [
      ...outcome.failed.filter((f) => f.error.failure !== FailureClass.auth),
      ...outcome.skipped,
    ];
    counts.failed += failures.length;
    if (failures.length > 0) this.#mayHaveOpenErrors = true;
    for (const f of failures) {
      if (!this.#job.productIds && this.#result.failures.length >= MAX_FAILURES_KEPT) break;
      this.#result.failures.push({ listingId: f.item.listing_id, sku: f.item.sku, error: f.error });
    }
    this.#run.addFailures(
      failures.map((f) => ({ sku: f.item.sku, code: f.error.code, message: f.error.marketplaceMessage })),
    );
    await recordListingErrors(
      db,
      { accountId: this.#connection.account_id, connectionId: this.#connection.id, resource },
      failures.map((f) => ({ listingId: f.item.listing_id, productId: f.item.product_id, error: f.error })),
    );
    const retryable = failures.filter((f) => f.error.retryable);
    await deferRetry(
      db,
      resource,
      fence,
      retryable.map((f) => ({
        listingId: f.item.listing_id,
        waitMs: this.#retryWait(f.item.attempts, f.error),
      })),
    );
    await settleRejected(
      db,
      resource,
      fence,
      failures
        .filter((f) => !f.error.retryable)
        .map((f) => ({ listingId: f.item.listing_id, seq: f.item.seq })),
    );
    return false;
  }

  #retryWait(attempts: number, error: ChannelError): number {
    const { retryBaseMs, retryMaxMs } = this.#limits;
    return retryWaitMs(
      attempts + 1,
      { baseMs: retryBaseMs, maxMs: retryMaxMs, minMs: retryBaseMs },
      error.retryAfterMs,
    );
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Settles when `work` does, whichever way: for waiting on it without handling its error twice. */
function settled(work: Promise<unknown>): Promise<void> {
  return work.then(
    () => {},
    () => {},
  );
}
