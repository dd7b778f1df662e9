import type { Clock } from './clock.ts';
import type { ConformanceLedger } from './conformance.ts';
import type { RandomStreams } from './random.ts';
import type { LimitSwitch } from './rate-limit.ts';
import type { WriteLog } from './write-log.ts';

/** Settings the control API can change at run time, shared by every channel. */
export interface SharedSettings extends LimitSwitch {
  /** Send `Retry-After` on 429s. Off by default: no marketplace here documents it. */
  retryAfter: boolean;
}

/** What every channel receives from the server: shared services, no globals. */
export interface SimContext {
  readonly clock: Clock;
  readonly random: RandomStreams;
  readonly writeLog: WriteLog;
  /** Every validated request's verdict against the marketplace's definition. */
  readonly conformance: ConformanceLedger;
  readonly settings: SharedSettings;
}
