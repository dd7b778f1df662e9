/**
 * The simulator's clock: wall time plus an offset the control API can advance, so a test can
 * expire a 6-hour token or a 2-day missed-feed retention without waiting.
 */
export class Clock {
  readonly #source: () => number;
  #offset = 0;

  constructor(source: () => number = Date.now) {
    this.#source = source;
  }

  now(): number {
    return this.#source() + this.#offset;
  }

  get offsetMs(): number {
    return this.#offset;
  }

  advance(ms: number): void {
    this.#offset += ms;
  }

  reset(): void {
    this.#offset = 0;
  }
}
