/**
 * Console sessions: email and password log a user in; the browser keeps a random session id in
 * an HttpOnly cookie and the database keeps only its SHA-256, with an expiry that slides while
 * the user is active (up to an absolute cap). Each session has a CSRF token the console echoes in
 * a header. Failed logins are counted per email and per client address in the database, so every
 * API process enforces the same limit.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../db/db.ts';
import { rateLimited, unauthorized } from '../errors.ts';
import type { Role } from './accounts.ts';
import { hashPassword, verifyPassword } from './secrets.ts';

/** A session ends after this long without a request... */
export const SESSION_IDLE_MS = 12 * 60 * 60_000;
/** ...and in any case this long after the login. */
export const SESSION_MAX_MS = 7 * 24 * 60 * 60_000;
// Sliding the expiry on every request would make each read a write; every few minutes is enough.
const TOUCH_EVERY_MS = 5 * 60_000;

export interface LoginLimits {
  perEmail: number;
  perAddress: number;
  windowMs: number;
}

// Ten wrong passwords per email in 15 minutes stops guessing without locking out a person who
// mistypes; an office behind one address gets more room.
export const defaultLoginLimits: LoginLimits = { perEmail: 10, perAddress: 50, windowMs: 15 * 60_000 };

export interface SessionUser {
  id: number;
  email: string;
  role: Role;
  accountId: number;
  accountName: string;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
  expiresAt: Date;
}

interface SessionRow {
  user_id: number;
  email: string;
  role: Role;
  account_id: number;
  account_name: string;
  csrf_token: string;
  expires_at: Date;
  last_seen_at: Date;
}

export const hashSessionId = (id: string): string => createHash('sha256').update(id).digest('hex');

const sessionIdPattern = /^[A-Za-z0-9_-]{43}$/;

export function looksLikeSessionId(value: string): boolean {
  return sessionIdPattern.test(value);
}

// An unknown email is checked against a throwaway hash, so it takes as long as a wrong password
// and the answer time does not tell which emails have an account.
let decoyHash: Promise<string> | undefined;
function decoy(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return decoyHash;
}

export async function login(
  db: Queryable,
  input: { email: string; password: string; address: string },
  limits: LoginLimits = defaultLoginLimits,
): Promise<{ sessionId: string; session: Session }> {
  const email = input.email.trim().toLowerCase();
  const keys = { email: `email:${email}`, address: `ip:${input.address}` };
  await checkLoginLimit(db, keys, limits);
  const [user] = await db.query<{ id: number; password_hash: string | null }>(
    'SELECT id, password_hash FROM users WHERE email = $1',
    [email],
  );
  const stored = user?.password_hash ?? (await decoy());
  const matches = await verifyPassword(input.password, stored);
  if (!user?.password_hash || !matches) {
    await recordFailure(db, keys, limits);
    throw unauthorized('email or password is not right', { code: 'login_failed' });
  }
  await db.query('DELETE FROM login_failures WHERE key = $1', [keys.email]);
  await db.query("DELETE FROM sessions WHERE expires_at < now() - interval '1 day'");
  const sessionId = randomBytes(32).toString('base64url');
  await db.query(
    `INSERT INTO sessions (id_hash, account_id, user_id, csrf_token, expires_at)
     SELECT $1, u.account_id, u.id, $3, now() + make_interval(secs => $4 / 1000.0) FROM users u WHERE u.id = $2`,
    [hashSessionId(sessionId), user.id, randomBytes(24).toString('base64url'), SESSION_IDLE_MS],
  );
  const session = await findSession(db, sessionId);
  if (!session) throw unauthorized('the session could not be started; try again', { code: 'login_failed' });
  return { sessionId, session };
}

async function checkLoginLimit(
  db: Queryable,
  keys: { email: string; address: string },
  limits: LoginLimits,
): Promise<void> {
  const [row] = await db.query<{
    by_email: number;
    by_address: number;
    email_wait: number;
    address_wait: number;
  }>(
    `SELECT count(*) FILTER (WHERE key = $1)::int AS by_email, count(*) FILTER (WHERE key = $2)::int AS by_address,
            ceil(extract(epoch FROM min(at) FILTER (WHERE key = $1) + make_interval(secs => $3 / 1000.0) - now()))::int AS email_wait,
            ceil(extract(epoch FROM min(at) FILTER (WHERE key = $2) + make_interval(secs => $3 / 1000.0) - now()))::int AS address_wait
       FROM login_failures WHERE key IN ($1, $2) AND at > now() - make_interval(secs => $3 / 1000.0)`,
    [keys.email, keys.address, limits.windowMs],
  );
  const blocked =
    row!.by_email >= limits.perEmail
      ? row!.email_wait
      : row!.by_address >= limits.perAddress
        ? row!.address_wait
        : 0;
  if (blocked > 0 || row!.by_email >= limits.perEmail || row!.by_address >= limits.perAddress) {
    const seconds = Math.max(1, blocked);
    throw rateLimited(`too many failed logins; try again in ${seconds} seconds`, {
      code: 'login_rate_limited',
      retryAfter: seconds,
    });
  }
}

async function recordFailure(
  db: Queryable,
  keys: { email: string; address: string },
  limits: LoginLimits,
): Promise<void> {
  await db.query(
    'DELETE FROM login_failures WHERE key IN ($1, $2) AND at < now() - make_interval(secs => $3 / 1000.0)',
    [keys.email, keys.address, limits.windowMs],
  );
  await db.query('INSERT INTO login_failures (key) VALUES ($1), ($2)', [keys.email, keys.address]);
}

/** The live session with this id (from the cookie), its expiry slid forward when due. */
export async function findSession(db: Queryable, sessionId: string): Promise<Session | undefined> {
  if (!looksLikeSessionId(sessionId)) return undefined;
  const idHash = hashSessionId(sessionId);
  const [row] = await db.query<SessionRow>(
    `SELECT s.user_id, u.email, u.role, s.account_id, a.name AS account_name, s.csrf_token, s.expires_at, s.last_seen_at
       FROM sessions s JOIN users u ON u.id = s.user_id JOIN accounts a ON a.id = s.account_id
      WHERE s.id_hash = $1 AND s.expires_at > now()`,
    [idHash],
  );
  if (!row) return undefined;
  let expiresAt = row.expires_at;
  if (Date.now() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    const [touched] = await db.query<{ expires_at: Date }>(
      `UPDATE sessions SET last_seen_at = now(),
              expires_at = least(created_at + make_interval(secs => $2 / 1000.0), now() + make_interval(secs => $3 / 1000.0))
        WHERE id_hash = $1 RETURNING expires_at`,
      [idHash, SESSION_MAX_MS, SESSION_IDLE_MS],
    );
    expiresAt = touched?.expires_at ?? expiresAt;
  }
  return {
    user: {
      id: row.user_id,
      email: row.email,
      role: row.role,
      accountId: row.account_id,
      accountName: row.account_name,
    },
    csrfToken: row.csrf_token,
    expiresAt,
  };
}

export async function logout(db: Queryable, sessionId: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE id_hash = $1', [hashSessionId(sessionId)]);
}

/** Ends every session of a user (a removed user, a changed password). */
export async function endSessionsOf(db: Queryable, userId: number): Promise<void> {
  await db.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
}

export function csrfMatches(session: Session, given: string | undefined): boolean {
  if (!given) return false;
  const expected = Buffer.from(session.csrfToken);
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
