import type { FastifyRequest } from 'fastify';
import type { Clock } from '../core/clock.ts';
import type { ConformanceLedger } from '../core/conformance.ts';
import type { ChannelFaults } from '../core/faults.ts';
import type { TokenStore } from '../core/oauth.ts';
import type { ChannelLimits } from '../core/rate-limit.ts';
import type { WriteLog } from '../core/write-log.ts';
import type { SpStore } from './store.ts';

export const SP_CHANNEL = 'shopee';
const MOUNT = `/${SP_CHANNEL}`;

/** What the control API can change at run time (`/_control/shopee/settings`). */
export interface SpSettings {
  /** Calls per (partner, shop) per UTC+8 day before `error_limit`; null: no quota. */
  dailyCallLimit: number | null;
  trackingDelayMs: number;
  /**
   * [unverified, fidelity S6] get_order_list's sort order is undocumented: oldest first by
   * default; `desc` lists newest first, so a test can prove an importer skips nothing either way.
   */
  orderListOrder: 'asc' | 'desc';
  /** How the shop's logistics channel ships (fidelity S3): what get_shipping_parameter asks for. */
  logisticsMode: 'pickup' | 'dropoff' | 'non_integrated';
}

/** What Shopee's route handlers share. */
export interface SpDeps {
  readonly store: SpStore;
  readonly tokens: TokenStore;
  readonly clock: Clock;
  readonly writeLog: WriteLog;
  readonly conformance: ConformanceLedger;
  readonly faults: ChannelFaults;
  readonly limits: ChannelLimits;
  readonly settings: SpSettings;
  /** The `request_id` of the next answer. */
  readonly requestId: () => string;
}

export function logSpWrite(
  deps: SpDeps,
  operation: string,
  seller: string,
  target: string,
  status: number,
  body: unknown,
): void {
  deps.writeLog.append(SP_CHANNEL, operation, seller, target, status, body, deps.clock.now());
}

/** The signed `api_path`: the route without the mount (Shopee routes have no path parameters). */
export function apiPath(request: FastifyRequest): string {
  return (request.routeOptions.url ?? request.url).slice(MOUNT.length);
}

export function nowSeconds(deps: SpDeps): number {
  return Math.floor(deps.clock.now() / 1000);
}

/** Sequential request ids shaped like Shopee's (32 hex characters). */
export function requestIds(): { next: () => string; reset: () => void } {
  let seq = 0;
  return {
    next: () => {
      seq += 1;
      return seq.toString(16).padStart(32, '0');
    },
    reset: () => {
      seq = 0;
    },
  };
}
