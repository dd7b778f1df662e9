/**
 * One sync run in a process of its own (a worker's job, without the queue around it), so the
 * benchmark measures its time and its peak memory alone. Reports over IPC and exits.
 */
import { Cipher } from '../../src/connections/cipher.ts';
import { openDb } from '../../src/db/open.ts';
import { runSync } from '../../src/sync/runner.ts';

const db = await openDb({ databaseUrl: process.env.DATABASE_URL, poolSize: 4 });
const cipher = new Cipher(Buffer.from(process.env.CAIS_SECRET_KEY ?? '', 'hex'));
const profiler = process.env.BENCH_PROFILE ? await startProfile() : undefined;
const started = performance.now();
const cpuBefore = process.cpuUsage();
const result = await runSync(
  { db, cipher },
  { connectionId: Number(process.env.BENCH_CONNECTION_ID), resource: 'stock', trigger: 'manual' },
);
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
await profiler?.();
process.send?.({
  url: '',
  seconds,
  cpuMs: (cpu.user + cpu.system) / 1000,
  status: result.status,
  counts: result.counts,
  failures: result.failures.slice(0, 3).map((f) => f.error.message),
  maxRssMb: process.resourceUsage().maxRSS / 1024,
});
await db.close();
process.exit(0);

/** BENCH_PROFILE=dir: a CPU profile of the run, to open in Chrome's DevTools. */
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
