/**
 * A small closed-loop HTTP load generator (undici, keep-alive): `concurrency` callers each send
 * their next request as soon as the previous answer arrives, for `seconds`. Counts answers by status.
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

export interface LoadOptions {
  origin: string;
  concurrency: number;
  seconds: number;
  /** Builds request i: method, path, headers, body. */
  request: (i: number) => {
    method: 'PUT' | 'POST' | 'GET';
    path: string;
    headers: Record<string, string>;
    body?: string;
  };
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const pool = new Pool(options.origin, { connections: options.concurrency, pipelining: 1 });
  const statuses: Record<number, number> = {};
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const caller = async () => {
    while (performance.now() < deadline) {
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
