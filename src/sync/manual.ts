/**
 * Manual sync of one product (DESIGN §3.11): its current stock and price go to its green listings
 * now, whatever the schedules say. It runs as a run limited to the product, through the same
 * lifecycle and lease as any run (its own holder, even beside a run in this process), so it can
 * never race a scheduled run into sending an older value last. When a run holds the lease, the
 * product is marked owed and that run delivers it.
 */
import { catalogItem } from '../catalog/for-channel.ts';
import { limiterFor } from '../channels/rate-limiter.ts';
import type { Cipher } from '../connections/cipher.ts';
import type { Db } from '../db/db.ts';
import { rateLimited, unprocessable } from '../errors.ts';
import { listingsOfProducts, oweSends } from '../listings/queries.ts';
import type { SyncResource } from './queries.ts';
import { type RunnerDeps, runSync } from './runner.ts';

// Per account, across every API process (the bucket is in PostgreSQL): 10 at once, then one
// every 2 seconds. Generous for a person, tight for a loop.
const manualRate = { perSecond: 0.5, burst: 10 };

export interface ManualOutcome {
  sku: string;
  connection_id: number;
  resource: SyncResource;
  outcome: 'sent' | 'failed' | 'queued';
  run_id?: number | undefined;
  error?: { code: string; message: string; hint?: string | undefined } | undefined;
}

export async function syncProductNow(
  deps: RunnerDeps & { db: Db; cipher: Cipher },
  accountId: number,
  sku: string,
  onlyConnectionId?: number,
): Promise<ManualOutcome[]> {
  const wait = await limiterFor(deps.db).wouldWait(`manual:${accountId}`, manualRate);
  if (wait > 0) {
    throw rateLimited(`manual sync is limited to ${manualRate.burst} at once and one every 2 s per account`, {
      retryAfter: Math.ceil(wait / 1000),
      code: 'manual_sync_rate_limited',
      params: { seconds: Math.ceil(wait / 1000) },
    });
  }
  const item = await catalogItem(deps.db, accountId, sku);
  const productIds = [item.row.id, ...item.variations.map((v) => v.id)];
  const listings = (await listingsOfProducts(deps.db, accountId, productIds)).filter(
    (l) =>
      l.flag === 'green' &&
      l.role === 'item' &&
      (onlyConnectionId === undefined || l.connection_id === onlyConnectionId),
  );
  if (listings.length === 0) {
    throw unprocessable(
      `sku ${sku} has no connected (green) listing${onlyConnectionId ? ` on connection ${onlyConnectionId}` : ''}; connect it first`,
      { code: 'not_connected', params: { sku } },
    );
  }
  const outcomes: ManualOutcome[] = [];
  for (const connectionId of new Set(listings.map((l) => l.connection_id))) {
    for (const resource of ['stock', 'price'] as const) {
      await oweSends(deps.db, productIds, resource, connectionId);
      const run = await runSync(deps, { connectionId, resource, trigger: 'manual', productIds });
      const mine = listings.filter((l) => l.connection_id === connectionId);
      for (const l of mine) {
        const failure = run.failures.find((f) => f.listingId === l.id);
        const sent = run.delivered.some((d) => d.listingId === l.id);
        outcomes.push({
          sku: l.sku,
          connection_id: connectionId,
          resource,
          run_id: run.runId,
          outcome: run.status === 'busy' ? 'queued' : failure ? 'failed' : sent ? 'sent' : 'queued',
          error: failure && {
            code: failure.error.code,
            message: failure.error.marketplaceMessage,
            hint: failure.error.hint,
          },
        });
      }
    }
  }
  return outcomes;
}
