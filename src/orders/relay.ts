/**
 * Relaying the ERP's status changes to the marketplace through the adapter. Workers claim due
 * relays with SKIP LOCKED (so any number of them share the work); one order's relays go in the
 * order the ERP made them (a shipment never overtakes its invoice). A transient failure is
 * retried with backoff for up to a day; a refusal ends the relay and becomes an order sync error
 * with the marketplace's own message, shown on the order; a later success resolves it.
 */
import type { OrderTransition } from '../channels/adapter.ts';
import { type ChannelError, FailureClass, isChannelError } from '../channels/errors.ts';
import { adapterFor } from '../channels/registry.ts';
import { backoffMs, type RetryPolicy } from '../channels/retry.ts';
import type { Cipher } from '../connections/cipher.ts';
import { channelContext } from '../connections/connections.ts';
import { findConnectionById } from '../connections/queries.ts';
import type { Db } from '../db/db.ts';
import { recordOrderError, relayHints, resolveOrderErrors } from '../sync-errors/orders.ts';
import { recordEvents, subscribedTypes } from '../webhooks/events.ts';

export interface RelayDeps {
  db: Db;
  cipher: Cipher;
  retry?: RetryPolicy | undefined;
  limits?: Partial<RelayLimits> | undefined;
}

export interface RelayLimits {
  baseMs: number;
  maxMs: number;
  /** A relay still failing transiently after this long is given up (and becomes an error). */
  giveUpAfterMs: number;
  batch: number;
}

export const defaultRelayLimits: RelayLimits = {
  baseMs: 5_000,
  maxMs: 30 * 60_000,
  giveUpAfterMs: 24 * 3_600_000,
  batch: 20,
};

interface Claimed {
  id: number;
  account_id: number;
  order_id: number;
  transition: Record<string, unknown>;
  attempts: number;
  created_at: Date;
  connection_id: number;
  external_id: string;
  code: string;
  raw: unknown;
}

export type RelayOutcome = 'succeeded' | 'retrying' | 'failed';

// An earlier relay of the same order still pending holds the later ones back.
const claimSql = `
WITH due AS (
  SELECT r.id FROM order_relays r
   WHERE r.status = 'pending' AND r.next_attempt_at <= now() AND (r.locked_until IS NULL OR r.locked_until < now())
     AND NOT EXISTS (SELECT 1 FROM order_relays e WHERE e.order_id = r.order_id AND e.status = 'pending' AND e.id < r.id)
   ORDER BY r.next_attempt_at, r.id LIMIT $1 FOR UPDATE SKIP LOCKED
)
UPDATE order_relays r SET locked_until = now() + interval '2 minutes', attempts = r.attempts + 1
  FROM due, orders o
 WHERE r.id = due.id AND o.id = r.order_id
RETURNING r.id, r.account_id, r.order_id, r.transition, r.attempts, r.created_at, o.connection_id, o.external_id,
          o.code, o.raw`;

/** Relays what is due; answers each relay's outcome. */
export async function relayDue(deps: RelayDeps): Promise<{ id: number; outcome: RelayOutcome }[]> {
  const limits = { ...defaultRelayLimits, ...deps.limits };
  const claimed = await deps.db.query<Claimed>(claimSql, [limits.batch]);
  const outcomes = [];
  for (const relay of claimed) outcomes.push({ id: relay.id, outcome: await relayOne(deps, limits, relay) });
  return outcomes;
}

async function relayOne(deps: RelayDeps, limits: RelayLimits, relay: Claimed): Promise<RelayOutcome> {
  try {
    const connection = await findConnectionById(deps.db, relay.connection_id);
    if (!connection) throw new Error(`connection ${relay.connection_id} is gone`);
    const adapter = adapterFor(connection.channel);
    await adapter.pushOrderStatus(
      channelContext(deps, connection),
      { externalId: relay.external_id, raw: relay.raw },
      transitionOf(relay.transition),
    );
  } catch (error) {
    return settleFailure(deps, limits, relay, error);
  }
  await deps.db.transaction(async (tx) => {
    await tx.query(
      `UPDATE order_relays SET status = 'succeeded', finished_at = now(), locked_until = NULL, last_error = NULL
        WHERE id = $1`,
      [relay.id],
    );
    await resolveOrderErrors(tx, [relay.order_id], 'sync_order_skyhub_to_mtkp');
  });
  return 'succeeded';
}

function transitionOf(stored: Record<string, unknown>): OrderTransition {
  const dates = ['issuedAt', 'shippedAt', 'estimatedDeliveryAt', 'deliveredAt'];
  const revived: Record<string, unknown> = { ...stored };
  for (const key of dates)
    if (typeof revived[key] === 'string') revived[key] = new Date(revived[key] as string);
  return revived as unknown as OrderTransition;
}

async function settleFailure(
  deps: RelayDeps,
  limits: RelayLimits,
  relay: Claimed,
  thrown: unknown,
): Promise<RelayOutcome> {
  const error = isChannelError(thrown) ? thrown : undefined;
  const message = error?.marketplaceMessage ?? String(thrown);
  const retryable = !error || error.retryable || error.failure === FailureClass.auth;
  const age = Date.now() - relay.created_at.getTime();
  if (retryable && age < limits.giveUpAfterMs) {
    const wait = Math.max(backoffMs(relay.attempts, limits), error?.retryAfterMs ?? 0, limits.baseMs / 2);
    await deps.db.query(
      `UPDATE order_relays SET next_attempt_at = now() + make_interval(secs => $2 / 1000.0), locked_until = NULL,
              last_error = $3 WHERE id = $1`,
      [relay.id, wait, message],
    );
    return 'retrying';
  }
  await deps.db.transaction(async (tx) => {
    await tx.query(
      `UPDATE order_relays SET status = 'failed', finished_at = now(), locked_until = NULL, last_error = $2 WHERE id = $1`,
      [relay.id, message],
    );
    const errorId = await recordOrderError(tx, {
      accountId: relay.account_id,
      orderId: relay.order_id,
      category: 'sync_order_skyhub_to_mtkp',
      code: error?.code ?? 'relay_failed',
      failure: error?.failure ?? 'transient',
      message: `${String(relay.transition.kind)}: ${message}`,
      marketplaceCode: error?.marketplaceCode,
      // A transient error's own hint says "Cais retries on its own", which stopped being true.
      hint: error && !retryable ? (error.hint ?? hintFor(error)) : hintFor(error),
    });
    if (errorId !== undefined) await announceError(tx, relay, error, message);
  });
  return 'failed';
}

function hintFor(error: ChannelError | undefined): string {
  if (!error) return relayHints.unreachable.en;
  if (error.retryable || error.failure === FailureClass.auth) return relayHints.gave_up.en;
  return relayHints.refused.en;
}

async function announceError(
  tx: Parameters<Parameters<Db['transaction']>[0]>[0],
  relay: Claimed,
  error: ChannelError | undefined,
  message: string,
): Promise<void> {
  if (!(await subscribedTypes(tx, relay.account_id)).has('sync_error.created')) return;
  await recordEvents(tx, relay.account_id, [
    {
      type: 'sync_error.created',
      data: {
        sync_error: {
          entity_type: 'orders',
          entity_id: relay.code,
          error_category_code: 'sync_order_skyhub_to_mtkp',
          error_code: error?.code ?? 'relay_failed',
          message,
          hint: error?.hint ?? null,
        },
      },
    },
  ]);
}

/**
 * The retry way out of an order sync error (`POST /sync_errors/orders/retry`): each order's last
 * failed relay is queued again as it was. Answers the codes of the orders retried.
 */
export async function retryFailedRelays(
  db: Db,
  accountId: number,
  orderCodes: readonly string[] | undefined,
): Promise<string[]> {
  const rows = await db.query<{ code: string }>(
    `WITH failed AS (
       SELECT DISTINCT ON (r.order_id) r.order_id, r.transition, o.code
         FROM order_relays r JOIN orders o ON o.id = r.order_id
         JOIN order_sync_errors e ON e.order_id = r.order_id AND e.status = 'open'
                                AND e.category = 'sync_order_skyhub_to_mtkp'
        WHERE r.account_id = $1 AND ($2::text[] IS NULL OR o.code = ANY($2::text[]))
        ORDER BY r.order_id, r.id DESC
     )
     INSERT INTO order_relays (account_id, order_id, transition)
     SELECT $1, f.order_id, f.transition FROM failed f
      WHERE NOT EXISTS (SELECT 1 FROM order_relays p WHERE p.order_id = f.order_id AND p.status = 'pending')
     RETURNING (SELECT code FROM orders WHERE id = order_id) AS code`,
    [accountId, orderCodes ?? null],
  );
  return rows.map((r) => r.code);
}
