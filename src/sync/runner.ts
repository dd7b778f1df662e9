/**
 * A run: deliver what one (connection, resource) owes. It holds the lease for that pair, reads
 * pending listings in id order in batches, delivers each batch, records every outcome, and passes
 * over the pending set again until it is empty (changes that arrive during the run are included),
 * until its time is up. Stopping anywhere loses nothing: the listings' state says what is owed.
 */
import type { ChannelAdapter, ChannelContext } from '../channels/adapter.ts';
import type { ChannelError } from '../channels/errors.ts';
import { FailureClass } from '../channels/errors.ts';
import { adapterFor } from '../channels/registry.ts';
import { backoffMs, type RetryPolicy } from '../channels/retry.ts';
import type { Cipher } from '../connections/cipher.ts';
import { channelContext } from '../connections/connections.ts';
import { markAuthFailed } from '../connections/credential-store.ts';
import { type ConnectionRow, findConnectionById } from '../connections/queries.ts';
import type { Db } from '../db/db.ts';
import { confirmDelivered, MAX_CONFIRMATIONS, type Unconfirmed } from './confirm.ts';
import { type BatchOutcome, deliverBatch, noReservations, type Reservations } from './deliver.ts';
import { acquireLease, DEFAULT_LEASE_MS, processHolder, releaseLease, renewLease } from './lease.ts';
import {
  deferRetry,
  markDelivered,
  type PendingItem,
  pendingItems,
  type SyncResource,
  settleRejected,
} from './queries.ts';
import type { Rules } from './rules.ts';
import { finishRun, type RunCounts, type RunStatus, recordProgress, startRun, type Trigger } from './runs.ts';
import {
  hasOpenListingErrors,
  recordConnectionError,
  recordListingErrors,
  resolveListingErrors,
} from './sync-errors.ts';

export interface RunnerDeps {
  db: Db;
  cipher: Cipher;
  holder?: string | undefined;
  reservations?: ((db: Db, productIds: number[]) => Promise<Reservations>) | undefined;
  limits?: Partial<RunLimits> | undefined;
  /** Retries within one marketplace call (the adapter's own policy when absent). */
  retry?: RetryPolicy | undefined;
}

export interface RunLimits {
  batchSize: number;
  /** A run hands over after this long; a continuation picks up what is left. */
  maxRunMs: number;
  /** A continuous run waits this long for new changes before it ends. */
  lingerMs: number;
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
  /** Pending listings remain (time ran out): the caller should queue a continuation. */
  more: boolean;
  delivered: { listingId: number; sku: string }[];
  failures: { listingId: number; sku: string; error: ChannelError }[];
}

/** Batches delivered at once within one run (see Run.#startBatch). */
const PIPELINE = 2;
/** The most listings read into memory at once, whatever a marketplace's batch size. */
const MAX_BATCH = 25_000;

const emptyCounts = (): RunCounts => ({ considered: 0, sent: 0, confirmed: 0, failed: 0 });

export async function runSync(deps: RunnerDeps, job: RunJob): Promise<RunResult> {
  const limits = { ...defaultLimits, ...deps.limits };
  const holder = deps.holder ?? processHolder;
  const connection = await findConnectionById(deps.db, job.connectionId);
  const result: RunResult = {
    runId: undefined,
    status: 'skipped',
    counts: emptyCounts(),
    more: false,
    delivered: [],
    failures: [],
  };
  if (!connection) return result;
  const target = { connectionId: job.connectionId, resource: job.resource };
  if (!(await acquireLease(deps.db, target, holder, limits.leaseMs))) return { ...result, status: 'busy' };
  try {
    result.runId = await startRun(deps.db, {
      accountId: connection.account_id,
      connectionId: connection.id,
      resource: job.resource,
      trigger: job.trigger,
      scheduleId: job.scheduleId,
    });
    if (connection.status !== 'active') {
      await finishRun(deps.db, result.runId, 'skipped', result.counts, `connection is ${connection.status}`);
      return result;
    }
    const run = new Run(deps, limits, holder, connection, job, result);
    result.status = await run.execute();
    await finishRun(deps.db, result.runId, result.status, result.counts, run.note);
    return result;
  } finally {
    await releaseLease(deps.db, target, holder);
  }
}

class Run {
  note: string | undefined;
  readonly #deps: RunnerDeps;
  readonly #limits: RunLimits;
  readonly #holder: string;
  readonly #connection: ConnectionRow;
  readonly #job: RunJob;
  readonly #result: RunResult;
  readonly #adapter: ChannelAdapter;
  readonly #startedAt = Date.now();
  #lastBeat = Date.now();
  #beating = false;
  #newFailures: { sku: string; code: string; message: string }[] = [];
  #mayHaveOpenErrors = true;
  readonly #inFlight = new Set<Promise<void>>();
  readonly #unconfirmed: Unconfirmed[] = [];
  #stopped: RunStatus | undefined;
  #failure: unknown;

  constructor(
    deps: RunnerDeps,
    limits: RunLimits,
    holder: string,
    connection: ConnectionRow,
    job: RunJob,
    result: RunResult,
  ) {
    this.#deps = deps;
    this.#limits = limits;
    this.#holder = holder;
    this.#connection = connection;
    this.#job = job;
    this.#result = result;
    this.#adapter = adapterFor(connection.channel);
  }

  async execute(): Promise<RunStatus> {
    // The lease is also renewed on a timer: one marketplace call may outlast it (an Amazon feed is
    // awaited for minutes), and a lease lost mid-call would let another worker start the same pair.
    const keepAlive = setInterval(
      () =>
        void this.#heartbeat().then(
          (held) => {
            if (!held) this.#loseLease();
          },
          () => {},
        ),
      Math.max(500, this.#limits.leaseMs / 3),
    );
    try {
      return await this.#execute();
    } finally {
      clearInterval(keepAlive);
    }
  }

  #loseLease(): void {
    this.note = 'lease lost to another worker';
    this.#stopped ??= 'interrupted';
  }

  async #execute(): Promise<RunStatus> {
    const ctx = channelContext(this.#deps, this.#connection);
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
    const rules = (this.#connection.rules ?? {}) as Rules;
    let afterId = 0;
    let idleSince: number | undefined;
    for (;;) {
      if (this.#stopped) break;
      if (Date.now() - this.#startedAt > this.#limits.maxRunMs) {
        this.#result.more = true;
        this.note = 'handed over to a continuation run (time limit)';
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
        if (this.#stopped) break;
        if (afterId > 0) {
          afterId = 0; // changes may have landed behind the cursor: one more pass from the start
          continue;
        }
        if (this.#job.trigger !== 'continuous') break;
        idleSince ??= Date.now();
        if (Date.now() - idleSince > this.#limits.lingerMs) break;
        await this.#heartbeat();
        await new Promise((resolve) => setTimeout(resolve, this.#limits.pollMs));
        continue;
      }
      idleSince = undefined;
      afterId = items.at(-1)!.listing_id;
      await this.#startBatch(ctx, rules, items);
      if (!(await this.#heartbeat())) this.#loseLease();
    }
    await this.#drain();
    if (this.#failure) throw this.#failure;
    if (this.#stopped) return this.#stopped;
    await this.#confirm(ctx);
    const { failed, sent } = this.#result.counts;
    if (failed === 0) return 'succeeded';
    return sent > 0 ? 'partial' : 'failed';
  }

  /**
   * Delivers a batch while the next one is read and sent: batches hold distinct listings, so up to
   * PIPELINE of them may be in flight; the marketplace never waits for Cais's database round trips.
   */
  async #startBatch(ctx: ChannelContext, rules: Rules, items: PendingItem[]): Promise<void> {
    const work = (async () => {
      const reservations = this.#deps.reservations
        ? await this.#deps.reservations(
            this.#deps.db,
            items.map((i) => i.product_id),
          )
        : noReservations;
      const outcome = await deliverBatch(
        { adapter: this.#adapter, ctx, resource: this.#job.resource, rules, reservations, now: new Date() },
        items,
      );
      if (await this.#record(items, outcome)) this.#stopped = 'paused';
    })().catch((error: unknown) => {
      this.#failure ??= error;
      this.#stopped ??= 'failed';
    });
    const tracked = work.finally(() => this.#inFlight.delete(tracked));
    this.#inFlight.add(tracked);
    if (this.#inFlight.size >= PIPELINE) await Promise.race(this.#inFlight);
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
      this.note = `${result.drifted} listing(s) did not show the value sent after it was accepted; sent again next run`;
    }
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
    await markDelivered(db, resource, outcome.delivered);
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
    const skus = new Map(items.map((i) => [i.listing_id, i.sku]));
    for (const d of outcome.delivered)
      this.#result.delivered.push({ listingId: d.listingId, sku: skus.get(d.listingId) ?? '' });
    // Resolving costs an index probe per listing: skipped while the connection has no open error.
    if (this.#mayHaveOpenErrors) {
      await resolveListingErrors(
        db,
        resource,
        outcome.delivered.map((d) => d.listingId),
      );
    }

    const auth = outcome.failed.find((f) => f.error.failure === FailureClass.auth);
    if (auth && (await this.#pauseForAuth(auth.error))) return true;
    // Refused with credentials the seller has since replaced: sent again shortly, not an error.
    const stale = outcome.failed.filter((f) => f.error.failure === FailureClass.auth);
    await deferRetry(
      db,
      resource,
      stale.map((f) => ({ listingId: f.item.listing_id, waitMs: 1_000 })),
    );
    const failures = [
      ...outcome.failed.filter((f) => f.error.failure !== FailureClass.auth),
      ...outcome.skipped,
    ];
    counts.failed += failures.length;
    if (failures.length > 0) this.#mayHaveOpenErrors = true;
    for (const f of failures) {
      this.#result.failures.push({ listingId: f.item.listing_id, sku: f.item.sku, error: f.error });
      this.#newFailures.push({ sku: f.item.sku, code: f.error.code, message: f.error.marketplaceMessage });
    }
    await recordListingErrors(
      db,
      { accountId: this.#connection.account_id, connectionId: this.#connection.id, resource },
      failures.map((f) => ({ listingId: f.item.listing_id, productId: f.item.product_id, error: f.error })),
    );
    const retryable = failures.filter((f) => f.error.retryable);
    await deferRetry(
      db,
      resource,
      retryable.map((f) => ({
        listingId: f.item.listing_id,
        waitMs: this.#retryWait(f.item.attempts, f.error),
      })),
    );
    await settleRejected(
      db,
      resource,
      failures
        .filter((f) => !f.error.retryable)
        .map((f) => ({ listingId: f.item.listing_id, seq: f.item.seq })),
    );
    return false;
  }

  #retryWait(attempts: number, error: ChannelError): number {
    const backoff = Math.max(
      this.#limits.retryBaseMs,
      backoffMs(attempts + 1, { baseMs: this.#limits.retryBaseMs, maxMs: this.#limits.retryMaxMs }),
    );
    return Math.min(this.#limits.retryMaxMs, Math.max(error.retryAfterMs ?? 0, backoff));
  }

  /**
   * The adapter already tried a refresh, and the credential store marked the connection when the
   * marketplace refused it. If the connection is active anyway (the seller reconnected while this
   * run was sending), the items are simply retried; otherwise the run pauses with one error.
   */
  async #pauseForAuth(error: ChannelError): Promise<boolean> {
    const db = this.#deps.db;
    const current = await findConnectionById(db, this.#connection.id);
    if (current?.status === 'active' && current.secrets !== this.#connection.secrets) return false;
    await markAuthFailed(db, this.#connection.id, error.marketplaceMessage, current?.secrets ?? undefined);
    await recordConnectionError(
      db,
      { accountId: this.#connection.account_id, connectionId: this.#connection.id, resource: 'connection' },
      error,
    );
    this.note = `paused: the marketplace refused the connection's authorisation (${error.marketplaceMessage}); reconnect it`;
    return true;
  }

  /** Renews the lease and records progress, at most every second; false when the lease was lost. */
  async #heartbeat(): Promise<boolean> {
    if (Date.now() - this.#lastBeat < 1_000 || this.#beating) return true;
    this.#lastBeat = Date.now();
    this.#beating = true;
    try {
      return await this.#beat();
    } finally {
      this.#beating = false;
    }
  }

  async #beat(): Promise<boolean> {
    const target = { connectionId: this.#connection.id, resource: this.#job.resource };
    if (!(await renewLease(this.#deps.db, target, this.#holder, this.#limits.leaseMs))) return false;
    await recordProgress(this.#deps.db, this.#result.runId!, this.#result.counts, this.#newFailures);
    this.#newFailures = [];
    return true;
  }
}
