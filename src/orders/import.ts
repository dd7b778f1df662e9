/**
 * An `orders` run: import one connection's new and changed orders (DESIGN §4.1). It holds the
 * (connection, orders) lease, so one import per connection runs at a time across workers; it
 * first fetches the orders marketplaces notified, then reads the window since the cursor (minus
 * an overlap) page by page, storing each page and the position after it in one transaction.
 * No duplicate can arise: every store is an upsert by (connection, marketplace order id).
 */
import type { ChannelAdapter, ChannelContext, OrderPage } from '../channels/adapter.ts';
import { type ChannelError, FailureClass, isChannelError } from '../channels/errors.ts';
import { adapterFor } from '../channels/registry.ts';
import { backoffMs, type RetryPolicy } from '../channels/retry.ts';
import type { Cipher } from '../connections/cipher.ts';
import { channelContext } from '../connections/connections.ts';
import { markAuthFailed } from '../connections/credential-store.ts';
import { type ConnectionRow, findConnectionById } from '../connections/queries.ts';
import type { Db } from '../db/db.ts';
import { acquireLease, processHolder, releaseLease, renewLease } from '../sync/lease.ts';
import { finishRun, type RunStatus, recordProgress, startRun, type Trigger } from '../sync/runs.ts';
import { recordConnectionError } from '../sync/sync-errors.ts';
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

export interface ImportDeps {
  db: Db;
  cipher: Cipher;
  holder?: string | undefined;
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
  const connection = await findConnectionById(deps.db, job.connectionId);
  if (!connection) return result;
  const holder = deps.holder ?? processHolder;
  const target = { connectionId: connection.id, resource: 'orders' };
  if (!(await acquireLease(deps.db, target, holder))) return { ...result, status: 'busy' };
  try {
    result.runId = await startRun(deps.db, {
      accountId: connection.account_id,
      connectionId: connection.id,
      resource: 'orders',
      trigger: job.trigger,
      scheduleId: job.scheduleId,
    });
    if (connection.status !== 'active') {
      await finish(deps.db, result, 'skipped', `connection is ${connection.status}`);
      return result;
    }
    const run = new OrderImport(deps, holder, connection, result);
    const status = await run.execute();
    await finish(deps.db, result, status, run.note);
    return result;
  } finally {
    await releaseLease(deps.db, target, holder);
  }
}

async function finish(db: Db, result: ImportResult, status: RunStatus, note: string | undefined) {
  result.status = status;
  const c = result.counts;
  const summary = `${c.fetched} fetched in ${c.pages} page(s), ${c.notified} notified: ${c.created} new, ${c.updated} updated (${c.statusChanged} status changes), ${c.unchanged} unchanged, ${c.failed} failed, ${c.unknownSku} with unknown SKUs`;
  await finishRun(db, result.runId!, status, runCounts(c), note ? `${note}; ${summary}` : summary);
  await recordImportCounts(db, result.runId!, c);
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
  note: string | undefined;
  readonly #deps: ImportDeps;
  readonly #limits: ImportLimits;
  readonly #holder: string;
  readonly #connection: ConnectionRow;
  readonly #adapter: ChannelAdapter;
  readonly #ctx: ChannelContext;
  readonly #result: ImportResult;
  readonly #startedAt = Date.now();

  constructor(deps: ImportDeps, holder: string, connection: ConnectionRow, result: ImportResult) {
    this.#deps = deps;
    this.#limits = { ...defaultImportLimits, ...deps.limits };
    this.#holder = holder;
    this.#connection = connection;
    this.#adapter = adapterFor(connection.channel);
    this.#ctx = channelContext(deps, connection);
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
        await this.#pauseForAuth(error);
        return 'paused';
      }
      this.note = `stopped: ${error.marketplaceMessage}; the next run resumes after the last page stored`;
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
      if (page.nextCursor === undefined) return 'succeeded';
      pageCursor = page.nextCursor;
      if (!(await this.#heartbeat())) {
        this.note = 'lease lost to another worker';
        return 'interrupted';
      }
      if (Date.now() - this.#startedAt > limits.maxRunMs) {
        this.#result.more = true;
        this.note = 'handed over to a continuation run (time limit)';
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
        const wait = backoffMs(attempt, { baseMs: limits.pageRetryBaseMs, maxMs: limits.pageRetryMaxMs });
        await new Promise((resolve) => setTimeout(resolve, Math.max(wait, error.retryAfterMs ?? 0)));
        // Waits can outlast the lease: keep it, so no other worker starts the same window meanwhile.
        await renewLease(
          this.#deps.db,
          { connectionId: this.#connection.id, resource: 'orders' },
          this.#holder,
        );
      }
    }
  }

  async #heartbeat(): Promise<boolean> {
    const target = { connectionId: this.#connection.id, resource: 'orders' };
    if (!(await renewLease(this.#deps.db, target, this.#holder))) return false;
    await recordProgress(this.#deps.db, this.#result.runId!, runCounts(this.#result.counts), []);
    return true;
  }

  async #pauseForAuth(error: ChannelError): Promise<void> {
    const db = this.#deps.db;
    await markAuthFailed(db, this.#connection.id, error.marketplaceMessage);
    await recordConnectionError(
      db,
      { accountId: this.#connection.account_id, connectionId: this.#connection.id, resource: 'connection' },
      error,
    );
    this.note = `paused: the marketplace refused the connection's authorisation (${error.marketplaceMessage}); reconnect it`;
  }
}

function newest(current: Date | null, page: OrderPage): Date | null {
  let max = current;
  for (const o of page.orders) if (!max || o.updatedAt > max) max = o.updatedAt;
  return max;
}
