/**
 * A `catalog` run: listings still waiting to be connected (yellow) are tried again: published
 * when the first attempt failed for a passing reason, or checked at the marketplace when it was
 * reviewing them. Marketplaces freeze title, images and description once a listing is live, so
 * the catalog run relays no product data after connection. It runs under the one run lifecycle
 * (lifecycle.ts), whose keep-alive holds the lease however long the marketplace takes.
 */

import { isChannelError } from '../channels/errors.ts';
import { adapterFor } from '../channels/registry.ts';
import type { Cipher } from '../connections/cipher.ts';
import { channelContext } from '../connections/connections.ts';
import type { Db } from '../db/db.ts';
import { isCaisError } from '../errors.ts';
import { connectProduct } from '../listings/listings.ts';
import { listingsOfConnection, saveListing } from '../listings/queries.ts';
import { type LifecycleDeps, type RunAttempt, withRun } from './lifecycle.ts';
import type { RunCounts, RunStatus, Trigger } from './runs.ts';

export interface CatalogResult {
  runId: number | undefined;
  status: RunStatus | 'busy';
  counts: RunCounts;
}

export async function runCatalog(
  deps: LifecycleDeps & {
    cipher: Cipher;
    signal?: AbortSignal | undefined;
    limits?: { leaseMs?: number } | undefined;
  },
  job: { connectionId: number; trigger: Trigger; scheduleId?: number | undefined },
): Promise<CatalogResult> {
  const attempted = await withRun(
    deps,
    { ...job, resource: 'catalog', leaseMs: deps.limits?.leaseMs, signal: deps.signal },
    (run) => connectWaiting(deps, run),
  );
  if (attempted.status === 'missing' || attempted.status === 'busy')
    return {
      runId: undefined,
      status: attempted.status === 'busy' ? 'busy' : 'skipped',
      counts: emptyCounts(),
    };
  return { runId: attempted.runId, status: attempted.status, counts: attempted.run.counts };
}

const emptyCounts = (): RunCounts => ({ considered: 0, sent: 0, confirmed: 0, failed: 0 });

/** Yellow listings, 100 at a time: published again, or checked at the marketplace. */
async function connectWaiting(deps: { db: Db; cipher: Cipher }, run: RunAttempt): Promise<RunStatus> {
  const { connection, counts } = run;
  const adapter = adapterFor(connection.channel);
  const ctx = channelContext(deps, connection, run.signal);
  let afterId: number | undefined;
  for (;;) {
    if (run.stopped) return 'interrupted';
    const waiting = await listingsOfConnection(deps.db, connection.account_id, connection.id, {
      flag: 'yellow',
      afterId,
      limit: 100,
    });
    if (waiting.length === 0) break;
    afterId = waiting.at(-1)!.id;
    for (const listing of waiting) {
      if (run.stopped) return 'interrupted';
      counts.considered++;
      try {
        if (!listing.external_id) {
          const views = await connectProduct(deps, connection.account_id, listing.sku, connection.id, {
            signal: run.signal,
          });
          if (views.some((v) => v.flag === 'green')) counts.sent++;
          else counts.failed++;
          continue;
        }
        const live = await adapter.readListing(ctx, {
          externalId: listing.external_id,
          externalVariationId: listing.external_variation_id ?? undefined,
          sku: listing.sku,
        });
        if (live.status === 'active') {
          await saveListing(deps.db, {
            accountId: connection.account_id,
            connectionId: connection.id,
            productId: listing.product_id,
            role: listing.role,
            flag: 'green',
          });
          counts.confirmed++;
        }
      } catch (error) {
        // One listing's refusal (a marketplace error, a product gone) is counted; bugs surface.
        if (run.stopped || (!isChannelError(error) && !isCaisError(error))) throw error;
        counts.failed++;
      }
    }
  }
  if (counts.failed === 0) return 'succeeded';
  return counts.sent + counts.confirmed > 0 ? 'partial' : 'failed';
}
