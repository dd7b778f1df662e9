import type { FastifyRequest } from 'fastify';
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
