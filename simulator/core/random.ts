/**
 * Seeded pseudo-random streams. Every fault decision draws from a stream named after what it
 * decides (channel + operation), so a run under the same seed and the same call order per
 * operation fails exactly the same calls, whatever the interleaving between operations.
 */
export type Draw = () => number;

/** FNV-1a, 32 bits: spreads a seed string and a stream name into a PRNG state. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: tiny, fast, and good enough to decide which calls fail. Returns [0, 1). */
export function mulberry32(seed: number): Draw {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class RandomStreams {
  #seed: string;
  readonly #streams = new Map<string, Draw>();

  constructor(seed: string) {
    this.#seed = seed;
  }

  get seed(): string {
    return this.#seed;
  }

  /** The stream for `name`; the same name keeps drawing where it left off. */
  stream(name: string): Draw {
    let draw = this.#streams.get(name);
    if (draw === undefined) {
      draw = mulberry32(hashString(`${this.#seed}:${name}`));
      this.#streams.set(name, draw);
    }
    return draw;
  }

  /** A fresh stream for `name`, restarted from the seed (used when a fault rule is set again). */
  restart(name: string): Draw {
    this.#streams.delete(name);
    return this.stream(name);
  }

  reseed(seed: string): void {
    this.#seed = seed;
    this.#streams.clear();
  }
}
