/**
 * Work applied "later" (Magalu's 202 writes, invoice validation): a FIFO drained by one timer,
 * instead of one timer per write. Entries keep their order, so a later write to the same SKU
 * always lands after an earlier one, even if the delay setting changes in between.
 */
export interface Delayed {
  readonly dueAt: number;
  apply(): void;
}

export class DelayedQueue {
  readonly #entries: Delayed[] = [];
  #head = 0;
  #timer: NodeJS.Timeout | null = null;

  get pending(): number {
    return this.#entries.length - this.#head;
  }

  push(entry: Delayed): void {
    this.#entries.push(entry);
    if (this.#timer === null) this.#arm(entry.dueAt);
  }

  /** Applies everything already due (tests and reads may call it; the timer does too). */
  drain(now = Date.now()): void {
    while (this.#head < this.#entries.length && this.#entries[this.#head]!.dueAt <= now) {
      const entry = this.#entries[this.#head]!;
      this.#head += 1;
      entry.apply();
    }
    // Compact once the consumed prefix dominates, keeping push O(1) amortised.
    if (this.#head > 1024 && this.#head * 2 > this.#entries.length) {
      this.#entries.splice(0, this.#head);
      this.#head = 0;
    }
  }

  #arm(dueAt: number): void {
    this.#timer = setTimeout(() => this.#tick(), Math.max(0, dueAt - Date.now()));
    this.#timer.unref();
  }

  #tick(): void {
    this.#timer = null;
    this.drain();
    const next = this.#entries[this.#head];
    if (next !== undefined) this.#arm(next.dueAt);
  }

  /** Drops what is pending (reset) and stops the timer. */
  clear(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#entries.length = 0;
    this.#head = 0;
  }
}
