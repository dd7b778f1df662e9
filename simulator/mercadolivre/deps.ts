import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../core/clock.ts';
import type { ConformanceLedger } from '../core/conformance.ts';
import type { ChannelFaults } from '../core/faults.ts';
import type { TokenStore } from '../core/oauth.ts';
import type { WriteLog } from '../core/write-log.ts';
import type { MlNotifier } from './notifications.ts';
import type { MlStore } from './store.ts';

export const ML_CHANNEL = 'mercadolivre';

/** What ML's route handlers share. */
export interface MlDeps {
  readonly store: MlStore;
  readonly tokens: TokenStore;
  readonly clock: Clock;
  readonly writeLog: WriteLog;
  readonly conformance: ConformanceLedger;
  readonly faults: ChannelFaults;
  readonly notifier: MlNotifier;
}

/** Appends to the write log under ML's channel name. */
export function logMlWrite(
  deps: MlDeps,
  operation: string,
  seller: string,
  target: string,
  status: number,
  body: unknown,
): void {
  deps.writeLog.append(ML_CHANNEL, operation, seller, target, status, body, deps.clock.now());
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
    conformance.check(request, ML_CHANNEL, operation, issues);
    return result;
  };
}
