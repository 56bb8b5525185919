import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { AppError } from '../../lib/errors';
import { waitFor } from '../../lib/rate-limit/limit';

/**
 * AI_REQUESTS_PER_MINUTE per workspace, on every route that starts AI work (generate,
 * regenerate, analyze). Counted in the shared rate-limit store, so all API processes share it.
 * Over the limit: 429 `ai_rate_limited` with when to try again.
 */
export function aiRateLimit(app: FastifyInstance, perMinute: number): preHandlerAsyncHookHandler {
  const check = app.createRateLimit({
    max: perMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => `ai:${request.ctx?.workspaceId ?? request.ip}`,
    skipOnError: true,
  });
  return async (request, reply) => {
    const result = await check(request);
    if (result.isAllowed || !result.isExceeded) return;
    const seconds = Math.max(1, result.ttlInSeconds);
    void reply.header('retry-after', seconds);
    throw new AppError(
      'ai_rate_limited',
      429,
      `This workspace has made ${result.max} AI requests in the last minute. Try again in ${waitFor(seconds)}.`,
      { limit: result.max, retryAfterSeconds: seconds },
    );
  };
}
