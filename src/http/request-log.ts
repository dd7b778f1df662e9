/**
 * One log line a request, when it ends: the request (method, URL, host, client), the status and
 * the time it took. Fastify logs two by default, "incoming request" and "request completed", each
 * a write to standard output; the line at the end says all the first did. Errors are logged as
 * Fastify logs them.
 */
import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';

export class OneLineARequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (this.isLogDisabled(request)) return;
    const line = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}
