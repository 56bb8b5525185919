import type { Redis } from 'ioredis';
import type { Logger } from '../logger';
import { cacheArea, cacheOperations } from '../metrics/process-metrics';
import type { Cache } from './cache';
import { RAW_STRING } from './memory-cache';

export function createRedisCache(redis: Redis, prefix: string, log?: Logger): Cache {
  const counters = { hits: 0, misses: 0, errors: 0 };
  const count = (key: string, result: 'hit' | 'miss' | 'error') =>
    cacheOperations.inc({ backend: 'redis', area: cacheArea(key), result });
  const failed = (err: unknown, op: string, key: string) => {
    counters.errors++;
    count(key, 'error');
    log?.debug({ err, op }, 'cache operation failed; treated as a miss');
  };
  return {
    kind: 'redis',
    async get<T>(key: string) {
      try {
        const raw = await redis.get(prefix + key);
        if (raw === null) {
          counters.misses++;
          count(key, 'miss');
          return undefined;
        }
        counters.hits++;
        count(key, 'hit');
        // A string is stored as itself behind a marker (see RAW_STRING): no escaping, no parse.
        if (raw.startsWith(RAW_STRING)) return raw.slice(1) as T;
        return JSON.parse(raw) as T;
      } catch (err) {
        failed(err, 'get', key);
        counters.misses++;
        count(key, 'miss');
        return undefined;
      }
    },
    async set(key, value, ttlMs) {
      try {
        const text = typeof value === 'string' ? RAW_STRING + value : JSON.stringify(value);
        await redis.set(prefix + key, text, 'PX', Math.max(1, Math.round(ttlMs)));
      } catch (err) {
        failed(err, 'set', key);
      }
    },
    async delete(...keys) {
      if (keys.length === 0) return;
      try {
        await redis.del(...keys.map((k) => prefix + k));
      } catch (err) {
        // A failed invalidation could serve stale data; callers keep TTLs short for this reason.
        log?.warn({ err, keys }, 'cache invalidation failed');
        counters.errors++;
        count(keys[0]!, 'error');
      }
    },
    async ping() {
      await redis.ping();
    },
    stats: () => ({ ...counters }),
    async close() {},
  };
}
