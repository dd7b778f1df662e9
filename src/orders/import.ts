/**
 * An `orders` run: import one connection's new and changed orders (DESIGN §4.1), as a body over
 * the run lifecycle (sync/lifecycle.ts): one import per connection at a time across workers, each
 * page's store fenced by the lease. It
 * first fetches the orders marketplaces notified, then reads the window since the cursor (minus
 * an overlap) page by page, storing each page and the position after it in one transaction.
 * No duplicate can arise: every store is an upsert by (connection, marketplace order id).
 */

import { setTimeout as sleep } from 'node:timers/promises';
import type { ChannelAdapter, ChannelContext, OrderPage } from '../channels/adapter.ts';
import { type ChannelError, FailureClass, isChannelError } from '../channels/errors.ts';
import { adapterFor } from '../channels/registry.ts';
import { type RetryPolicy, retryWaitMs } from '../channels/retry.ts';
import type { Cipher } from '../connections/cipher.ts';
import { channelContext } from '../connections/connections.ts';
import type { ConnectionRow } from '../connections/queries.ts';
import type { Db } from '../db/db.ts';
import { type LifecycleDeps, type RunAttempt, withRun } from '../sync/lifecycle.ts';
import type { RunStatus, Trigger } from '../sync/runs.ts';
import { completeImport, loadCursor, recordImportCounts, savePageProgress } from './cursor.ts';
import {
  clearNotifications,
  countFailedNotification,
  type InboxEntry,
  pendingNotifications,
} from './notifications.ts';
import { type NormalisedOrder, normaliseOrder } from './shape.ts';
import { type UpsertOutcome, upsertOrders } from './upsert.ts';

export interface ImportLimits {
  /** Subtracted from the cursor: absorbs clock skew and changes made while pages were read. */
  overlapMs: number;
  /** How far back the first import of a connection looks, from the connection's creation. */
  initialLookbackMs: number;
  /** An import hands over after this long; a continuation resumes at the saved page. */
  maxRunMs: number;
  /** Attempts at one page (on top of the adapter's own retries) before the run gives up. */
  pageAttempts: number;
  pageRetryBaseMs: number;
  pageRetryMaxMs: number;
  notificationBatch: number;
}

export const defaultImportLimits: ImportLimits = {
  overlapMs: 10 * 60_000,
  initialLookbackMs: 24 * 3_600_000,
  maxRunMs: 120_000,
  pageAttempts: 5,
  pageRetryBaseMs: 1_000,
  pageRetryMaxMs: 30_000,
  notificationBatch: 50,
};

export interface ImportDeps extends LifecycleDeps {
  db: Db;
  cipher: Cipher;
  /** pg-boss's `job.signal` (or a shutdown signal): the import stops when it aborts. */
  signal?: AbortSignal | undefined;
  leaseMs?: number | undefined;
  retry?: RetryPolicy | undefined;
  limits?: Partial<ImportLimits> | undefined;
}

export interface ImportJob {
  connectionId: number;
  trigger: Trigger;
  scheduleId?: number | undefined;
}

export interface ImportCounts extends UpsertOutcome {
  fetched: number;
  pages: number;
  notified: number;
  /** Orders the marketplace notified that could not be fetched (retried by later runs). */
  failed: number;
}

export interface ImportResult {
  runId: number | undefined;
  status: RunStatus | 'busy';
  counts: ImportCounts;
  /** Pages remain (time ran out): the caller should queue a continuation. */
  more: boolean;
  error?: ChannelError | undefined;
}

const emptyCounts = (): ImportCounts => ({
  fetched: 0,
  pages: 0,
  notified: 0,
  failed: 0,
  created: 0,
  updated: 0,
  statusChanged: 0,
  unchanged: 0,
  unknownSku: 0,
});

export async function runOrderImport(deps: ImportDeps, job: ImportJob): Promise<ImportResult> {
  const result: ImportResult = { runId: undefined, status: 'skipped', counts: emptyCounts(), more: false };
  const limits = { ...defaultImportLimits, ...deps.limits };
  const attempted = await withRun(
    deps,
    { ...job, resource: 'orders', leaseMs: deps.leaseMs, signal: deps.signal },
    async (run) => {
      const status = await new OrderImport(deps, limits, run, result).execute();
      const c = result.counts;
      const summary = `${c.fetched} fetched in ${c.pages} page(s), ${c.notified} notified: ${c.created} new, ${c.updated} updated (${c.statusChanged} status changes), ${c.unchanged} unchanged, ${c.failed} failed, ${c.unknownSku} with unknown SKUs`;
      run.note = run.note ? `${run.note}; ${summary}` : summary;
      Object.assign(run.counts, runCounts(c));
      await recordImportCounts(deps.db, run.runId, c);
      return status;
    },
  );
  result.runId = attempted.runId;
  result.status = attempted.status === 'missing' ? 'skipped' : attempted.status;
  return result;
}

/** sync_runs columns: considered = fetched, sent = stored (new or changed), confirmed = new. */
function runCounts(c: ImportCounts) {
  return {
    considered: c.fetched,
    sent: c.created + c.updated,
    confirmed: c.created,
    failed: c.failed + c.unknownSku,
  };
}

class OrderImport {
  readonly #deps: ImportDeps;
  readonly #limits: ImportLimits;
  readonly #run: RunAttempt;
  readonly #connection: ConnectionRow;
  readonly #adapter: ChannelAdapter;
  readonly #ctx: ChannelContext;
  readonly #result: ImportResult;
  readonly #startedAt = Date.now();

  constructor(deps: ImportDeps, limits: ImportLimits, run: RunAttempt, result: ImportResult) {
    this.#deps = deps;
    this.#limits = limits;
    this.#run = run;
    this.#connection = run.connection;
    this.#adapter = adapterFor(run.connection.channel);
    this.#ctx = channelContext(deps, run.connection, run.signal);
    this.#result = result;
  }

  async execute(): Promise<RunStatus> {
    try {
      await this.#fetchNotified();
      return await this.#importWindow();
    } catch (error) {
      if (!isChannelError(error)) throw error;
      this.#result.error = error;
      if (error.failure === FailureClass.auth) {
        if (await this.#run.pauseForAuth(error)) return 'paused';
        this.#run.note = 'the credentials were replaced during the import; the next run imports with them';
        return 'interrupted';
      }
      if (this.#run.stopped) throw error;
      this.#run.note = `stopped: ${error.marketplaceMessage}; the next run resumes after the last page stored`;
      return 'failed';
    }
  }

  async #fetchNotified(): Promise<void> {
    const db = this.#deps.db;
    for (;;) {
      const entries = await pendingNotifications(db, this.#connection.id, this.#limits.notificationBatch);
      if (entries.length === 0) return;
      const orders: NormalisedOrder[] = [];
      const handled: InboxEntry[] = [];
      for (const entry of entries) {
        try {
          const order = await this.#withRetries(() => this.#adapter.getOrder(this.#ctx, entry.external_id));
          orders.push(normaliseOrder(this.#connection.channel, order));
          handled.push(entry);
        } catch (error) {
          if (!isChannelError(error) || error.failure === FailureClass.auth) throw error;
          await countFailedNotification(db, this.#connection.id, entry.external_id, 5);
          this.#result.counts.failed += 1;
        }
      }
      await db.transaction(async (tx) => {
        await this.#run.holdLease(tx);
        this.#add(await upsertOrders(tx, this.#scope(), orders));
        await clearNotifications(tx, this.#connection.id, handled);
      });
      this.#result.counts.notified += handled.length;
      this.#result.counts.fetched += orders.length;
      if (entries.length < this.#limits.notificationBatch) return;
    }
  }

  async #importWindow(): Promise<RunStatus> {
    const limits = this.#limits;
    const initialSince = new Date(this.#connection.created_at.getTime() - limits.initialLookbackMs);
    const cursor = await loadCursor(this.#deps.db, this.#connection.id, initialSince);
    // A window left half-read is resumed as it was; otherwise a new one starts now.
    const pageSince = cursor.pageSince ?? new Date(cursor.since.getTime() - limits.overlapMs);
    const startedAt = cursor.pageStartedAt ?? new Date();
    let maxSeen = cursor.maxSeen;
    let pageCursor = cursor.pageCursor ?? undefined;
    for (;;) {
      const page = await this.#withRetries(() =>
        this.#adapter.listOrders(this.#ctx, { since: pageSince, cursor: pageCursor }),
      );
      maxSeen = newest(maxSeen, page);
      const orders = page.orders.map((o) => normaliseOrder(this.#connection.channel, o));
      await this.#deps.db.transaction(async (tx) => {
        // Fenced: a stalled import whose lease was taken over cannot move the cursor back.
        await this.#run.holdLease(tx);
        this.#add(await upsertOrders(tx, this.#scope(), orders));
        if (page.nextCursor === undefined)
          await completeImport(tx, this.#connection.id, { startedAt, maxSeen });
        else
          await savePageProgress(tx, this.#connection.id, {
            pageSince,
            pageCursor: page.nextCursor,
            startedAt,
            maxSeen,
          });
      });
      this.#result.counts.pages += 1;
      this.#result.counts.fetched += orders.length;
      Object.assign(this.#run.counts, runCounts(this.#result.counts));
      if (page.nextCursor === undefined) return 'succeeded';
      pageCursor = page.nextCursor;
      if (this.#run.stopped) return 'interrupted';
      if (Date.now() - this.#startedAt > limits.maxRunMs) {
        this.#result.more = true;
        this.#run.note = 'handed over to a continuation run (time limit)';
        return 'succeeded';
      }
    }
  }

  #scope() {
    return {
      accountId: this.#connection.account_id,
      connectionId: this.#connection.id,
      channel: this.#connection.channel,
    };
  }

  #add(outcome: UpsertOutcome): void {
    const c = this.#result.counts;
    c.created += outcome.created;
    c.updated += outcome.updated;
    c.statusChanged += outcome.statusChanged;
    c.unchanged += outcome.unchanged;
    c.unknownSku += outcome.unknownSku;
  }

  /** A marketplace call, retried on transient failures beyond the adapter's own retries. */
  async #withRetries<T>(call: () => Promise<T>): Promise<T> {
    const limits = this.#limits;
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        if (!isChannelError(error) || !error.retryable || attempt >= limits.pageAttempts) throw error;
        if (this.#run.stopped) throw error;
        const policy = { baseMs: limits.pageRetryBaseMs, maxMs: limits.pageRetryMaxMs };
        // The lifecycle keeps the lease alive while this waits; a stop ends the wait at once.
        await sleep(retryWaitMs(attempt, policy, error.retryAfterMs), undefined, {
          signal: this.#run.signal,
        }).catch(() => {
          throw error;
        });
      }
    }
  }
}

function newest(current: Date | null, page: OrderPage): Date | null {
  let max = current;
  for (const o of page.orders) if (!max || o.updatedAt > max) max = o.updatedAt;
  return max;
}
