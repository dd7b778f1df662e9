/** Cais with both roles (API and worker) on DATABASE_URL, for the continuous-mode benchmark. */
import { readConfig } from '../../src/config.ts';
import { start } from '../../src/server.ts';

const config = readConfig({
  ...process.env,
  CAIS_LOG_LEVEL: 'warn',
  CAIS_RATE_LIMIT_PER_MINUTE: '10000000',
  PORT: '0',
});
const running = await start(config, 'all');
process.send?.({ url: running.url });
process.once('SIGTERM', () => void running.stop().then(() => process.exit(0)));
