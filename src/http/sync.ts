/** Sync routes: schedules, runs, manual sync, and the explain answer. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { catalogItem } from '../catalog/for-channel.ts';
import type { Cipher } from '../connections/cipher.ts';
import type { Db } from '../db/db.ts';
import { CaisError, ErrorKind, unavailable } from '../errors.ts';
import { hintText } from '../i18n/hints.ts';
import { preferredLanguage } from '../i18n/language.ts';
import { explainSku } from '../sync/explain.ts';
import { syncProductNow } from '../sync/manual.ts';
import type { RunnerDeps } from '../sync/runner.ts';
import { getRun, listRuns, presentRun } from '../sync/runs.ts';
import type { SyncJobData } from '../sync/scheduler.ts';
import {
  cancelSchedule,
  createSchedule,
  getSchedule,
  listSchedules,
  presentSchedule,
  replaceSchedule,
  resources,
  targetsOf,
} from '../sync/schedules.ts';
import { withExample } from './contract/common.ts';
import {
  Explain,
  ManualOutcome,
  QueuedRun,
  Run,
  runExample,
  Schedule,
  ScheduleInput,
  ScheduleWithRuns,
  scheduleExample,
} from './contract/sync.ts';
import { errorResponses, SkuParams, sellerSecurity } from './schemas.ts';
import type { SellerApi } from './seller-api.ts';
import { principalOf } from './seller-auth.ts';
import { bodyCheckedByHandler, validate } from './validation.ts';
import { unwrap } from './wrapping.ts';

export interface SyncRouteDeps {
  db: Db;
  cipher: Cipher;
  /** Queues a run on the shared job queue; absent when this process cannot reach it. */
  enqueueRun?: ((data: SyncJobData) => Promise<boolean>) | undefined;
  /** Units held by orders the ERP has not acknowledged (orders/reservations.ts). */
  reservations?: RunnerDeps['reservations'];
}

const tags = ['Sync'];
const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
const IdParams = Type.Object({ id: Id });
const ScheduleRequest = withExample(Type.Object({ schedule: ScheduleInput }), {
  schedule: { connections: [1], resources: ['stock', 'price'], every: '5m' },
});
const OneSchedule = withExample(Type.Object({ schedule: Schedule }), { schedule: scheduleExample });
const OneRun = withExample(Type.Object({ run: Run }), { run: runExample });

const explainExample: Static<typeof Explain> = {
  sku: 'CAM-01',
  listings: [
    {
      sku: 'CAM-01',
      connection: { id: 1, name: 'Mercado Livre', channel: 'mercadolivre', status: 'active' },
      flag: 'green',
      flag_code: null,
      flag_reason: 'connected: stock and price flow',
      container: false,
      external_id: 'MLB4000000001',
      stock: {
        erp_value: 10,
        erp_version: 4,
        reserved: 1,
        effective_value: 9,
        last_sent: {
          value: 9,
          version: 4,
          at: '2026-05-04T12:00:01.000Z',
          confirmed_at: '2026-05-04T12:00:02.000Z',
        },
        pending: false,
        waiting_for: { code: 'up_to_date', message: 'Mercado Livre has the latest value' },
        last_error: null,
      },
      price: {
        erp_value: { price: 49.9, promotional_price: 44.9 },
        erp_version: 2,
        effective_value: { price: 49.9, promotional_price: 44.9 },
        last_sent: null,
        pending: true,
        waiting_for: {
          code: 'next_run',
          message: 'next price run to Mercado Livre (every 5m) at 2026-05-04T12:05:00.000Z',
          at: '2026-05-04T12:05:00.000Z',
        },
        last_error: null,
      },
    },
  ],
};

export function syncRoutes(api: SellerApi, deps: SyncRouteDeps): void {
  const account = (request: FastifyRequest) => principalOf(request).accountId;
  const scheduleBody = (request: FastifyRequest) =>
    validate(ScheduleInput, unwrap(request.body, 'schedule'), 'schedule');

  api.post(
    '/sync/schedules',
    {
      schema: {
        tags,
        operationId: 'createSchedule',
        summary: 'Schedule a synchronisation (Agendar Sincronização)',
        security: sellerSecurity,
        body: ScheduleRequest,
        response: { 201: OneSchedule, ...errorResponses(404) },
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request, reply) => {
      const row = await createSchedule(deps.db, account(request), scheduleBody(request));
      return reply
        .code(201)
        .send({ schedule: presentSchedule(row, await targetsOf(deps.db, account(request))) });
    },
  );

  api.get(
    '/sync/schedules',
    {
      schema: {
        operationId: 'listSchedules',
        tags,
        summary: 'Schedules (active by default)',
        security: sellerSecurity,
        response: {
          200: withExample(Type.Object({ schedules: Type.Array(Schedule) }), {
            schedules: [scheduleExample],
          }),
        },
        querystring: Type.Object({
          status: Type.Optional(
            Type.Union([Type.Literal('active'), Type.Literal('cancelled'), Type.Literal('all')]),
          ),
        }),
      },
    },
    async (request) => {
      const targets = await targetsOf(deps.db, account(request));
      const rows = await listSchedules(deps.db, account(request), request.query.status ?? 'active');
      return { schedules: rows.map((r) => presentSchedule(r, targets)) };
    },
  );

  api.get(
    '/sync/schedules/:id',
    {
      schema: {
        operationId: 'getSchedule',
        tags,
        summary: 'A schedule with its latest runs',
        security: sellerSecurity,
        params: IdParams,
        response: {
          200: withExample(Type.Object({ schedule: ScheduleWithRuns }), {
            schedule: { ...scheduleExample, last_runs: [runExample] },
          }),
          ...errorResponses(404),
        },
      },
    },
    async (request) => {
      const row = await getSchedule(deps.db, account(request), request.params.id);
      const runs = await listRuns(deps.db, { accountId: account(request), scheduleId: row.id, limit: 20 });
      return {
        schedule: {
          ...presentSchedule(row, await targetsOf(deps.db, account(request))),
          last_runs: runs.map(presentRun),
        },
      };
    },
  );

  api.delete(
    '/sync/schedules/:id',
    {
      schema: {
        tags,
        operationId: 'cancelSchedule',
        summary: 'Cancel a schedule (kept in history)',
        security: sellerSecurity,
        params: IdParams,
        response: {
          200: withExample(Type.Object({ schedule: Schedule }), {
            schedule: {
              ...scheduleExample,
              status: 'cancelled',
              cancelled_at: '2026-05-04T12:10:00.000Z',
              next_runs: [],
            },
          }),
          // No body is declared, but one sent is still parsed (and refused when too large or not JSON).
          ...errorResponses(404, 409, 413, 415),
        },
      },
    },
    async (request) => ({
      schedule: presentSchedule(await cancelSchedule(deps.db, account(request), request.params.id)),
    }),
  );

  api.put(
    '/sync/schedules/:id',
    {
      schema: {
        tags,
        operationId: 'replaceSchedule',
        summary: 'Replace a schedule: cancels it and creates the new one atomically',
        security: sellerSecurity,
        params: IdParams,
        body: ScheduleRequest,
        response: { 200: OneSchedule, ...errorResponses(404, 409) },
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request) => {
      const row = await replaceSchedule(deps.db, account(request), request.params.id, scheduleBody(request));
      return { schedule: presentSchedule(row, await targetsOf(deps.db, account(request))) };
    },
  );

  api.patch(
    '/sync/schedules/:id',
    // Not in /openapi.json: it only ever refuses (schedules are immutable), so a client has nothing to call.
    { schema: { hide: true, params: IdParams } },
    async () => {
      throw new CaisError(
        ErrorKind.conflict,
        'schedules cannot be changed: replace it with PUT /sync/schedules/{id} (cancels it and creates the new one), or cancel it with DELETE',
        {
          code: 'schedule_immutable',
        },
      );
    },
  );

  api.post(
    '/sync/schedules/:id/run',
    {
      schema: {
        operationId: 'runSchedule',
        tags,
        summary: 'Run a schedule now',
        security: sellerSecurity,
        params: IdParams,
        response: {
          202: withExample(Type.Object({ runs: Type.Array(QueuedRun) }), {
            runs: [{ connection_id: 1, resource: 'stock', queued: 'queued' }],
          }),
          ...errorResponses(404, 413, 415, 503),
        },
      },
    },
    async (request, reply) => {
      const row = await getSchedule(deps.db, account(request), request.params.id);
      if (!deps.enqueueRun)
        throw unavailable('no job queue in this process; start a worker', { code: 'no_queue' });
      const queued: Static<typeof QueuedRun>[] = [];
      for (const connectionId of row.connection_ids) {
        for (const resource of row.resources) {
          const fresh = await deps.enqueueRun({
            connectionId,
            resource,
            trigger: 'manual',
            scheduleId: row.id,
          });
          queued.push({ connection_id: connectionId, resource, queued: fresh ? 'queued' : 'already_queued' });
        }
      }
      return reply.code(202).send({ runs: queued });
    },
  );

  api.get(
    '/sync/runs',
    {
      schema: {
        operationId: 'listRuns',
        tags,
        summary: 'Runs, newest first (page with `before`)',
        security: sellerSecurity,
        response: { 200: withExample(Type.Object({ runs: Type.Array(Run) }), { runs: [runExample] }) },
        querystring: Type.Object({
          connection_id: Type.Optional(Id),
          resource: Type.Optional(Type.Union(resources.map((r) => Type.Literal(r)))),
          status: Type.Optional(Type.String({ maxLength: 20 })),
          trigger: Type.Optional(Type.String({ maxLength: 20 })),
          schedule_id: Type.Optional(Id),
          before: Type.Optional(Id),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
        }),
      },
    },
    async (request) => {
      const q = request.query;
      const runs = await listRuns(deps.db, {
        accountId: account(request),
        connectionId: q.connection_id,
        resource: q.resource,
        status: q.status,
        trigger: q.trigger,
        scheduleId: q.schedule_id,
        beforeId: q.before,
        limit: q.limit ?? 50,
      });
      return { runs: runs.map(presentRun) };
    },
  );

  api.get(
    '/sync/runs/:id',
    {
      schema: {
        operationId: 'getRun',
        tags,
        summary: 'A run',
        security: sellerSecurity,
        params: IdParams,
        response: { 200: OneRun, ...errorResponses(404) },
      },
    },
    async (request) => ({
      run: presentRun(await getRun(deps.db, account(request), request.params.id)),
    }),
  );

  api.post(
    '/products/:sku/sync',
    {
      schema: {
        tags,
        operationId: 'syncProduct',
        summary: 'Sync this product now: its stock and price to its green listings',
        security: sellerSecurity,
        params: SkuParams,
        querystring: Type.Object({ connection: Type.Optional(Id) }),
        response: {
          200: withExample(Type.Object({ results: Type.Array(ManualOutcome) }), {
            results: [
              { sku: 'CAM-01', connection_id: 1, resource: 'stock', run_id: 12, outcome: 'sent' },
              { sku: 'CAM-01', connection_id: 1, resource: 'price', run_id: 13, outcome: 'sent' },
            ],
          }),
          ...errorResponses(404, 413, 415),
        },
      },
    },
    async (
      request: FastifyRequest<{ Params: { sku: string }; Querystring: { connection?: number } }>,
      reply: FastifyReply,
    ) => {
      const results = await syncProductNow(
        deps,
        account(request),
        request.params.sku,
        request.query.connection,
      );
      // Cais's hint in the caller's language; the marketplace's message stays its own words.
      const lang = preferredLanguage(request.headers['accept-language']);
      const said = results.map((r) =>
        r.error
          ? { ...r, error: { ...r.error, hint: hintText({ ...r.error, hint: r.error.hint ?? null }, lang) } }
          : r,
      );
      return reply.send({ results: said });
    },
  );

  api.get(
    '/products/:sku/sync_status',
    {
      schema: {
        tags,
        operationId: 'getSyncStatus',
        summary: 'Why is (or is not) this SKU up to date on each marketplace',
        security: sellerSecurity,
        params: SkuParams,
        response: { 200: withExample(Explain, explainExample), ...errorResponses(404) },
      },
    },
    async (request) => {
      const item = await catalogItem(deps.db, account(request), request.params.sku);
      const ids = [item.row.id, ...item.variations.map((v) => v.id)];
      const reserved = deps.reservations ? await deps.reservations(deps.db, ids) : undefined;
      return explainSku(
        deps.db,
        account(request),
        request.params.sku,
        reserved && ((id) => reserved.get(id)),
        preferredLanguage(request.headers['accept-language']),
      );
    },
  );
}
