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
  frequencies,
  getSchedule,
  listSchedules,
  presentSchedule,
  replaceSchedule,
  resources,
  targetsOf,
} from '../sync/schedules.ts';
import { SkuParams, sellerSecurity } from './schemas.ts';
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
const ScheduleBody = Type.Object(
  {
    connections: Type.Array(Id, { minItems: 1, maxItems: 50 }),
    resources: Type.Array(Type.Union(resources.map((r) => Type.Literal(r))), { minItems: 1, maxItems: 4 }),
    every: Type.Union(
      Object.keys(frequencies).map((f) => Type.Literal(f)),
      {
        description: '1m, 5m, 10m, 15m (suggested for stock and orders), 30m, 60m, 6h, 24h or continuous',
      },
    ),
  },
  { additionalProperties: false },
);
type ScheduleBody = Static<typeof ScheduleBody>;

export function syncRoutes(api: SellerApi, deps: SyncRouteDeps): void {
  const account = (request: FastifyRequest) => principalOf(request).accountId;
  const scheduleBody = (request: FastifyRequest) =>
    validate<ScheduleBody>(ScheduleBody, unwrap(request.body, 'schedule'), 'schedule');

  api.post(
    '/sync/schedules',
    {
      schema: {
        tags,
        summary: 'Schedule a synchronisation (Agendar Sincronização)',
        security: sellerSecurity,
        body: Type.Object({ schedule: ScheduleBody }),
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
        tags,
        security: sellerSecurity,
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
    { schema: { tags, security: sellerSecurity, params: IdParams } },
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
        summary: 'Cancel a schedule (kept in history)',
        security: sellerSecurity,
        params: IdParams,
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
        summary: 'Replace a schedule: cancels it and creates the new one atomically',
        security: sellerSecurity,
        params: IdParams,
        body: Type.Object({ schedule: ScheduleBody }),
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
    { schema: { tags, security: sellerSecurity, params: IdParams } },
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
    { schema: { tags, summary: 'Run a schedule now', security: sellerSecurity, params: IdParams } },
    async (request, reply) => {
      const row = await getSchedule(deps.db, account(request), request.params.id);
      if (!deps.enqueueRun)
        throw unavailable('no job queue in this process; start a worker', { code: 'no_queue' });
      const queued = [];
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
        tags,
        security: sellerSecurity,
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
    { schema: { tags, security: sellerSecurity, params: IdParams } },
    async (request) => ({
      run: presentRun(await getRun(deps.db, account(request), request.params.id)),
    }),
  );

  api.post(
    '/products/:sku/sync',
    {
      schema: {
        tags,
        summary: 'Sync this product now: its stock and price to its green listings',
        security: sellerSecurity,
        params: SkuParams,
        querystring: Type.Object({ connection: Type.Optional(Id) }),
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
        summary: 'Why is (or is not) this SKU up to date on each marketplace',
        security: sellerSecurity,
        params: SkuParams,
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
