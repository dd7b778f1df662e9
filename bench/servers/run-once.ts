/**
 * One sync run in a process of its own (a worker's job, without the queue around it), so the
 * benchmark measures its time and its peak memory alone. Reports over IPC and exits.
 *
 * BENCH_WARMUP_CONNECTION_ID: first a whole run of that connection (another seller's listings on
 * the same marketplace), unmeasured, as a worker that has been running for a while has done: its
 * code is compiled and optimised by V8 and its keep-alive sockets to the marketplace are open.
 * The measured run then costs what a run costs a long-lived worker, not a freshly started one's
 * compilation (see docs/BENCHMARKS.md, "## Sync"). The warm-up run's own figures are reported
 * too, as what a worker's first run after a start costs.
 */
import { Cipher } from '../../src/connections/cipher.ts';
import { openDb } from '../../src/db/open.ts';
import { type RunResult, runSync } from '../../src/sync/runner.ts';

const db = await openDb({ databaseUrl: process.env.DATABASE_URL, poolSize: 4 });
const cipher = new Cipher(Buffer.from(process.env.CAIS_SECRET_KEY ?? '', 'hex'));

async function timedRun(
  connectionId: number,
): Promise<{ result: RunResult; seconds: number; cpuMs: number }> {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const result = await runSync({ db, cipher }, { connectionId, resource: 'stock', trigger: 'manual' });
  const cpu = process.cpuUsage(cpuBefore);
  return { result, seconds: (performance.now() - started) / 1000, cpuMs: (cpu.user + cpu.system) / 1000 };
}

const warmupId = process.env.BENCH_WARMUP_CONNECTION_ID;
const warmup = warmupId ? await timedRun(Number(warmupId)) : undefined;
const profiler = process.env.BENCH_PROFILE ? await startProfile() : undefined;
const { result, seconds, cpuMs } = await timedRun(Number(process.env.BENCH_CONNECTION_ID));
await profiler?.();
process.send?.({
  url: '',
  seconds,
  cpuMs,
  status: result.status,
  counts: result.counts,
  failures: result.failures.slice(0, 3).map((f) => f.error.message),
  maxRssMb: process.resourceUsage().maxRSS / 1024,
  warmup: warmup && { seconds: warmup.seconds, cpuMs: warmup.cpuMs, counts: warmup.result.counts },
});
await db.close();
process.exit(0);

/** BENCH_PROFILE=dir: a CPU profile of the (measured) run, to open in Chrome's DevTools. */
async function startProfile(): Promise<() => Promise<void>> {
  const { Session } = await import('node:inspector/promises');
  const { writeFile } = await import('node:fs/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    await writeFile(`${process.env.BENCH_PROFILE}/run-${process.pid}.cpuprofile`, JSON.stringify(profile));
  };
}
