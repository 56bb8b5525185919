import { Redis } from 'ioredis';
import type { Logger } from './logger';

/**
 * A Redis connection that fails fast while Redis is away (no offline queue), so callers can
 * degrade — a cache miss, a skipped fan-out — instead of hanging; it reconnects by itself.
 */
export async function connectRedis(url: string, log?: Logger): Promise<Redis> {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 5_000,
    retryStrategy: (attempt) => Math.min(100 * 2 ** attempt, 2_000),
  });
  let reported = false;
  redis.on('error', (err: Error) => {
    // Reconnect attempts repeat the same error; say it once per outage.
    if (!reported) log?.warn({ err }, 'redis connection error');
    reported = true;
  });
  redis.on('ready', () => {
    if (reported) log?.info('redis connection restored');
    reported = false;
  });
  await redis.connect();
  return redis;
}
