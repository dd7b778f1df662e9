/**
 * One run at a time per (connection, resource), across processes (DESIGN §3.8): a run attempt
 * holds a lease row it renews as it goes. The holder is the attempt, never the process: two runs
 * in one process (a manual sync beside a scheduled run) are two holders, and only one gets the
 * lease. A crashed holder stops renewing, and when the lease ends another attempt may take over
 * and resume where the state says (pending listings are still pending).
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/db.ts';

/** How long a lease lasts without renewal; CAIS_SYNC_LEASE_SECONDS changes it (tests shorten it). */
export const DEFAULT_LEASE_MS = 30_000;

export interface LeaseTarget {
  connectionId: number;
  resource: string;
}

/** A run attempt's lease: what its fenced writes name (see `fencedBy`). */
export interface Fence extends LeaseTarget {
  holder: string;
}

/** A fresh holder name for one run attempt. */
export function newHolder(): string {
  return `${process.pid}-${randomUUID()}`;
}

/**
 * The SQL condition that fences a write: true only while `fence` still holds its lease. Parameters
 * $n, $n+1, $n+2 are the fence's connection id, resource and holder (see `fenceParams`). A run
 * that lost its lease (taken over after it stalled) can no longer record anything, so a late
 * answer cannot overwrite what the new holder recorded.
 */
export function fencedBy(n: number): string {
  return `EXISTS (SELECT 1 FROM sync_leases f WHERE f.connection_id = $${n} AND f.resource = $${n + 1} AND f.holder = $${n + 2})`;
}

export function fenceParams(fence: Fence): [number, string, string] {
  return [fence.connectionId, fence.resource, fence.holder];
}

export async function acquireLease(
  db: Queryable,
  target: LeaseTarget,
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
  target: LeaseTarget,
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

/** Inside a transaction: locks the lease row while `fence` holds it; false when it was lost. */
export async function holdLease(db: Queryable, fence: Fence): Promise<boolean> {
  const rows = await db.query(
    'SELECT 1 FROM sync_leases WHERE connection_id = $1 AND resource = $2 AND holder = $3 FOR SHARE',
    fenceParams(fence),
  );
  return rows.length > 0;
}

export async function releaseLease(db: Queryable, target: LeaseTarget, holder: string): Promise<void> {
  await db.query('DELETE FROM sync_leases WHERE connection_id = $1 AND resource = $2 AND holder = $3', [
    target.connectionId,
    target.resource,
    holder,
  ]);
}

export async function leaseHolder(db: Queryable, target: LeaseTarget): Promise<string | undefined> {
  const [row] = await db.query<{ holder: string }>(
    'SELECT holder FROM sync_leases WHERE connection_id = $1 AND resource = $2 AND expires_at > now()',
    [target.connectionId, target.resource],
  );
  return row?.holder;
}
