import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../core/clock.ts';
import type { ConformanceLedger } from '../core/conformance.ts';
import type { DelayedQueue } from '../core/delayed-queue.ts';
import type { TokenStore } from '../core/oauth.ts';
import type { WriteLog } from '../core/write-log.ts';
import type { MgStore } from './store.ts';

export const MG_CHANNEL = 'magalu';

export interface MgSettings {
  applyDelayMs: number;
  invoiceValidationMs: number;
}

/** What Magalu's route handlers share. */
export interface MgDeps {
  readonly store: MgStore;
  readonly tokens: TokenStore;
  readonly clock: Clock;
  readonly writeLog: WriteLog;
  readonly conformance: ConformanceLedger;
  readonly queue: DelayedQueue;
  readonly settings: MgSettings;
}

export function logMgWrite(
  deps: MgDeps,
  operation: string,
  seller: string,
  target: string,
  status: number,
  body: unknown,
): void {
  deps.writeLog.append(MG_CHANNEL, operation, seller, target, status, body, deps.clock.now());
}

/** Absolute URL of this mount, for `links` (Magalu's are absolute [unverified]). */
export function mountUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.headers.host ?? 'localhost'}/${MG_CHANNEL}`;
}

/**
 * Records the verdict on a request whose only parameters are in its path and query (a GET): a 400
 * the route answered is the marketplace refusing its parameters, anything else fitted them.
 */
export function judgeByStatus<R extends FastifyRequest>(
  conformance: ConformanceLedger,
  operation: string,
  handler: (request: R, reply: FastifyReply) => unknown,
): (request: R, reply: FastifyReply) => unknown {
  return (request, reply) => {
    const result = handler(request, reply);
    const issues = reply.statusCode === 400 ? [{ path: '/query', message: 'refused with 400' }] : [];
    conformance.check(request, MG_CHANNEL, operation, issues);
    return result;
  };
}
