import type { Draw, RandomStreams } from './random.ts';

/** A fault rule as the control API takes it (snake_case, like the rest of the control API). */
export interface FaultSpec {
  /** Probability of answering a 5xx with the marketplace's body. */
  readonly error_rate?: number;
  /** The 5xx status to answer (500 by default). */
  readonly error_status?: number;
  /** Probability of answering 429; 1 is a storm. */
  readonly rate_limit_rate?: number;
  /** Probability of never answering, until the client gives up. */
  readonly timeout_rate?: number;
  /** Added before the call is handled (also before a timeout or an error). */
  readonly latency_ms?: number;
  /** Probability that one entry of a batch fails on its own (where the marketplace has batches). */
  readonly partial_failure_rate?: number;
  /** The rule covers only the next `count` matching calls, then removes itself. */
  readonly count?: number;
}

export type FaultOutcome = 'pass' | 'error' | 'rate_limit' | 'timeout';

export interface FaultDecision {
  readonly outcome: FaultOutcome;
  readonly latencyMs: number;
  readonly status: number;
}

interface FaultRule {
  readonly spec: FaultSpec;
  remaining: number;
  readonly draw: Draw;
}

/** `*` covers every operation of the channel that has no rule of its own. */
export const ANY_OPERATION = '*';

export class ChannelFaults {
  readonly #channel: string;
  readonly #random: RandomStreams;
  readonly #rules = new Map<string, FaultRule>();

  constructor(channel: string, random: RandomStreams) {
    this.#channel = channel;
    this.#random = random;
  }

  /** Checked first on every call, so a simulator without faults pays one property read. */
  get active(): boolean {
    return this.#rules.size > 0;
  }

  set(operation: string, spec: FaultSpec): void {
    const draw = this.#random.restart(`fault:${this.#channel}:${operation}`);
    this.#rules.set(operation, { spec, remaining: spec.count ?? Number.POSITIVE_INFINITY, draw });
  }

  clear(operation?: string): void {
    if (operation === undefined) this.#rules.clear();
    else this.#rules.delete(operation);
  }

  list(): Record<string, FaultSpec & { remaining: number | null }> {
    const out: Record<string, FaultSpec & { remaining: number | null }> = {};
    for (const [operation, rule] of this.#rules) {
      out[operation] = { ...rule.spec, remaining: Number.isFinite(rule.remaining) ? rule.remaining : null };
    }
    return out;
  }

  /** Decides the fate of one call; null when no rule covers the operation. */
  decide(operation: string): FaultDecision | null {
    const key = this.#rules.has(operation) ? operation : ANY_OPERATION;
    const rule = this.#rules.get(key);
    if (rule === undefined) return null;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.#rules.delete(key);
    const { spec } = rule;
    const latencyMs = spec.latency_ms ?? 0;
    const status = spec.error_status ?? 500;
    // One draw split into bands keeps the schedule reproducible whatever mix of rates is set.
    const roll = rule.draw();
    const timeoutBand = spec.timeout_rate ?? 0;
    const errorBand = timeoutBand + (spec.error_rate ?? 0);
    const limitBand = errorBand + (spec.rate_limit_rate ?? 0);
    let outcome: FaultOutcome = 'pass';
    if (roll < timeoutBand) outcome = 'timeout';
    else if (roll < errorBand) outcome = 'error';
    else if (roll < limitBand) outcome = 'rate_limit';
    return { outcome, latencyMs, status };
  }

  /** For batch endpoints: whether one entry fails on its own. Draws from its own stream. */
  entryFails(operation: string): boolean {
    const rule = this.#rules.get(operation) ?? this.#rules.get(ANY_OPERATION);
    const rate = rule?.spec.partial_failure_rate ?? 0;
    if (rate <= 0) return false;
    return this.#random.stream(`partial:${this.#channel}:${operation}`)() < rate;
  }
}
