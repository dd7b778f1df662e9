import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { callerOf } from '../core/guard.ts';
import type { MlDeps } from './deps.ts';
import { judgeByStatus } from './deps.ts';
import { mlBadRequest, mlForbidden, sendMlError } from './errors.ts';
import { ML_NOTIFICATIONS } from './facts.ts';
import { integerParam } from './search.ts';

interface FeedQuery {
  app_id?: string;
  topic?: string;
  site_id?: string;
  offset?: string;
  limit?: string;
}

/** `GET /missed_feeds?app_id=…` [doc via 2nd]: notifications whose retries all failed. */
function missedFeeds(deps: MlDeps, request: FastifyRequest, reply: FastifyReply) {
  const query = request.query as FeedQuery;
  const grant = callerOf(request);
  if (query.app_id === undefined) return sendMlError(reply, mlBadRequest('app_id is required'));
  if (query.app_id !== grant.appId)
    return sendMlError(reply, mlForbidden('The token does not belong to this app'));
  if (query.topic === 'items' && query.site_id === undefined) {
    return sendMlError(reply, mlBadRequest('site_id is required for topic items'));
  }
  const offset = integerParam(query.offset) ?? 0;
  const limit = integerParam(query.limit) ?? ML_NOTIFICATIONS.missedDefaultLimit;
  if (Number.isNaN(offset) || Number.isNaN(limit))
    return sendMlError(reply, mlBadRequest('invalid offset or limit'));
  return reply.send(deps.notifier.missed(query.app_id, query.topic, offset, limit));
}

export function registerMlFeeds(scope: FastifyInstance, deps: MlDeps): void {
  scope.get(
    '/missed_feeds',
    { config: { sim: { op: 'missed_feeds.get', auth: true } } },
    judgeByStatus(deps.conformance, 'missed_feeds.get', (request: FastifyRequest, reply: FastifyReply) =>
      missedFeeds(deps, request, reply),
    ),
  );
}
