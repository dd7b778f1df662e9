/**
 * One run at a time per (connection, resource), across processes (DESIGN §3.8): a run holds a
 * lease row it renews as it goes. A crashed holder stops renewing, and when the lease ends another
 * worker may take over and resume where the state says (pending listings are still pending).
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/db.ts';

/** How long a lease lasts without renewal; CAIS_SYNC_LEASE_SECONDS changes it (tests shorten it). */
export const DEFAULT_LEASE_MS = 30_000;

/** This process's name in lease rows. */
export const processHolder = `${process.pid}-${randomUUID().slice(0, 8)}`;

export async function acquireLease(
  db: Queryable,
  target: { connectionId: number; resource: string },
  holder: string,
  leaseMs = DEFAULT_LEASE_MS,
): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO sync_leases (connection_id, resource, holder, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(secs => $4 / 1000.0))
     ON CONFLICT (connection_id, resource) DO UPDATE
       SET holder = excluded.holder, expires_at = excluded.expires_at
       WHERE sync_leases.expires_at < now() OR sync_leases.holder = excluded.holder
     RETURNING holder`,
    [target.connectionId, target.resource, holder, leaseMs],
  );
  return rows.length > 0;
}

/** Extends the lease; false when it was lost (expired and taken), and the run must stop. */
export async function renewLease(
  db: Queryable,
  target: { connectionId: number; resource: string },
  holder: string,
  leaseMs = DEFAULT_LEASE_MS,
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE sync_leases SET expires_at = now() + make_interval(secs => $4 / 1000.0)
      WHERE connection_id = $1 AND resource = $2 AND holder = $3 RETURNING holder`,
    [target.connectionId, target.resource, holder, leaseMs],
  );
  return rows.length > 0;
}

export async function releaseLease(
  db: Queryable,
  target: { connectionId: number; resource: string },
  holder: string,
): Promise<void> {
  await db.query('DELETE FROM sync_leases WHERE connection_id = $1 AND resource = $2 AND holder = $3', [
    target.connectionId,
    target.resource,
    holder,
  ]);
}

export async function leaseHolder(
  db: Queryable,
  target: { connectionId: number; resource: string },
): Promise<string | undefined> {
  const [row] = await db.query<{ holder: string }>(
    'SELECT holder FROM sync_leases WHERE connection_id = $1 AND resource = $2 AND expires_at > now()',
    [target.connectionId, target.resource],
  );
  return row?.holder;
}
