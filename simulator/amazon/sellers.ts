import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { callerOf } from '../core/guard.ts';
import type { AmDeps } from './deps.ts';
import { AM_MARKETPLACES } from './facts.ts';
import { judgeAm } from './spec.ts';

/** `GET /sellers/v1/marketplaceParticipations` [SPM]: what a connector calls to check a fresh connection. */
function participations(deps: AmDeps, request: FastifyRequest, reply: FastifyReply) {
  judgeAm(deps.conformance, request, 'sellers.participations', null);
  const seller = deps.store.sellers.get(callerOf(request).sellerId);
  const payload = (seller?.marketplaceIds ?? []).flatMap((id) => {
    const market = AM_MARKETPLACES[id];
    if (market === undefined) return [];
    return [
      {
        marketplace: {
          id: market.id,
          countryCode: market.countryCode,
          name: market.name,
          defaultCurrencyCode: market.currency,
          defaultLanguageCode: market.language,
          domainName: market.domain,
        },
        participation: { isParticipating: true, hasSuspendedListings: false },
        storeName: seller?.name ?? '',
      },
    ];
  });
  return reply.send({ payload });
}

export function registerAmSellers(scope: FastifyInstance, deps: AmDeps): void {
  scope.get(
    '/sellers/v1/marketplaceParticipations',
    { config: { sim: { op: 'sellers.participations', auth: true } } },
    (request, reply) => participations(deps, request, reply),
  );
}
