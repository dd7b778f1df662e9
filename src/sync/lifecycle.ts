/**
 * The one lifecycle every run goes through — stock and price runs, order imports, catalog runs
 * and manual syncs (DESIGN §3.8, CONVENTIONS habit 10). A run attempt:
 *
 * - holds the (connection, resource) lease under a holder of its own (never the process's), so
 *   a second attempt anywhere, in this process too, finds it busy;
 * - keeps the lease alive on a timer, so one slow marketplace call or a long catalog run is not
 *   taken over while it is alive, and records its progress on the same beat;
 * - carries one AbortSignal, aborted when the lease is lost, when pg-boss gives up the job
 *   (`job.signal`) or when the process shuts down; every marketplace call gets it;
 * - names its lease in the writes that record outcomes (`fence`), so once the lease is lost
 *   nothing it does is recorded;
 * - ends `failed` with the error on any throw (and rethrows: pg-boss retries the job), or
 *   `interrupted` when it was stopped, never left `running`.
 */
import type { ChannelError } from '../channels/errors.ts';
import { markAuthFailed } from '../connections/credential-store.ts';
import { type ConnectionRow, findConnectionById } from '../connections/queries.ts';
import type { Db, Queryable } from '../db/db.ts';
import { recordConnectionError } from '../sync-errors/listings.ts';
import {
  acquireLease,
  DEFAULT_LEASE_MS,
  type Fence,
  holdLease,
  newHolder,
  releaseLease,
  renewLease,
} from './lease.ts';
import {
  finishRun,
  type RunCounts,
  type RunRow,
  type RunStatus,
  recordProgress,
  startRun,
  type Trigger,
} from './runs.ts';

export interface LifecycleDeps {
  db: Db;
  /** Where errors the run survives (a failed keep-alive) are reported; the worker's logger. */
  onError?: ((error: unknown, context: Record<string, unknown>) => void) | undefined;
}

export interface RunSpec {
  connectionId: number;
  resource: string;
  trigger: Trigger;
  scheduleId?: number | undefined;
  leaseMs?: number | undefined;
  /** pg-boss's `job.signal`, or a shutdown signal: aborting it stops the run. */
  signal?: AbortSignal | undefined;
}

export type Attempted =
  | { status: 'missing'; runId: undefined }
  | { status: 'busy'; runId: undefined }
  | { status: RunStatus; runId: number; run: RunAttempt };

/** Thrown into the run's signal when its lease was taken over. */
export class LeaseLost extends Error {
  constructor() {
    super('the run lost its lease to another run of the same connection and resource');
    this.name = 'LeaseLost';
  }
}

/** What a run body sees: its lease, its signal, its counts, and the shared pause for auth. */
export class RunAttempt {
  readonly runId: number;
  readonly connection: ConnectionRow;
  readonly fence: Fence;
  readonly signal: AbortSignal;
  readonly counts: RunCounts = { considered: 0, sent: 0, confirmed: 0, failed: 0 };
  note: string | undefined;
  readonly #db: Db;
  readonly #stop: AbortController;
  #failures: RunRow['failures'] = [];

  constructor(
    db: Db,
    runId: number,
    connection: ConnectionRow,
    fence: Fence,
    stop: AbortController,
    outer?: AbortSignal,
  ) {
    this.#db = db;
    this.runId = runId;
    this.connection = connection;
    this.fence = fence;
    this.#stop = stop;
    this.signal = outer ? AbortSignal.any([stop.signal, outer]) : stop.signal;
  }

  /** True once the run must stop: lease lost, job given up, or shutdown. */
  get stopped(): boolean {
    return this.signal.aborted;
  }

  get lostLease(): boolean {
    return this.#stop.signal.aborted;
  }

  loseLease(): void {
    if (!this.#stop.signal.aborted) this.#stop.abort(new LeaseLost());
  }

  /** Failures kept for the run's detail page, written on the next beat. */
  addFailures(failures: RunRow['failures']): void {
    this.#failures.push(...failures);
  }

  /** Within a transaction: proceeds only while this attempt holds its lease (fences the tx). */
  async holdLease(tx: Queryable): Promise<void> {
    if (!(await holdLease(tx, this.fence))) {
      this.loseLease();
      throw new LeaseLost();
    }
  }

  /** Renews the lease and records progress; false when the lease was lost. */
  async beat(leaseMs: number): Promise<boolean> {
    if (!(await renewLease(this.#db, this.fence, this.fence.holder, leaseMs))) return false;
    const failures = this.#failures;
    this.#failures = [];
    await recordProgress(this.#db, this.runId, this.counts, failures);
    return true;
  }

  /**
   * The marketplace refused the connection's authorisation (the adapter already tried a refresh).
   * If the seller replaced the credentials while this run was sending, nothing is marked and the
   * caller just retries (answers false); otherwise the connection turns `auth_failed`, one
   * connection error is recorded and the run pauses (answers true).
   */
  async pauseForAuth(error: ChannelError): Promise<boolean> {
    const db = this.#db;
    const current = await findConnectionById(db, this.connection.id);
    if (current?.status === 'active' && current.secrets !== this.connection.secrets) return false;
    await markAuthFailed(db, this.connection.id, error.marketplaceMessage, current?.secrets ?? undefined);
    await recordConnectionError(
      db,
      { accountId: this.connection.account_id, connectionId: this.connection.id, resource: 'connection' },
      error,
    );
    this.note = `paused: the marketplace refused the connection's authorisation (${error.marketplaceMessage}); reconnect it`;
    return true;
  }
}

/**
 * Runs `body` as one attempt of (connection, resource). Answers `busy` when another attempt holds
 * the lease and `missing` when the connection is gone; a connection that is not active is
 * recorded as a skipped run. The body answers the run's status; the lifecycle records it.
 */
export async function withRun(
  deps: LifecycleDeps,
  spec: RunSpec,
  body: (run: RunAttempt) => Promise<RunStatus>,
): Promise<Attempted> {
  const { db } = deps;
  const leaseMs = spec.leaseMs ?? DEFAULT_LEASE_MS;
  const connection = await findConnectionById(db, spec.connectionId);
  if (!connection) return { status: 'missing', runId: undefined };
  const fence: Fence = { connectionId: connection.id, resource: spec.resource, holder: newHolder() };
  if (!(await acquireLease(db, fence, fence.holder, leaseMs))) return { status: 'busy', runId: undefined };
  try {
    const runId = await startRun(db, {
      accountId: connection.account_id,
      connectionId: connection.id,
      resource: spec.resource,
      trigger: spec.trigger,
      scheduleId: spec.scheduleId,
    });
    const run = new RunAttempt(db, runId, connection, fence, new AbortController(), spec.signal);
    if (connection.status !== 'active') {
      await finishRun(db, runId, 'skipped', run.counts, `connection is ${connection.status}`);
      return { status: 'skipped', runId, run };
    }
    const status = await supervised(deps, run, leaseMs, body);
    return { status, runId, run };
  } finally {
    await releaseLease(db, fence, fence.holder);
  }
}

/** The body under the keep-alive; records the outcome whatever happens. */
async function supervised(
  deps: LifecycleDeps,
  run: RunAttempt,
  leaseMs: number,
  body: (run: RunAttempt) => Promise<RunStatus>,
): Promise<RunStatus> {
  const keepAlive = startKeepAlive(deps, run, leaseMs);
  let status: RunStatus;
  try {
    status = await body(run);
  } catch (error) {
    keepAlive.stop();
    if (run.stopped) {
      await finishRun(deps.db, run.runId, 'interrupted', run.counts, stoppedNote(run));
      return 'interrupted';
    }
    await finishRun(deps.db, run.runId, 'failed', run.counts, failureNote(error));
    if (typeof error === 'object' && error !== null) failedRuns.set(error, runContext(run, 'run failed'));
    throw error;
  }
  keepAlive.stop();
  if (run.stopped) {
    status = 'interrupted';
    run.note = stoppedNote(run);
  }
  await finishRun(deps.db, run.runId, status, run.counts, run.note);
  return status;
}

function stoppedNote(run: RunAttempt): string {
  return run.lostLease
    ? 'lease lost to another run; that run delivers what is still owed'
    : 'stopped (the worker gave the job up or shut down); the next run resumes what is still owed';
}

function failureNote(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `failed: ${message}`.slice(0, 1_000);
}

/**
 * Renews the lease every third of its length (at most every second, so progress shows live). A
 * renewal that finds the lease taken aborts the run at once; renewals that fail (the database is
 * unreachable) abort it once the lease may have run out, because another worker may then start.
 */
function startKeepAlive(deps: LifecycleDeps, run: RunAttempt, leaseMs: number): { stop(): void } {
  let lastRenewed = Date.now();
  let beating = false;
  const tick = async () => {
    if (beating || run.stopped) return;
    beating = true;
    try {
      if (await run.beat(leaseMs)) lastRenewed = Date.now();
      else run.loseLease();
    } catch (error) {
      deps.onError?.(error, runContext(run, 'run keep-alive failed'));
      if (Date.now() - lastRenewed >= leaseMs) run.loseLease();
    } finally {
      beating = false;
    }
  };
  const timer = setInterval(() => void tick(), Math.min(1_000, Math.max(100, leaseMs / 3)));
  return { stop: () => clearInterval(timer) };
}

const failedRuns = new WeakMap<object, Record<string, unknown>>();

/** The run an error failed (its id, connection, account, resource), for the line that logs it. */
export function failedRunContext(error: unknown): Record<string, unknown> {
  const context = typeof error === 'object' && error !== null ? failedRuns.get(error) : undefined;
  if (!context) return {};
  const { msg: _msg, ...fields } = context;
  return fields;
}

/** The fields every log line about a run carries. */
export function runContext(run: RunAttempt, msg: string): Record<string, unknown> {
  return {
    msg,
    runId: run.runId,
    connectionId: run.connection.id,
    accountId: run.connection.account_id,
    resource: run.fence.resource,
  };
}
