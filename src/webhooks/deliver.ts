/**
 * One attempt at one delivery, and what follows it. Only a 2xx answer within the timeout counts.
 * A failure is retried with exponential backoff (with jitter, capped) for at least a day from
 * the event (or from the seller's replay); after that the delivery is dead-lettered, where the
 * seller can see it and replay it. Every attempt is logged with its status and duration.
 */
import type { Cipher } from '../connections/cipher.ts';
import type { Db, Queryable } from '../db/db.ts';
import type { EventType } from './events.ts';
import { SIGNATURE_HEADER, signatureHeader } from './sign.ts';

export interface WebhookLimits {
  baseMs: number;
  maxMs: number;
  /** Retries continue until the delivery is this old; then it is dead-lettered. */
  windowMs: number;
  timeoutMs: number;
}

// 10 s doubling to a 2 h cap: about 21 attempts, the last one more than 24 hours after the event.
export const defaultWebhookLimits: WebhookLimits = {
  baseMs: 10_000,
  maxMs: 2 * 3_600_000,
  windowMs: 24 * 3_600_000,
  timeoutMs: 10_000,
};

export interface DeliverDeps {
  db: Db;
  cipher: Cipher;
  limits?: Partial<WebhookLimits> | undefined;
}

export type AttemptOutcome =
  | { outcome: 'succeeded' }
  | { outcome: 'retrying'; nextAttemptAt: Date }
  | { outcome: 'dead' }
  | { outcome: 'skipped' };

interface Claimed {
  id: number;
  body: string;
  attempts: number;
  /** Milliseconds since the retry window opened, by the database's clock. */
  age_ms: number;
  event_id: string;
  event_type: string;
  url: string;
  secret: string;
  endpoint_status: string;
}

// A delivery is attempted by one worker at a time: the claim locks it for twice the timeout.
const claimSql = `
UPDATE webhook_deliveries d SET locked_until = now() + make_interval(secs => $2 / 500.0), attempts = d.attempts + 1
  FROM webhook_endpoints w
 WHERE d.id = $1 AND w.id = d.endpoint_id AND d.status = 'pending' AND d.next_attempt_at <= now()
   AND (d.locked_until IS NULL OR d.locked_until < now())
RETURNING d.id, d.body, d.attempts, (extract(epoch FROM now() - d.retry_from) * 1000)::bigint AS age_ms, d.event_id, d.event_type, w.url, w.secret, w.status AS endpoint_status`;

export async function attemptDelivery(deps: DeliverDeps, deliveryId: number): Promise<AttemptOutcome> {
  const limits = { ...defaultWebhookLimits, ...deps.limits };
  const [claimed] = await deps.db.query<Claimed>(claimSql, [deliveryId, limits.timeoutMs]);
  if (!claimed) return { outcome: 'skipped' };
  if (claimed.endpoint_status !== 'active') {
    await settle(deps.db, claimed, 'dead', { error: 'the endpoint is disabled', durationMs: 0 });
    return { outcome: 'dead' };
  }
  const started = Date.now();
  const answer = await post(claimed, deps.cipher.decrypt(claimed.secret), limits.timeoutMs);
  const result = { ...answer, durationMs: Date.now() - started };
  if (answer.status !== undefined && answer.status >= 200 && answer.status < 300) {
    await settle(deps.db, claimed, 'succeeded', result);
    return { outcome: 'succeeded' };
  }
  // Dead only once an attempt fails after the window: the last try is at least windowMs after the first.
  if (claimed.age_ms + result.durationMs >= limits.windowMs) {
    await settle(deps.db, claimed, 'dead', result);
    return { outcome: 'dead' };
  }
  const nextAttemptAt = await settle(
    deps.db,
    claimed,
    'pending',
    result,
    retryWait(claimed.attempts, limits),
  );
  return { outcome: 'retrying', nextAttemptAt };
}

/** Exponential from baseMs, capped at maxMs, with ±20% jitter so failed bursts spread out. */
export function retryWait(attempts: number, limits: Pick<WebhookLimits, 'baseMs' | 'maxMs'>): number {
  const plain = Math.min(limits.maxMs, limits.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(plain * (0.8 + Math.random() * 0.4));
}

async function post(
  d: Claimed,
  secret: string,
  timeoutMs: number,
): Promise<{ status?: number | undefined; error?: string | undefined }> {
  try {
    const response = await fetch(d.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Cais-Webhooks/1',
        'cais-event': d.event_type,
        'cais-event-id': d.event_id,
        'cais-delivery': String(d.id),
        [SIGNATURE_HEADER]: signatureHeader(secret, d.body),
      },
      body: d.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    return response.status >= 300
      ? { status: response.status, error: `answered ${response.status}` }
      : { status: response.status };
  } catch (error) {
    const e = error as Error;
    return {
      error:
        e.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : `could not connect: ${e.message}`,
    };
  }
}

async function settle(
  db: Db,
  d: Claimed,
  status: 'pending' | 'succeeded' | 'dead',
  result: { status?: number | undefined; error?: string | undefined; durationMs: number },
  waitMs?: number,
): Promise<Date> {
  return db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO webhook_attempts (delivery_id, attempt, status_code, error, duration_ms) VALUES ($1, $2, $3, $4, $5)`,
      [d.id, d.attempts, result.status ?? null, result.error ?? null, result.durationMs],
    );
    // A retry gets a new due time (by the database's clock) and no job: the dispatcher queues one.
    const [row] = await tx.query<{ next_attempt_at: Date }>(
      `UPDATE webhook_deliveries SET status = $2, locked_until = NULL, last_status_code = $3, last_error = $4,
              next_attempt_at = CASE WHEN $5::float8 IS NULL THEN next_attempt_at
                                     ELSE now() + make_interval(secs => $5::float8 / 1000) END,
              enqueued_at = CASE WHEN $5::float8 IS NULL THEN enqueued_at END,
              finished_at = CASE WHEN $2 = 'pending' THEN NULL ELSE now() END
        WHERE id = $1 RETURNING next_attempt_at`,
      [d.id, status, result.status ?? null, result.error ?? null, waitMs ?? null],
    );
    return row!.next_attempt_at;
  });
}

/** Puts dead (or given) deliveries back to pending with a new retry window; answers their ids. */
export async function replayDeliveries(
  db: Queryable,
  accountId: number,
  endpointId: number,
  which: { ids?: number[] | undefined },
): Promise<number[]> {
  const rows = await db.query<{ id: number }>(
    `UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = now(), retry_from = now(), enqueued_at = NULL,
            locked_until = NULL, finished_at = NULL
      WHERE account_id = $1 AND endpoint_id = $2 AND status = 'dead' AND ($3::bigint[] IS NULL OR id = ANY($3))
      RETURNING id`,
    [accountId, endpointId, which.ids ?? null],
  );
  return rows.map((r) => r.id);
}

export interface DeliveryRow {
  id: number;
  event_id: string;
  event_type: EventType;
  status: 'pending' | 'succeeded' | 'dead';
  attempts: number;
  next_attempt_at: Date;
  last_status_code: number | null;
  last_error: string | null;
  created_at: Date;
  finished_at: Date | null;
}

export function listDeliveries(
  db: Queryable,
  accountId: number,
  endpointId: number,
  filter: { status?: string | undefined; beforeId?: number | undefined; limit: number },
): Promise<DeliveryRow[]> {
  return db.query<DeliveryRow>(
    `SELECT id, event_id, event_type, status, attempts, next_attempt_at, last_status_code, last_error, created_at,
            finished_at
       FROM webhook_deliveries
      WHERE account_id = $1 AND endpoint_id = $2 AND ($3::text IS NULL OR status = $3) AND ($4::bigint IS NULL OR id < $4)
      ORDER BY id DESC LIMIT $5`,
    [accountId, endpointId, filter.status ?? null, filter.beforeId ?? null, filter.limit],
  );
}

export function attemptsOf(db: Queryable, deliveryIds: readonly number[]) {
  return db.query<{
    delivery_id: number;
    attempt: number;
    status_code: number | null;
    error: string | null;
    duration_ms: number;
    at: Date;
  }>(
    `SELECT delivery_id, attempt, status_code, error, duration_ms, at FROM webhook_attempts
      WHERE delivery_id = ANY($1::bigint[]) ORDER BY delivery_id, id`,
    [deliveryIds],
  );
}

export async function deliveryBody(
  db: Queryable,
  accountId: number,
  id: number,
): Promise<string | undefined> {
  const [row] = await db.query<{ body: string }>(
    'SELECT body FROM webhook_deliveries WHERE account_id = $1 AND id = $2',
    [accountId, id],
  );
  return row?.body;
}
