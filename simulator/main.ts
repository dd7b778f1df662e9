import { startSimulator } from './server.ts';

/**
 * `npm run simulator`: SIM_PORT (default 4100), SIM_HOST (default 127.0.0.1), SIM_SEED,
 * SIM_UNLIMITED=1 for the "no limits" mode, SIM_RETRY_AFTER=1, SIM_CONTROL_TOKEN, SIM_LOG=1.
 */
function readPort(value: string | undefined): number {
  if (value === undefined || value === '') return 4100;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`SIM_PORT must be a port number, got "${value}"`);
  }
  return port;
}

const env = process.env;
const flag = (value: string | undefined) => value === '1' || value === 'true';

try {
  const simulator = await startSimulator({
    host: env.SIM_HOST || '127.0.0.1',
    port: readPort(env.SIM_PORT),
    seed: env.SIM_SEED || undefined,
    unlimited: flag(env.SIM_UNLIMITED),
    retryAfter: flag(env.SIM_RETRY_AFTER),
    controlToken: env.SIM_CONTROL_TOKEN || undefined,
    logger: flag(env.SIM_LOG),
  });
  process.stdout.write(
    `Cais marketplace simulator listening on ${simulator.url}\n` +
      `  Mercado Livre: ${simulator.baseUrl('mercadolivre')}\n` +
      `  Magalu:        ${simulator.baseUrl('magalu')}\n` +
      `  Control API:   ${simulator.url}/_control\n`,
  );
  const stop = () => {
    simulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  process.stderr.write(`simulator: ${(error as Error).message}\n`);
  process.exit(1);
}
