/**
 * SkyHub's `GET /sale_systems` (the official SDK's SystemHandler calls it): the account's sale
 * systems, i.e. the marketplaces it sells on through Cais. A plain array like `/statuses` and
 * `/sync_errors/categories` [unverified: no documented sample of this response was found]; each
 * `code` is what `GET /orders?filters[sale_system]=` takes.
 */
import type { FastifyRequest } from 'fastify';
import { listConnections } from '../connections/queries.ts';
import type { Db } from '../db/db.ts';
import { channelLabel } from '../orders/shape.ts';
import { sellerSecurity } from './schemas.ts';
import type { SellerApi } from './seller-api.ts';
import { principalOf } from './seller-auth.ts';

export function saleSystemRoutes(api: SellerApi, deps: { db: Db }): void {
  const account = (request: FastifyRequest) => principalOf(request).accountId;
  api.get(
    '/sale_systems',
    { schema: { tags: ['Orders'], summary: "The account's marketplaces", security: sellerSecurity } },
    async (request) => {
      const connections = await listConnections(deps.db, account(request));
      const seen = new Map<string, { code: string; name: string; channel: string; connections: number }>();
      for (const c of connections) {
        const label = channelLabel(c.channel);
        const entry = seen.get(label) ?? { code: label, name: label, channel: c.channel, connections: 0 };
        entry.connections += 1;
        seen.set(label, entry);
      }
      return [...seen.values()];
    },
  );
}
