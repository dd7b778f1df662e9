import type { FastifyRequest } from 'fastify';
import type { Clock } from '../core/clock.ts';
import type { ConformanceLedger } from '../core/conformance.ts';
import type { ChannelFaults } from '../core/faults.ts';
import type { TokenStore } from '../core/oauth.ts';
import type { ChannelLimits } from '../core/rate-limit.ts';
import type { WriteLog } from '../core/write-log.ts';
import type { AmLater } from './later.ts';
import type { AmStore } from './store.ts';
import type { RestrictedTokens } from './tokens.ts';

export const AM_CHANNEL = 'amazon';

/** What the control API can change at run time (`/_control/amazon/settings`). */
export interface AmSettings {
  applyDelayMs: number;
  feedQueueMs: number;
  feedProcessingMs: number;
  /** Processing reports stored GZIP-compressed (`compressionAlgorithm: "GZIP"`), as Amazon may. */
  compressReports: boolean;
  /** The Orders API v2026-01-01 is deployed (false: its paths answer 404, as where only v0 is). */
  orders2026: boolean;
}

/** What Amazon's route handlers share. */
export interface AmDeps {
  readonly store: AmStore;
  readonly tokens: TokenStore;
  readonly clock: Clock;
  readonly writeLog: WriteLog;
  readonly conformance: ConformanceLedger;
  readonly faults: ChannelFaults;
  readonly limits: ChannelLimits;
  readonly later: AmLater;
  readonly settings: AmSettings;
  /** Restricted Data Tokens issued (tokens.ts). */
  readonly rdt: RestrictedTokens;
}

export function logAmWrite(
  deps: AmDeps,
  operation: string,
  seller: string,
  target: string,
  status: number,
  body: unknown,
): void {
  deps.writeLog.append(AM_CHANNEL, operation, seller, target, status, body, deps.clock.now());
}

/** Applies the accepted patches and finishes the feeds the clock says are due. */
export function settle(deps: AmDeps): void {
  if (deps.later.pending > 0) deps.later.settle(deps.clock.now());
}

/** Absolute URL of this mount (presigned URLs point back at the simulator). */
export function mountUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.headers.host ?? 'localhost'}/${AM_CHANNEL}`;
}
