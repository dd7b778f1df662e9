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
