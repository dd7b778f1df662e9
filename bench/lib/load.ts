/**
 * A small closed-loop HTTP load generator (undici, keep-alive): `concurrency` callers each send
 * their next request as soon as the previous answer arrives, for `seconds` (runLoad) or until
 * `total` requests were answered (runCount). Counts answers by status.
 */
import { Pool } from 'undici';

export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  statuses: Record<number, number>;
  p50Ms: number;
  p99Ms: number;
}

export interface RequestSpec {
  method: 'PUT' | 'POST' | 'GET';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoadOptions {
  origin: string;
  concurrency: number;
  seconds: number;
  /** Builds request i: method, path, headers, body. */
  request: (i: number) => RequestSpec;
}

async function drive(
  options: Omit<LoadOptions, 'seconds'>,
  more: (next: number) => boolean,
): Promise<LoadResult> {
  const pool = new Pool(options.origin, { connections: options.concurrency, pipelining: 1 });
  const statuses: Record<number, number> = {};
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const caller = async () => {
    while (more(next)) {
      const spec = options.request(next++);
      const t0 = performance.now();
      const res = await pool.request(spec);
      await res.body.dump();
      latencies.push(performance.now() - t0);
      statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, caller));
  const seconds = (performance.now() - started) / 1000;
  await pool.close();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    requests: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    statuses,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
  };
}

export function runLoad(options: LoadOptions): Promise<LoadResult> {
  const deadline = performance.now() + options.seconds * 1000;
  return drive(options, () => performance.now() < deadline);
}

export function runCount(options: Omit<LoadOptions, 'seconds'> & { total: number }): Promise<LoadResult> {
  return drive(options, (next) => next < options.total);
}

/** Answers other than `ok`, by status: what a measure must report as failures. */
export function unexpected(result: LoadResult, ok: number): [string, number][] {
  return Object.entries(result.statuses).filter(([code]) => Number(code) !== ok);
}
