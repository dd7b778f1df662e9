/**
 * Work Amazon does "later" (accepted patches, feed processing), applied lazily: every read
 * settles what the simulator clock says is due. No timers: advancing the clock through the
 * control API moves feeds along, and a run under one seed is the same run every time.
 */
export interface Due {
  readonly dueAt: number;
  apply(): void;
}

/** FIFO, so a later patch of a SKU never lands before an earlier one, even if the delay changes. */
class DueQueue {
  readonly #entries: Due[] = [];
  #head = 0;

  get pending(): number {
    return this.#entries.length - this.#head;
  }

  push(entry: Due): void {
    this.#entries.push(entry);
  }

  peek(): Due | undefined {
    return this.#entries[this.#head];
  }

  shift(): void {
    this.#head += 1;
    // Compact once the consumed prefix dominates, keeping push O(1) amortised.
    if (this.#head > 1024 && this.#head * 2 > this.#entries.length) {
      this.#entries.splice(0, this.#head);
      this.#head = 0;
    }
  }

  clear(): void {
    this.#entries.length = 0;
    this.#head = 0;
  }
}

export class AmLater {
  readonly patches = new DueQueue();
  readonly feeds = new DueQueue();

  get pending(): number {
    return this.patches.pending + this.feeds.pending;
  }

  /** Applies everything due by `now`, patches and feeds interleaved in due order. */
  settle(now: number): void {
    for (;;) {
      const patch = this.patches.peek();
      const feed = this.feeds.peek();
      const patchDue = patch !== undefined && patch.dueAt <= now;
      const feedDue = feed !== undefined && feed.dueAt <= now;
      if (!patchDue && !feedDue) return;
      if (patchDue && (!feedDue || patch.dueAt <= feed!.dueAt)) {
        this.patches.shift();
        patch.apply();
      } else {
        this.feeds.shift();
        feed!.apply();
      }
    }
  }

  clear(): void {
    this.patches.clear();
    this.feeds.clear();
  }
}
