/** The accounts domain's public surface: creating accounts, users and API keys. */
import type { Db, Queryable } from '../db/db.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import {
  findAccountIdByEmail,
  insertAccount,
  insertApiKey,
  insertUser,
  revokeApiKey as revokeApiKeyRow,
} from './queries.ts';
import { generateApiKey, hashApiKey, hashPassword, keyPrefix } from './secrets.ts';

export const roles = ['owner', 'admin', 'viewer'] as const;
export type Role = (typeof roles)[number];

export interface NewUser {
  email: string;
  password?: string | undefined;
  role: Role;
}

const emailPattern = /^[^\s@]+@[^\s@]+$/;

export async function createUser(db: Queryable, accountId: number, user: NewUser): Promise<number> {
  const email = user.email.trim().toLowerCase();
  if (!emailPattern.test(email))
    throw invalid(`email: "${user.email}" is not an email address`, {
      code: 'invalid_field',
      params: { field: 'email', rule: 'format', format: 'e-mail' },
    });
  if (user.password !== undefined && user.password.length < 8) {
    throw invalid('password: must have at least 8 characters', {
      code: 'invalid_field',
      params: { field: 'password', rule: 'min_length', limit: 8 },
    });
  }
  if (await findAccountIdByEmail(db, email))
    throw conflict(`email: a user with ${email} already exists`, {
      code: 'email_taken',
      params: { field: 'email', email },
    });
  const passwordHash = user.password === undefined ? null : await hashPassword(user.password);
  return insertUser(db, { accountId, email, passwordHash, role: user.role });
}

/** Issues a key; returns the key in clear, the only time it is ever shown. */
export async function createApiKey(
  db: Queryable,
  accountId: number,
  name: string,
  key = generateApiKey(),
): Promise<{ id: number; key: string }> {
  const id = await insertApiKey(db, { accountId, name, hash: hashApiKey(key), prefix: keyPrefix(key) });
  return { id, key };
}

export async function revokeApiKey(db: Queryable, accountId: number, keyId: number): Promise<void> {
  if (!(await revokeApiKeyRow(db, accountId, keyId)))
    throw notFound(`API key ${keyId} not found`, { code: 'api_key_not_found', params: { key: keyId } });
}

export interface CreatedAccount {
  accountId: number;
  userId: number;
  apiKeyId: number;
  apiKey: string;
}

export interface NewAccount {
  name: string;
  owner: NewUser;
  apiKey?: string | undefined;
}

/** An account with its owner and a first API key, inside the caller's transaction. */
export async function createAccountIn(tx: Queryable, input: NewAccount): Promise<CreatedAccount> {
  const accountId = await insertAccount(tx, input.name);
  const userId = await createUser(tx, accountId, input.owner);
  const key = await createApiKey(tx, accountId, 'default', input.apiKey);
  return { accountId, userId, apiKeyId: key.id, apiKey: key.key };
}

/** An account with its owner and a first API key, all or nothing. */
export function createAccount(db: Db, input: NewAccount): Promise<CreatedAccount> {
  return db.transaction((tx) => createAccountIn(tx, input));
}

export { findAccountIdByEmail };
