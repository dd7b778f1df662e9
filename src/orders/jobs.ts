/**
 * The worker side of orders beyond imports (which are sync runs, see worker.ts): relaying the
 * ERP's status changes to the marketplaces. Tidying (reservations a stock push has ended, old
 * relays) is cluster-wide housekeeping, scheduled once per cluster in worker.ts.
 */
import type { Cipher } from '../connections/cipher.ts';
import type { Db } from '../db/db.ts';
import { every } from '../webhooks/jobs.ts';
import { type RelayLimits, relayDue } from './relay.ts';

export interface OrderWorkerDeps {
  db: Db;
  cipher: Cipher;
  onError: (error: unknown) => void;
  relayEveryMs?: number | undefined;
  relayLimits?: Partial<RelayLimits> | undefined;
}

/** Relays that ended over 30 days ago are dropped; the order's history keeps what happened. */
export async function purgeFinishedRelays(db: Db, days = 30): Promise<number> {
  const rows = await db.query(
    `DELETE FROM order_relays WHERE status <> 'pending' AND finished_at < now() - make_interval(days => $1) RETURNING id`,
    [days],
  );
  return rows.length;
}

export function startOrderWorker(deps: OrderWorkerDeps): { stop(): Promise<void> } {
  const relayDeps = { db: deps.db, cipher: deps.cipher, limits: deps.relayLimits };
  const loops = [
    every(
      deps.relayEveryMs ?? 1_000,
      async () => {
        // Keep going while a full batch came back: a backlog drains at once, not one batch a second.
        while ((await relayDue(relayDeps)).length >= (deps.relayLimits?.batch ?? 20));
      },
      deps.onError,
    ),
  ];
  return {
    async stop() {
      await Promise.all(loops.map((l) => l.stop()));
    },
  };
}
