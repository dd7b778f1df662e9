/**
 * The log of every write a marketplace received, as a fixed-size ring: memory stays bounded
 * at any write rate, and the slots are reused in place so a write allocates nothing here.
 */
export interface WriteEntry {
  seq: number;
  at: number;
  channel: string;
  operation: string;
  seller: string;
  target: string;
  status: number;
  body: unknown;
}

export interface WriteQuery {
  readonly channel?: string;
  readonly target?: string;
  /** Only entries with a sequence number above this one. */
  readonly since?: number;
  readonly limit?: number;
}

export interface WritePage {
  entries: Array<Omit<WriteEntry, 'at'> & { at: string }>;
  /** Pass as `since` to read on from here. */
  next_since: number;
  /** The oldest sequence number still held: anything below it was dropped by the cap. */
  oldest_seq: number;
  last_seq: number;
}

export class WriteLog {
  readonly #capacity: number;
  readonly #slots: WriteEntry[] = [];
  #nextSeq = 1;

  constructor(capacity: number) {
    this.#capacity = Math.max(1, capacity);
  }

  get lastSeq(): number {
    return this.#nextSeq - 1;
  }

  append(
    channel: string,
    operation: string,
    seller: string,
    target: string,
    status: number,
    body: unknown,
    at: number,
  ): void {
    const seq = this.#nextSeq++;
    const index = (seq - 1) % this.#capacity;
    const slot = this.#slots[index];
    if (slot === undefined) {
      this.#slots[index] = { seq, at, channel, operation, seller, target, status, body };
      return;
    }
    slot.seq = seq;
    slot.at = at;
    slot.channel = channel;
    slot.operation = operation;
    slot.seller = seller;
    slot.target = target;
    slot.status = status;
    slot.body = body;
  }

  query(query: WriteQuery): WritePage {
    const oldest = Math.max(1, this.#nextSeq - this.#capacity);
    const limit = query.limit ?? 1000;
    const entries: WritePage['entries'] = [];
    let seq = Math.max(oldest, (query.since ?? 0) + 1);
    let lastSeen = Math.max(query.since ?? 0, oldest - 1);
    for (; seq < this.#nextSeq && entries.length < limit; seq++) {
      const entry = this.#slots[(seq - 1) % this.#capacity]!;
      lastSeen = seq;
      if (query.channel !== undefined && entry.channel !== query.channel) continue;
      if (query.target !== undefined && entry.target !== query.target) continue;
      entries.push({ ...entry, at: new Date(entry.at).toISOString() });
    }
    return { entries, next_since: lastSeen, oldest_seq: oldest, last_seq: this.#nextSeq - 1 };
  }

  clear(): void {
    this.#slots.length = 0;
    this.#nextSeq = 1;
  }
}
