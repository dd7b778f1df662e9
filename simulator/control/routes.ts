import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ChannelModule } from '../core/channel.ts';
import type { SimContext } from '../core/context.ts';
import { ControlError, invalid, notFound } from '../core/control-error.ts';
import { ANY_OPERATION } from '../core/faults.ts';
import { checker, parseControl } from '../core/validate.ts';
import * as schemas from './schemas.ts';

export interface ControlDeps {
  readonly ctx: SimContext;
  readonly channels: ReadonlyMap<string, ChannelModule>;
  /** Back to the initial state, optionally under a new seed. */
  readonly reset: (seed?: string) => void;
  readonly controlToken?: string;
}

const check = {
  fault: checker(schemas.FaultBody),
  limits: checker(schemas.LimitsBody),
  settings: checker(schemas.SettingsBody),
  clock: checker(schemas.ClockBody),
  reset: checker(schemas.ResetBody),
  writes: checker(schemas.WritesQuery),
  conformance: checker(schemas.ConformanceQuery),
};

type ChannelRequest = FastifyRequest<{
  Params: { channel: string; op?: string; id?: string; resource?: string };
}>;

function channelOf(deps: ControlDeps, request: ChannelRequest): ChannelModule {
  const channel = deps.channels.get(request.params.channel);
  if (channel === undefined) throw notFound(`channel ${request.params.channel}`);
  return channel;
}

function operationOf(channel: ChannelModule, op: string | undefined): string {
  if (op === ANY_OPERATION || (op !== undefined && channel.operations.includes(op))) return op;
  throw invalid(`unknown operation ${op} for ${channel.name}; one of: *, ${channel.operations.join(', ')}`);
}

function settingsView(ctx: SimContext) {
  return { retry_after: ctx.settings.retryAfter, unlimited: ctx.settings.unlimited };
}

function registerGlobal(scope: FastifyInstance, deps: ControlDeps): void {
  const { ctx } = deps;
  scope.get('/', async () => ({
    seed: ctx.random.seed,
    settings: settingsView(ctx),
    clock: { now: new Date(ctx.clock.now()).toISOString(), offset_ms: ctx.clock.offsetMs },
    channels: [...deps.channels.values()].map((channel) => channel.control.describe()),
    writes: { last_seq: ctx.writeLog.lastSeq },
  }));
  scope.post('/reset', async (request) => {
    const body = parseControl(check.reset, request.body);
    deps.reset(body.seed === undefined ? undefined : String(body.seed));
    return { reset: true, seed: ctx.random.seed };
  });
  scope.get('/settings', async () => settingsView(ctx));
  scope.patch('/settings', async (request) => {
    const body = parseControl(check.settings, request.body);
    if (body.retry_after !== undefined) ctx.settings.retryAfter = body.retry_after;
    if (body.unlimited !== undefined) ctx.settings.unlimited = body.unlimited;
    return settingsView(ctx);
  });
  scope.get('/clock', async () => ({
    now: new Date(ctx.clock.now()).toISOString(),
    offset_ms: ctx.clock.offsetMs,
  }));
  scope.post('/clock', async (request) => {
    ctx.clock.advance(parseControl(check.clock, request.body).advance_ms);
    return { now: new Date(ctx.clock.now()).toISOString(), offset_ms: ctx.clock.offsetMs };
  });
  scope.get('/writes', async (request) => {
    const query = parseControl(check.writes, request.query);
    return ctx.writeLog.query({
      channel: query.channel,
      target: query.target ?? query.item ?? query.sku,
      since: query.since === undefined ? undefined : Number(query.since),
      limit: query.limit === undefined ? undefined : Number(query.limit),
    });
  });
  // Counts of requests received and verdicts of the mounts' validators (simulator/core/conformance.ts).
  scope.get('/conformance', async (request) => {
    const query = parseControl(check.conformance, request.query);
    return ctx.conformance.report({
      channel: query.channel,
      operation: query.operation,
      since: query.since === undefined ? undefined : Number(query.since),
    });
  });
  scope.get('/faults', async () =>
    Object.fromEntries([...deps.channels.values()].map((channel) => [channel.name, channel.faults.list()])),
  );
  scope.delete('/faults', async () => {
    for (const channel of deps.channels.values()) channel.faults.clear();
    return { cleared: true };
  });
}

function registerChannelSettings(scope: FastifyInstance, deps: ControlDeps): void {
  scope.get('/:channel', async (request: ChannelRequest) => channelOf(deps, request).control.describe());
  scope.get('/:channel/settings', async (request: ChannelRequest) =>
    channelOf(deps, request).control.settings(),
  );
  scope.patch('/:channel/settings', async (request: ChannelRequest) =>
    channelOf(deps, request).control.updateSettings(request.body),
  );
  scope.get('/:channel/limits', async (request: ChannelRequest) => ({
    unlimited: deps.ctx.settings.unlimited,
    limits: channelOf(deps, request).limits.table(),
  }));
  scope.put('/:channel/limits', async (request: ChannelRequest) => {
    const channel = channelOf(deps, request);
    const body = parseControl(check.limits, request.body);
    for (const op of Object.keys(body)) operationOf(channel, op);
    for (const [op, limit] of Object.entries(body)) channel.limits.set(op, limit);
    return { unlimited: deps.ctx.settings.unlimited, limits: channel.limits.table() };
  });
  scope.get('/:channel/faults', async (request: ChannelRequest) => channelOf(deps, request).faults.list());
  scope.put('/:channel/faults/:op', async (request: ChannelRequest) => {
    const channel = channelOf(deps, request);
    const op = operationOf(channel, request.params.op);
    channel.faults.set(op, parseControl(check.fault, request.body));
    return channel.faults.list();
  });
  scope.delete('/:channel/faults/:op', async (request: ChannelRequest) => {
    const channel = channelOf(deps, request);
    channel.faults.clear(operationOf(channel, request.params.op));
    return channel.faults.list();
  });
  scope.delete('/:channel/faults', async (request: ChannelRequest) => {
    channelOf(deps, request).faults.clear();
    return {};
  });
}

function registerChannelData(scope: FastifyInstance, deps: ControlDeps): void {
  const control = (request: ChannelRequest) => channelOf(deps, request).control;
  const created = <T>(reply: FastifyReply, value: T) => reply.code(201).send(value);
  scope.post('/:channel/apps', async (request: ChannelRequest, reply) =>
    created(reply, control(request).upsertApp(request.body)),
  );
  scope.post('/:channel/sellers', async (request: ChannelRequest, reply) =>
    created(reply, control(request).upsertSeller(request.body)),
  );
  scope.post('/:channel/tokens', async (request: ChannelRequest, reply) =>
    created(reply, control(request).issueToken(request.body)),
  );
  scope.post('/:channel/revocations', async (request: ChannelRequest) =>
    control(request).revoke(request.body),
  );
  scope.post('/:channel/listings', async (request: ChannelRequest, reply) =>
    created(reply, control(request).createListing(request.body)),
  );
  scope.get('/:channel/listings', async (request: ChannelRequest) => {
    const query = request.query as { seller_id?: string; sku?: string };
    return control(request).listListings({ seller_id: query.seller_id, sku: query.sku });
  });
  scope.get('/:channel/listings/:id', async (request: ChannelRequest) =>
    control(request).getListing(request.params.id!),
  );
  scope.patch('/:channel/listings/:id', async (request: ChannelRequest) =>
    control(request).updateListing(request.params.id!, request.body),
  );
  scope.post('/:channel/orders', async (request: ChannelRequest, reply) =>
    created(reply, control(request).createOrder(request.body)),
  );
  scope.get('/:channel/orders/:id', async (request: ChannelRequest) =>
    control(request).getOrder(request.params.id!),
  );
  scope.post('/:channel/:resource/:id/status', async (request: ChannelRequest) =>
    control(request).setStatus(request.params.resource!, request.params.id!, request.body),
  );
}

/** The control API: JSON, under `/_control`, never inside a marketplace's namespace. */
export async function controlRoutes(scope: FastifyInstance, deps: ControlDeps): Promise<void> {
  if (deps.controlToken !== undefined) {
    const expected = `Bearer ${deps.controlToken}`;
    scope.addHook('onRequest', async (request, reply) => {
      if (request.headers.authorization !== expected) {
        return reply
          .code(401)
          .send({ error: 'unauthorized', message: 'the control API needs its bearer token' });
      }
    });
  }
  scope.setErrorHandler((error: FastifyError | ControlError, _request, reply) => {
    if (error instanceof ControlError)
      return reply.code(error.status).send({ error: error.code, message: error.message });
    const status = error.statusCode !== undefined && error.statusCode >= 400 ? error.statusCode : 500;
    return reply.code(status).send({ error: status >= 500 ? 'internal' : 'invalid', message: error.message });
  });
  scope.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send({ error: 'not_found', message: `no control route ${request.method} ${request.url}` }),
  );
  registerGlobal(scope, deps);
  registerChannelSettings(scope, deps);
  registerChannelData(scope, deps);
}
