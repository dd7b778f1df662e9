import type { Queryable } from '../db/db.ts';

export interface ApiKeyRow {
  id: number;
  account_id: number;
  name: string;
  key_prefix: string;
  created_at: Date;
  revoked_at: Date | null;
}

export async function insertAccount(db: Queryable, name: string): Promise<number> {
  const [row] = await db.query<{ id: number }>('INSERT INTO accounts (name) VALUES ($1) RETURNING id', [
    name,
  ]);
  return row!.id;
}

export async function countAccounts(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM accounts');
  return row!.n;
}

export async function insertUser(
  db: Queryable,
  user: { accountId: number; email: string; passwordHash: string | null; role: string },
): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    'INSERT INTO users (account_id, email, password_hash, role) VALUES ($1, $2, $3, $4) RETURNING id',
    [user.accountId, user.email, user.passwordHash, user.role],
  );
  return row!.id;
}

export async function insertApiKey(
  db: Queryable,
  key: { accountId: number; name: string; hash: string; prefix: string },
): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    'INSERT INTO api_keys (account_id, name, key_hash, key_prefix) VALUES ($1, $2, $3, $4) RETURNING id',
    [key.accountId, key.name, key.hash, key.prefix],
  );
  return row!.id;
}

export async function revokeApiKey(db: Queryable, accountId: number, keyId: number): Promise<boolean> {
  const rows = await db.query(
    'UPDATE api_keys SET revoked_at = now() WHERE account_id = $1 AND id = $2 AND revoked_at IS NULL RETURNING id',
    [accountId, keyId],
  );
  return rows.length > 0;
}

export function listApiKeys(db: Queryable, accountId: number): Promise<ApiKeyRow[]> {
  return db.query<ApiKeyRow>(
    `SELECT id, account_id, name, key_prefix, created_at, revoked_at
       FROM api_keys WHERE account_id = $1 ORDER BY id`,
    [accountId],
  );
}

/** The live key with this digest, when the email is a user of the key's account. */
export async function findApiKeyForUser(
  db: Queryable,
  keyHash: string,
  email: string,
): Promise<{ keyId: number; accountId: number } | undefined> {
  const [row] = await db.query<{ key_id: number; account_id: number }>(
    `SELECT k.id AS key_id, k.account_id
       FROM api_keys k JOIN users u ON u.account_id = k.account_id AND u.email = $2
      WHERE k.key_hash = $1 AND k.revoked_at IS NULL`,
    [keyHash, email],
  );
  return row && { keyId: row.key_id, accountId: row.account_id };
}

export async function findAccountIdByEmail(db: Queryable, email: string): Promise<number | undefined> {
  const [row] = await db.query<{ account_id: number }>('SELECT account_id FROM users WHERE email = $1', [
    email,
  ]);
  return row?.account_id;
}

export interface UserRow {
  id: number;
  email: string;
  role: 'owner' | 'admin' | 'viewer';
  has_password: boolean;
  created_at: Date;
}

export function listUsers(db: Queryable, accountId: number): Promise<UserRow[]> {
  return db.query<UserRow>(
    `SELECT id, email, role, password_hash IS NOT NULL AS has_password, created_at
       FROM users WHERE account_id = $1 ORDER BY id`,
    [accountId],
  );
}

export async function deleteUser(db: Queryable, accountId: number, userId: number): Promise<boolean> {
  const rows = await db.query('DELETE FROM users WHERE account_id = $1 AND id = $2 RETURNING id', [
    accountId,
    userId,
  ]);
  return rows.length > 0;
}
