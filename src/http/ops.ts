/** Operator routes: liveness, readiness, Prometheus metrics, the OpenAPI document. */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/db.ts';
import type { Metrics } from '../metrics.ts';
import { registerStateMetrics } from '../state-metrics.ts';

export function opsRoutes(app: FastifyInstance, deps: { db: Db; metrics: Metrics }): void {
  const hide = { hide: true };
  registerStateMetrics(deps.metrics.registry, deps.db);
  app.get('/healthz', { schema: hide }, async () => ({ status: 'ok' }));

  app.get('/readyz', { schema: hide }, async (_request, reply) => {
    try {
      await deps.db.query('SELECT 1');
      return { status: 'ready', database: deps.db.kind };
    } catch {
      return reply.code(503).send({ error: 'database unreachable', code: 'db_unavailable' });
    }
  });

  app.get('/metrics', { schema: hide }, async (_request, reply) =>
    reply.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics()),
  );

  app.get('/openapi.json', { schema: hide }, async () => app.swagger());

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    deps.metrics.httpRequests.inc({ method: request.method, route, status: reply.statusCode });
    deps.metrics.httpDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
}
