/** Cais's API (role `serve`) for benchmarks, on the database in DATABASE_URL; reports its URL over IPC. */
import { randomBytes } from 'node:crypto';
import { buildApp } from '../../src/app.ts';
import { readConfig } from '../../src/config.ts';
import { openDb } from '../../src/db/open.ts';

const config = readConfig({
  ...process.env,
  CAIS_LOG_LEVEL: 'warn',
  CAIS_SECRET_KEY: process.env.CAIS_SECRET_KEY ?? randomBytes(32).toString('hex'),
  CAIS_RATE_LIMIT_PER_MINUTE: '10000000',
});
const db = await openDb({ databaseUrl: config.databaseUrl, poolSize: config.dbPoolSize });
const app = await buildApp({ config, db });
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.send?.({ url });
const stopProfile = process.env.BENCH_PROFILE ? await startProfile(process.env.BENCH_PROFILE) : undefined;
process.once('SIGTERM', async () => {
  await stopProfile?.();
  await app.close();
  await db.close();
  process.exit(0);
});

/** BENCH_PROFILE=dir: a CPU profile of this server, to open in Chrome's DevTools. */
async function startProfile(dir: string): Promise<() => Promise<void>> {
  const { Session } = await import('node:inspector/promises');
  const { writeFile } = await import('node:fs/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    await writeFile(`${dir}/cais-${process.pid}.cpuprofile`, JSON.stringify(profile));
  };
}
