/**
 * A `catalog` run: listings still waiting to be connected (yellow) are tried again: published
 * when the first attempt failed for a passing reason, or checked at the marketplace when it was
 * reviewing them. Marketplaces freeze title, images and description once a listing is live, so
 * the catalog run relays no product data after connection.
 */

import { isChannelError } from '../channels/errors.ts';
import { adapterFor } from '../channels/registry.ts';
import type { Cipher } from '../connections/cipher.ts';
import { channelContext } from '../connections/connections.ts';
import { findConnectionById } from '../connections/queries.ts';
import type { Db } from '../db/db.ts';
import { isCaisError } from '../errors.ts';
import { connectProduct } from '../listings/listings.ts';
import { listingsOfConnection, saveListing } from '../listings/queries.ts';
import { finishRun, startRun, type Trigger } from './runs.ts';

export async function runCatalog(
  deps: { db: Db; cipher: Cipher },
  job: { connectionId: number; trigger: Trigger; scheduleId?: number | undefined },
): Promise<void> {
  const connection = await findConnectionById(deps.db, job.connectionId);
  if (!connection) return;
  const runId = await startRun(deps.db, {
    accountId: connection.account_id,
    connectionId: connection.id,
    resource: 'catalog',
    trigger: job.trigger,
    scheduleId: job.scheduleId,
  });
  const counts = { considered: 0, sent: 0, confirmed: 0, failed: 0 };
  if (connection.status !== 'active') {
    await finishRun(deps.db, runId, 'skipped', counts, `connection is ${connection.status}`);
    return;
  }
  const adapter = adapterFor(connection.channel);
  const ctx = channelContext(deps, connection);
  let afterId: number | undefined;
  for (;;) {
    const waiting = await listingsOfConnection(deps.db, connection.account_id, connection.id, {
      flag: 'yellow',
      afterId,
      limit: 100,
    });
    if (waiting.length === 0) break;
    afterId = waiting.at(-1)!.id;
    for (const listing of waiting) {
      counts.considered++;
      try {
        if (!listing.external_id) {
          const views = await connectProduct(deps, connection.account_id, listing.sku, connection.id);
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
        if (!isChannelError(error) && !isCaisError(error)) throw error;
        counts.failed++;
      }
    }
  }
  await finishRun(
    deps.db,
    runId,
    counts.failed === 0 ? 'succeeded' : counts.sent + counts.confirmed > 0 ? 'partial' : 'failed',
    counts,
  );
}
