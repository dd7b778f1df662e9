import type { AddressInfo } from 'node:net';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import Fastify from 'fastify';
import type { ChannelOptions } from './channels.ts';
import { createChannels } from './channels.ts';
import { controlRoutes } from './control/routes.ts';
import type { ChannelModule } from './core/channel.ts';
import { Clock } from './core/clock.ts';
import { ConformanceLedger, defaultReportDir, writeLedgerReport } from './core/conformance.ts';
import type { SimContext } from './core/context.ts';
import { makeGuard } from './core/guard.ts';
import { RandomStreams } from './core/random.ts';
import { WriteLog } from './core/write-log.ts';

export interface SimulatorOptions extends ChannelOptions {
  /** Decides which calls a fault rule fails. Same seed, same calls: same failures. Default `cais`. */
  readonly seed?: string | number;
  /** Fastify's logger; off by default (a log line per request would cost more than the request). */
  readonly logger?: FastifyServerOptions['logger'];
  /** "No limits" mode: token buckets are skipped (benchmarks). Default false. */
  readonly unlimited?: boolean;
  /** Send `Retry-After` on 429s. Default false: no marketplace here documents it. */
  readonly retryAfter?: boolean;
  /** How many writes the write log keeps (a ring). Default 100 000. */
  readonly writeLogCapacity?: number;
  /** When set, `/_control` requires `Authorization: Bearer <controlToken>`. */
  readonly controlToken?: string;
  /** Idle keep-alive timeout in ms. Default 72 s, above common client pool idle times. */
  readonly keepAliveTimeoutMs?: number;
  /** Time source, for tests. Default Date.now. */
  readonly now?: () => number;
  /**
   * Where the conformance counts are written when the simulator closes (one JSON file).
   * Default `SIM_CONFORMANCE_DIR`, or `test-output/conformance` under `node --test`; null: never.
   */
  readonly conformanceDir?: string | null;
}

export interface RunningSimulator {
  /** e.g. `http://127.0.0.1:41234`; a channel's base URL is `${url}/${channel}`. */
  readonly url: string;
  readonly app: FastifyInstance;
  baseUrl(channel: string): string;
  close(): Promise<void>;
}

function parseBodies(app: FastifyInstance): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    },
  );
  // NF-e XML bodies (ML invoice data) arrive as text; the route reads what it needs.
  app.addContentTypeParser(['application/xml', 'text/xml'], { parseAs: 'string' }, (_request, body, done) => {
    done(null, body);
  });
}

function mountChannel(app: FastifyInstance, channel: ChannelModule, ctx: SimContext): void {
  app.register(
    async (scope) => {
      scope.addHook('preHandler', makeGuard(channel, ctx.clock, ctx.conformance));
      channel.register(scope);
    },
    { prefix: `/${channel.name}` },
  );
}

/** Builds the simulator's Fastify app (no listen): every channel mounted, plus `/_control`. */
export function buildSimulator(options: SimulatorOptions = {}): FastifyInstance {
  const initialSeed = String(options.seed ?? 'cais');
  const clock = new Clock(options.now);
  const ctx: SimContext = {
    clock,
    conformance: new ConformanceLedger(() => clock.now()),
    random: new RandomStreams(initialSeed),
    writeLog: new WriteLog(options.writeLogCapacity ?? 100_000),
    settings: { retryAfter: options.retryAfter ?? false, unlimited: options.unlimited ?? false },
  };
  const channels = createChannels(ctx, options);
  const app = Fastify({
    logger: options.logger ?? false,
    keepAliveTimeout: options.keepAliveTimeoutMs ?? 72_000,
    // Hung requests (the timeout fault) must not keep close() waiting.
    forceCloseConnections: true,
    return503OnClosing: false,
    bodyLimit: 4 * 1024 * 1024,
  });
  app.decorateRequest('simGrant', null);
  parseBodies(app);
  for (const channel of channels) mountChannel(app, channel, ctx);

  const reset = (seed?: string) => {
    ctx.random.reseed(seed ?? initialSeed);
    ctx.writeLog.clear();
    ctx.clock.reset();
    ctx.settings.retryAfter = options.retryAfter ?? false;
    ctx.settings.unlimited = options.unlimited ?? false;
    for (const channel of channels) channel.reset();
  };
  const byName = new Map(channels.map((channel) => [channel.name, channel]));
  app.register(controlRoutes, {
    prefix: '/_control',
    ctx,
    channels: byName,
    reset,
    controlToken: options.controlToken,
  });
  const reportDir = options.conformanceDir === undefined ? defaultReportDir() : options.conformanceDir;
  app.addHook('onClose', async () => {
    for (const channel of channels) channel.close();
    if (reportDir !== null) writeLedgerReport(ctx.conformance, reportDir);
  });
  return app;
}

/** Starts the simulator on an ephemeral port (tests start it in-process). */
export async function startSimulator(
  options: SimulatorOptions & { host?: string; port?: number } = {},
): Promise<RunningSimulator> {
  const app = buildSimulator(options);
  await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  return { url, app, baseUrl: (channel) => `${url}/${channel}`, close: () => app.close() };
}
