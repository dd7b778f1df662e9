/**
 * SkyHub's `GET /sale_systems` (the official SDK's SystemHandler calls it): the account's sale
 * systems, i.e. the marketplaces it sells on through Cais. A plain array like `/statuses` and
 * `/sync_errors/categories` [unverified: no documented sample of this response was found]; each
 * `code` is what `GET /orders?filters[sale_system]=` takes.
 */
import type { FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { listConnections } from '../connections/queries.ts';
import type { Db } from '../db/db.ts';
import { channelLabel } from '../orders/shape.ts';
import { SaleSystem } from './contract/catalog.ts';
import { errorResponses, withExample } from './contract/common.ts';
import { sellerSecurity } from './schemas.ts';
import type { SellerApi } from './seller-api.ts';
import { principalOf } from './seller-auth.ts';

export function saleSystemRoutes(api: SellerApi, deps: { db: Db }): void {
  const account = (request: FastifyRequest) => principalOf(request).accountId;
  api.get(
    '/sale_systems',
    {
      schema: {
        operationId: 'listSaleSystems',
        tags: ['Orders'],
        summary: "The account's marketplaces",
        security: sellerSecurity,
        response: {
          200: withExample(Type.Array(SaleSystem), [
            { code: 'Mercado Livre', name: 'Mercado Livre', channel: 'mercadolivre', connections: 1 },
          ]),
          // Any query parameter with a NUL is refused (400), declared or not.
          ...errorResponses(400),
        },
      },
    },
    async (request) => {
      const connections = await listConnections(deps.db, account(request));
      const seen = new Map<string, Static<typeof SaleSystem>>();
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
