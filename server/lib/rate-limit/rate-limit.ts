import type { RateLimitPluginOptions } from '@fastify/rate-limit';
import type { Redis } from 'ioredis';
import { AppError } from '../errors';
import { waitFor } from './limit';

/**
 * Options for @fastify/rate-limit: its in-memory store when alone, its Redis store when
 * several processes must share one count. Routes opt in with `config.rateLimit`; there is no
 * global limit here (the per-user limit is added with accounts).
 */
export function rateLimitOptions(
  redis: Redis | undefined,
  nameSpace: string,
): RateLimitPluginOptions {
  return {
    global: false,
    ...(redis ? { redis, nameSpace } : {}),
    // A route that must fail closed when the store is away (login) overrides this.
    skipOnError: true,
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new AppError(
        'rate_limited',
        context.statusCode,
        `Too many requests. Try again in ${waitFor(seconds)}.`,
        {
          limit: context.max,
          retryAfterSeconds: seconds,
        },
      );
    },
  };
}
