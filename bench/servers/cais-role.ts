/**
 * One Cais process in the role given by BENCH_ROLE (`serve` or `work`) on DATABASE_URL, logs at
 * warn, the account rate limit raised: the hub benchmark runs several side by side. Reports its
 * URL (API) and pid over IPC.
 */
import { readConfig } from '../../src/config.ts';
import { type Role, start } from '../../src/server.ts';

const role = (process.env.BENCH_ROLE ?? 'serve') as Role;
const config = readConfig({
  ...process.env,
  CAIS_LOG_LEVEL: 'warn',
  CAIS_RATE_LIMIT_PER_MINUTE: '10000000',
  PORT: '0',
});
const running = await start(config, role);
process.send?.({ url: running.url ?? '', pid: process.pid });
process.once('SIGTERM', () => void running.stop().then(() => process.exit(0)));
