import { startSimulator } from './server.ts';

/**
 * `npm run simulator`: SIM_PORT (default 4100), SIM_HOST (default 127.0.0.1), SIM_SEED,
 * SIM_UNLIMITED=1 for the "no limits" mode, SIM_RETRY_AFTER=1, SIM_CONTROL_TOKEN, SIM_LOG=1,
 * SIM_WRITE_LOG_CAP, SIM_MAGALU_APPLY_DELAY_MS, SIM_ML_NOTIFICATION_TIME_SCALE,
 * SIM_AMAZON_APPLY_DELAY_MS, SIM_AMAZON_FEED_QUEUE_MS, SIM_AMAZON_FEED_PROCESSING_MS, SIM_SHOPEE_DAILY_LIMIT.
 */
function readPort(value: string | undefined): number {
  if (value === undefined || value === '') return 4100;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`SIM_PORT must be a port number, got "${value}"`);
  }
  return port;
}

/** A positive number from the environment, or undefined when unset; anything else stops the process. */
function readNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0)
    throw new Error(`${name} must be a non-negative number, got "${value}"`);
  return number;
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
    writeLogCapacity: readNumber('SIM_WRITE_LOG_CAP', env.SIM_WRITE_LOG_CAP),
    magalu: { applyDelayMs: readNumber('SIM_MAGALU_APPLY_DELAY_MS', env.SIM_MAGALU_APPLY_DELAY_MS) },
    mercadolivre: {
      notificationTimeScale: readNumber('SIM_ML_NOTIFICATION_TIME_SCALE', env.SIM_ML_NOTIFICATION_TIME_SCALE),
    },
    amazon: {
      applyDelayMs: readNumber('SIM_AMAZON_APPLY_DELAY_MS', env.SIM_AMAZON_APPLY_DELAY_MS),
      feedQueueMs: readNumber('SIM_AMAZON_FEED_QUEUE_MS', env.SIM_AMAZON_FEED_QUEUE_MS),
      feedProcessingMs: readNumber('SIM_AMAZON_FEED_PROCESSING_MS', env.SIM_AMAZON_FEED_PROCESSING_MS),
    },
    shopee: { dailyCallLimit: readNumber('SIM_SHOPEE_DAILY_LIMIT', env.SIM_SHOPEE_DAILY_LIMIT) },
  });
  process.stdout.write(
    `Cais marketplace simulator listening on ${simulator.url}\n` +
      `  Mercado Livre: ${simulator.baseUrl('mercadolivre')}\n` +
      `  Magalu:        ${simulator.baseUrl('magalu')}\n` +
      `  Amazon:        ${simulator.baseUrl('amazon')}\n` +
      `  Shopee:        ${simulator.baseUrl('shopee')}\n` +
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
