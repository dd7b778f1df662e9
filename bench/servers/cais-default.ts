/**
 * Cais as `npm start` runs it: role `all` (API and worker), logs at the default level (info),
 * the default pool; only the account rate limit is raised, since it is not what is measured.
 * PostgreSQL with DATABASE_URL, else PGlite in CAIS_DATA_DIR. Reports its URL and, on an empty
 * database, the first account's credentials over IPC.
 */
import { readConfig } from '../../src/config.ts';
import { start } from '../../src/server.ts';

const config = readConfig({ ...process.env, CAIS_RATE_LIMIT_PER_MINUTE: '10000000', PORT: '0' });
const running = await start(config, 'all');
const stopProfile = process.env.BENCH_PROFILE ? await startProfile(process.env.BENCH_PROFILE) : undefined;
process.send?.({ url: running.url, credentials: running.credentials });
process.once('SIGTERM', async () => {
  await stopProfile?.();
  await running.stop();
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
    await writeFile(`${dir}/cais-default-${process.pid}.cpuprofile`, JSON.stringify(profile));
  };
}
