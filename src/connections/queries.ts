import type { Operation, Rate } from '../channels/adapter.ts';
import type { Queryable } from '../db/db.ts';

export interface ConnectionRow {
  id: number;
  account_id: number;
  channel: string;
  name: string;
  base_url: string;
  status: 'pending' | 'active' | 'auth_failed' | 'disabled';
  status_reason: string | null;
  secrets: string | null;
  oauth_state: string | null;
  redirect_uri: string | null;
  seller_id: string | null;
  seller_name: string | null;
  rules: Record<string, unknown>;
  rate_limits: Partial<Record<Operation, Rate>>;
  tested_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const columns = `id, account_id, channel, name, base_url, status, status_reason, secrets, oauth_state, redirect_uri,
  seller_id, seller_name, rules, rate_limits, tested_at, created_at, updated_at`;

export async function insertConnection(
  db: Queryable,
  c: { accountId: number; channel: string; name: string; baseUrl: string; secrets: string | null },
): Promise<ConnectionRow> {
  const [row] = await db.query<ConnectionRow>(
    `INSERT INTO connections (account_id, channel, name, base_url, secrets) VALUES ($1, $2, $3, $4, $5)
     RETURNING ${columns}`,
    [c.accountId, c.channel, c.name, c.baseUrl, c.secrets],
  );
  return row!;
}

export async function findConnection(
  db: Queryable,
  accountId: number,
  id: number,
): Promise<ConnectionRow | undefined> {
  const [row] = await db.query<ConnectionRow>(
    `SELECT ${columns} FROM connections WHERE account_id = $1 AND id = $2`,
    [accountId, id],
  );
  return row;
}

export async function findConnectionById(db: Queryable, id: number): Promise<ConnectionRow | undefined> {
  const [row] = await db.query<ConnectionRow>(`SELECT ${columns} FROM connections WHERE id = $1`, [id]);
  return row;
}

export async function lockConnection(db: Queryable, id: number): Promise<ConnectionRow | undefined> {
  const [row] = await db.query<ConnectionRow>(`SELECT ${columns} FROM connections WHERE id = $1 FOR UPDATE`, [
    id,
  ]);
  return row;
}

export function listConnections(db: Queryable, accountId: number): Promise<ConnectionRow[]> {
  return db.query<ConnectionRow>(`SELECT ${columns} FROM connections WHERE account_id = $1 ORDER BY id`, [
    accountId,
  ]);
}

export async function findByOauthState(db: Queryable, state: string): Promise<ConnectionRow | undefined> {
  const [row] = await db.query<ConnectionRow>(`SELECT ${columns} FROM connections WHERE oauth_state = $1`, [
    state,
  ]);
  return row;
}

export async function saveConsentStart(
  db: Queryable,
  id: number,
  state: string,
  redirectUri: string,
): Promise<void> {
  await db.query(
    'UPDATE connections SET oauth_state = $2, redirect_uri = $3, updated_at = now() WHERE id = $1',
    [id, state, redirectUri],
  );
}

export async function saveSecrets(
  db: Queryable,
  id: number,
  secrets: string,
  fields: { sellerId?: string | undefined; activate?: boolean } = {},
): Promise<void> {
  await db.query(
    `UPDATE connections SET secrets = $2, seller_id = coalesce($3, seller_id), oauth_state = NULL,
            status = CASE WHEN $4 THEN 'active' ELSE status END,
            status_reason = CASE WHEN $4 THEN NULL ELSE status_reason END,
            tested_at = CASE WHEN $4 THEN now() ELSE tested_at END, updated_at = now()
      WHERE id = $1`,
    [id, secrets, fields.sellerId ?? null, fields.activate ?? false],
  );
}

export async function setStatus(
  db: Queryable,
  id: number,
  status: ConnectionRow['status'],
  reason: string | null,
): Promise<void> {
  await db.query('UPDATE connections SET status = $2, status_reason = $3, updated_at = now() WHERE id = $1', [
    id,
    status,
    reason,
  ]);
}

export async function renameConnection(db: Queryable, id: number, name: string): Promise<void> {
  await db.query('UPDATE connections SET name = $2, updated_at = now() WHERE id = $1', [id, name]);
}

export async function saveRules(db: Queryable, id: number, rules: Record<string, unknown>): Promise<void> {
  await db.query('UPDATE connections SET rules = $2, updated_at = now() WHERE id = $1', [
    id,
    JSON.stringify(rules),
  ]);
}

/** A test call worked: remember who the seller is, and go active unless the seller disabled it. */
export async function markVerified(
  db: Queryable,
  id: number,
  who: { sellerId: string; name?: string | undefined },
  activate: boolean,
): Promise<void> {
  await db.query(
    `UPDATE connections SET seller_id = $2, seller_name = coalesce($4, seller_name), tested_at = now(),
            updated_at = now(),
            status = CASE WHEN $3 THEN 'active' ELSE status END,
            status_reason = CASE WHEN $3 THEN NULL ELSE status_reason END
      WHERE id = $1`,
    [id, who.sellerId, activate, who.name ?? null],
  );
}

/** New credentials or a new address: the connection waits for a test (or a consent) again. */
export async function replaceCredentials(
  db: Queryable,
  id: number,
  c: { secrets: string; baseUrl: string },
): Promise<void> {
  await db.query(
    `UPDATE connections SET secrets = $2, base_url = $3, oauth_state = NULL, updated_at = now(),
            status = CASE WHEN status = 'disabled' THEN status ELSE 'pending' END,
            status_reason = CASE WHEN status = 'disabled' THEN status_reason ELSE NULL END
      WHERE id = $1`,
    [id, c.secrets, c.baseUrl],
  );
}

/**
 * Deletes the connection; the foreign keys remove its listings, schedule targets, runs and sync
 * errors, and keep its orders unlinked (migration 000050).
 */
export async function deleteConnectionRow(db: Queryable, accountId: number, id: number): Promise<void> {
  await db.query('DELETE FROM connections WHERE account_id = $1 AND id = $2', [accountId, id]);
}

/** What deleting the connection would take away, for the seller to read before confirming. */
export async function connectionFootprint(
  db: Queryable,
  accountId: number,
  id: number,
): Promise<{ listings: number; schedules: number; orders: number }> {
  const [row] = await db.query<{ listings: number; schedules: number; orders: number }>(
    `SELECT (SELECT count(*)::int FROM listings WHERE account_id = $1 AND connection_id = $2 AND flag <> 'grey') AS listings,
            (SELECT count(*)::int FROM sync_schedules
              WHERE account_id = $1 AND status = 'active' AND $2::bigint = ANY(connection_ids)) AS schedules,
            (SELECT count(*)::int FROM orders WHERE account_id = $1 AND connection_id = $2) AS orders`,
    [accountId, id],
  );
  return row!;
}
