import type { FastifyReply } from 'fastify';
import { SP_HTTP_STATUS } from './facts.ts';

/**
 * THE ONE PLACE that shapes Shopee's answers: `{error, message, request_id, response}` [doc], where
 * `error === ""` means success and failures mostly come back as HTTP 200 [2nd].
 */
export interface SpFailure {
  readonly error: string;
  readonly message: string;
  /** The HTTP status when it is not 200 (the gateway's own refusals, fidelity S7). */
  readonly status?: number;
}

export function spFailure(error: string, message: string): SpFailure {
  return { error, message };
}

/** `error_param`, without the module prefix some APIs add (`product.error_param`) [2nd]. */
export function paramError(message: string): SpFailure {
  return { error: 'error_param', message };
}

export function sendOk(
  reply: FastifyReply,
  requestId: string,
  response: unknown,
  warning?: string,
): FastifyReply {
  const body: Record<string, unknown> = { error: '', message: '', request_id: requestId, response };
  if (warning !== undefined) body.warning = warning;
  return reply.code(200).send(body);
}

/** A failure; `response` rides along when the failure explains itself (failure_list). */
export function sendFailure(
  reply: FastifyReply,
  requestId: string,
  failure: SpFailure,
  response?: unknown,
  status?: number,
): FastifyReply {
  const body: Record<string, unknown> = {
    error: failure.error,
    message: failure.message,
    request_id: requestId,
  };
  if (response !== undefined) body.response = response;
  return reply.code(status ?? failure.status ?? SP_HTTP_STATUS[failure.error] ?? 200).send(body);
}
