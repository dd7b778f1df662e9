/**
 * The process's JSON logger outside HTTP requests (workers, the scheduler, pg-boss): pino, as the
 * API's Fastify logger is, at the same level and in the same shape, so one log pipeline reads both.
 * Errors keep their stack and cause chain, beside what they concerned (run id, connection, account).
 */
import { pino } from 'pino';
import type { Config } from './config.ts';

export type ErrorLog = (error: unknown, context?: Record<string, unknown>) => void;

let stdout: pino.DestinationStream | undefined;

/**
 * Standard output for every logger of the process, written asynchronously: a line is handed to
 * the kernel from libuv's thread pool (lines logged meanwhile go in the same write), where a
 * synchronous write held the request's thread for each line, about 50 µs on a loaded machine.
 * pino flushes what is pending when the process exits; a kill -9 can lose the last write.
 */
export function logDestination(): pino.DestinationStream {
  // Bounded: if whatever reads standard output stalls, lines beyond 16 MiB are dropped rather
  // than held in memory without end.
  stdout ??= pino.destination({ dest: 1, sync: false, maxLength: 16 * 1024 * 1024 });
  return stdout;
}

export function createLogger(config: Pick<Config, 'logLevel'>, destination?: pino.DestinationStream) {
  return pino(
    { level: config.logLevel, serializers: { err: serializeError } },
    destination ?? logDestination(),
  );
}

/** Stack and cause chain; never a failed statement's parameters (they may hold sealed secrets). */
function serializeError(error: Error) {
  const { params: _params, ...rest } = pino.stdSerializers.errWithCause(error) as Record<string, unknown>;
  return rest;
}

/** An onError for workers: one `error` line with the error's stack and cause, and its context. */
export function errorLogger(logger: pino.Logger): ErrorLog {
  return (error, context = {}) => {
    const { msg, ...fields } = context;
    const err = error instanceof Error ? error : new Error(String(error));
    logger.error({ ...fields, err }, typeof msg === 'string' ? msg : err.message);
  };
}
