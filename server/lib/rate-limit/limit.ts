import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { AppError } from '../errors';

/** "45 s", "15 min", "2 h": how long to wait, as a person would say it. */
export function waitFor(seconds: number): string {
  if (seconds < 90) return `${seconds} s`;
  if (seconds < 90 * 60) return `${Math.ceil(seconds / 60)} min`;
  return `${Math.ceil(seconds / 3600)} h`;
}

export interface LimitOptions {
  /** Names the counter; two limits with different names never share a count. */
  name: string;
  max: number;
  windowMs: number;
  /** What is counted: an address, an account, a user. */
  key(request: FastifyRequest): string;
  /**
   * When the shared store (Redis) is away: false lets requests through (most routes); true
   * refuses them with 503 (sign-in, where a pause in limiting is what a guesser waits for).
   */
  failClosed?: boolean;
}

/**
 * A preHandler enforcing one limit. Several may guard one route (per address and per
 * account), which the plugin's own route hook does not allow: it runs once per request.
 */
export function limit(app: FastifyInstance, options: LimitOptions): preHandlerAsyncHookHandler {
  const check = app.createRateLimit({
    max: options.max,
    timeWindow: options.windowMs,
    keyGenerator: (request) => `${options.name}:${options.key(request)}`,
    skipOnError: !options.failClosed,
  });
  return async (request, reply) => {
    let result;
    try {
      result = await check(request);
    } catch (err) {
      request.log.error({ err, limit: options.name }, 'rate-limit store unavailable; refusing');
      throw new AppError(
        'rate_limit_unavailable',
        503,
        'This is paused for a moment while a server component recovers. Try again in a few seconds.',
      );
    }
    if (result.isAllowed) return;
    void reply.header('x-ratelimit-limit', result.max);
    void reply.header('x-ratelimit-remaining', result.remaining);
    if (result.isExceeded) {
      const seconds = Math.max(1, result.ttlInSeconds);
      void reply.header('retry-after', seconds);
      throw new AppError(
        'rate_limited',
        429,
        `Too many attempts. Try again in ${waitFor(seconds)}.`,
        {
          limit: result.max,
          retryAfterSeconds: seconds,
        },
      );
    }
  };
}
