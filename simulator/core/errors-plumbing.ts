import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Routes Fastify's own failures inside a marketplace mount (malformed JSON, unknown route,
 * unsupported content type, body too large) to that marketplace's error body.
 */
export function mountErrors(
  scope: FastifyInstance,
  send: (reply: FastifyReply, status: number, message: string) => void,
): void {
  scope.setErrorHandler((error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
    const status = error.statusCode !== undefined && error.statusCode >= 400 ? error.statusCode : 500;
    send(reply, status, status >= 500 ? 'Internal server error' : error.message);
  });
  scope.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    send(reply, 404, `Resource ${request.method} ${request.url} not found`);
  });
}
