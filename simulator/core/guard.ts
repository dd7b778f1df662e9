import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction, preHandlerHookHandler } from 'fastify';
import type { ChannelModule } from './channel.ts';
import type { Clock } from './clock.ts';
import type { ConformanceLedger } from './conformance.ts';
import type { Grant } from './oauth.ts';

/** The per-route config every marketplace route declares. */
export interface SimRouteConfig {
  /** Operation name: the key of faults and rate limits. */
  readonly op: string;
  /** Whether the route needs a bearer token (and so has an (app, seller) bucket). */
  readonly auth: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    sim?: SimRouteConfig;
  }
  interface FastifyRequest {
    /** The caller resolved from the bearer token; set by the guard on authenticated routes. */
    simGrant: Grant | null;
  }
}

/** The grant of an authenticated route; the guard guarantees it is there. */
export function callerOf(request: FastifyRequest): Grant {
  return request.simGrant!;
}

/**
 * One preHandler per channel: injected faults, then authentication, then the token bucket; what
 * passes is counted as received in the conformance ledger (its route then records the verdict).
 * Callback style and no closures on the fast path: this runs on every call of a benchmark.
 */
export function makeGuard(
  channel: ChannelModule,
  clock: Clock,
  conformance: ConformanceLedger,
): preHandlerHookHandler {
  function admit(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
    const config = request.routeOptions.config.sim!;
    if (config.auth) {
      const grant = channel.authenticate(request, reply, config.op);
      if (grant === null) return;
      request.simGrant = grant;
      const waitMs = channel.limits.take(grant, config.op, clock.now());
      if (waitMs > 0) {
        channel.replyRateLimited(reply, waitMs);
        return;
      }
    }
    conformance.received(channel.name, config.op);
    done();
  }

  function applyFault(
    request: FastifyRequest,
    reply: FastifyReply,
    done: HookHandlerDoneFunction,
    outcome: string,
    status: number,
  ): void {
    if (outcome === 'timeout') {
      // Never answer: the client's own timeout is what is under test. Closing the server
      // destroys the socket (forceCloseConnections), so nothing leaks.
      reply.hijack();
    } else if (outcome === 'error') {
      channel.replyServerError(reply, status);
    } else if (outcome === 'rate_limit') {
      channel.replyRateLimited(reply, 1000);
    } else {
      admit(request, reply, done);
    }
  }

  return function guard(request, reply, done) {
    const config = request.routeOptions.config.sim;
    const decision = config !== undefined && channel.faults.active ? channel.faults.decide(config.op) : null;
    if (config === undefined) done();
    else if (decision === null) admit(request, reply, done);
    else if (decision.latencyMs <= 0) applyFault(request, reply, done, decision.outcome, decision.status);
    else setTimeout(applyFault, decision.latencyMs, request, reply, done, decision.outcome, decision.status);
  };
}
